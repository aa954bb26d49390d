"""The ticket editor's two dialogs: the escalation reason, and picking an open ticket to link the call to.

Enter means the same on the main keys and on the number pad: in the link dialog it links the
highlighted ticket; in the reason field it starts a new line, and Ctrl+Enter escalates.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.dto import TicketDTO
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.actions import is_enter
from desktop_agent.ui.ticket.models import TicketListModel

REASON_MAX = 2000


class EscalationDialog(QDialog):
    """L1 -> L2 -> L3 needs a reason: OK stays disabled until one is written."""

    def __init__(self, number: str, tier: str, next_tier: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationDialog")
        self.setWindowTitle(self.tr("Escalate ticket"))
        self.setMinimumWidth(460)
        self.heading = QLabel(fill(self.tr("Escalate %1 from %2 to %3."), number, tier, next_tier))
        self.heading.setWordWrap(True)
        label = QLabel(self.tr("&Reason (required): what was tried, why the next line is needed"))
        label.setWordWrap(True)
        self.reason = QPlainTextEdit(objectName="escalationReason")
        self.reason.setTabChangesFocus(True)
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Escalate"))
        self.ok.setToolTip(self.tr("Escalate with this reason (Ctrl+Enter)"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._check)
        # Qt's dialog takes Ctrl+Enter of the number pad as OK but not Ctrl+Return: both escalate
        self.reason.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(label)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _check(self) -> None:
        self.ok.setEnabled(0 < len(self.text()) <= REASON_MAX)

    def accept(self) -> None:
        if not self.text():  # Enter on an empty reason: refused, the dialog stays
            return
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.reason and event.type() == QEvent.Type.KeyPress and is_enter(event, Qt.KeyboardModifier.ControlModifier):
            if self.ok.isEnabled():
                self.accept()
            return True
        return False


class LinkTicketDialog(QDialog):
    """The caller's open tickets; Enter links the call to the highlighted one."""

    def __init__(self, tickets: Sequence[TicketDTO], who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkTicketDialog")
        self.setWindowTitle(self.tr("Link the call to an open ticket"))
        self.resize(620, 320)
        heading = QLabel(fill(self.tr("Open tickets of %1. The call is added to the chosen ticket's history."),
                              who))
        heading.setWordWrap(True)
        self.model = TicketListModel(self)
        self.model.set_tickets(tickets)
        self.table = QTableView(objectName="linkTickets")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Link"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if tickets:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> TicketDTO | None:
        index = self.table.currentIndex()
        return self.model.ticket(index.row()) if index.isValid() else None
