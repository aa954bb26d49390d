"""The checklist pane's caller type: the box that picks it, and the question asked, inline and never
in a dialog, before a switch that would drop ticks.

`CallerTypeSwitch` owns these widgets and the pending question; ChecklistPane decides what a switch
does to the run. The switch says `wanted` when the operator picks a type in the box, `confirmed`
when they answer yes to the question, and `cancelled` when they keep the type. Its words keep the
pane's translation context ("ChecklistPane"), where they were translated.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from desktop_agent.core.checklist import ChecklistDefinition, ChecklistRun
from desktop_agent.core.domain import CallerType
from desktop_agent.ui.checklist.banner import Banner
from desktop_agent.ui.checklist.words import caller_type_text
from desktop_agent.ui.kit.i18n import fill


def dropped_ticks(run: ChecklistRun | None, definition: ChecklistDefinition | None) -> list[str]:
    """Titles of the run's ticked steps that `definition` lacks: the ticks a switch to it would drop."""
    return run.dropped_by(definition) if run is not None and definition is not None else []


class CallerTypeSwitch(QObject):
    wanted = Signal(str)     # the operator picked this caller type in the box
    confirmed = Signal(str)  # ... and, asked, chose to switch to it anyway
    cancelled = Signal()     # ... or to keep the caller type the run has

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.box = QComboBox(objectName="callerType")
        for caller_type in CallerType:
            self.box.addItem("", caller_type.value)
        self.label.setBuddy(self.box)
        self.yes, self.no = QPushButton(), QPushButton()
        self.bar = Banner("checklistSwitch", "?", self.yes, self.no, below=True)
        self.pending: str | None = None  # the caller type the question is about
        self.box.activated.connect(lambda i: self.wanted.emit(self.box.itemData(i)))
        self.yes.clicked.connect(self.confirm)
        self.no.clicked.connect(self.cancel)

    def ask(self, caller_type: str, dropped: Sequence[str]) -> None:
        """Ask before switching to `caller_type`, naming the ticked steps it lacks."""
        self.pending = caller_type
        question = QCoreApplication.translate("ChecklistPane", "“%1” has no step “%2”: its tick would be dropped. "
                                                       "Switch anyway?")
        self.bar.text.setText(fill(question, caller_type_text(caller_type), "”, “".join(dropped)))
        self.bar.show()
        self.no.setFocus(Qt.FocusReason.OtherFocusReason)  # the safe answer is the one Enter gives

    def forget(self) -> None:
        """No question any more (the call ended, or another type was picked)."""
        self.pending = None
        self.bar.hide()

    def confirm(self) -> None:
        if self.pending is not None:
            caller_type = self.pending
            self.forget()
            self.confirmed.emit(caller_type)

    def cancel(self) -> None:
        self.forget()
        self.cancelled.emit()

    def show_type(self, caller_type: str, description: str) -> None:
        self.box.setCurrentIndex(max(0, self.box.findData(caller_type)))
        self.box.setToolTip(description)

    def open(self) -> None:
        """The box, open, with the keyboard: arrows and Enter pick a type."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.showPopup()

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("ChecklistPane", "&Caller:"))
        for i in range(self.box.count()):
            self.box.setItemText(i, caller_type_text(self.box.itemData(i)))
        self.yes.setText(QCoreApplication.translate("ChecklistPane", "Switch"))
        self.no.setText(QCoreApplication.translate("ChecklistPane", "Keep"))

    def restyle(self) -> None:
        self.bar.restyle()
