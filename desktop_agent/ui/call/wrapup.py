"""The wrap-up pane: disposition (required before Ready), notes, the countdown, and auto-Ready.

The disposition can be chosen while still talking; it is required when wrap-up ends. When a call
ends, the pane raises itself and, unless the operator is typing somewhere, takes the keyboard:
digits 1-9 pick a disposition and F9 finishes and goes Ready. At 768 px the list lacks rows for
all eleven dispositions, so during wrap-up the pane borrows the height it needs from the panes
above it in its column (the templates) and gives it back when wrap-up ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.call_session import CallSession, CallState, EndReason
from desktop_agent.core.ports import DispositionDTO, ReferenceData
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.kit.i18n import current_language, fill, format_duration
from desktop_agent.ui.kit.pane import Area, Pane
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell import actions as A
from desktop_agent.ui.shell.actions import ActionRegistry, EnterKey
from desktop_agent.ui.shell.dock_height import DockHeightLoan
from desktop_agent.ui.shell.theme import Tone, set_dim, timer_font, tone_colour

CODE_ROLE = Qt.ItemDataRole.UserRole


class DispositionList(QListWidget):
    """Digits 1-9 pick the n-th disposition; Enter (Return or the number pad's) picks the highlighted
    one: a list that gets the focus highlights its first row without choosing it."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        EnterKey(self).pressed.connect(self.pick_current)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if text.isdigit() and text != "0" and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            row = int(text) - 1
            if row < self.count():
                self.setCurrentRow(row)
                self.scrollToItem(self.item(row))  # a window too short for every row still shows the chosen one
            return
        super().keyPressEvent(event)

    def rows_missing_px(self) -> int:
        """How much taller the list must be to show every row without scrolling."""
        if self.count() == 0:
            return 0
        rows = sum(self.sizeHintForRow(r) for r in range(self.count()))
        return max(0, rows + 2 * self.frameWidth() + 2 - self.height())

    def pick_current(self) -> None:
        item = self.currentItem()
        if item is not None and not item.isSelected():
            self.setCurrentItem(item, QItemSelectionModel.SelectionFlag.ClearAndSelect)


class WrapupPane(Pane):
    pane_id: ClassVar[str] = "pane.wrapup"
    default_area: ClassVar[Area | None] = Area.RightDockWidgetArea
    minimum_width: ClassVar[int] = 280
    focus_action_id: ClassVar[str] = A.AGENT_DISPOSITION.id
    # Needed once the call ends: it shares a tab with the checklist (used during the call) and
    # comes to the front by itself when wrap-up starts. Keeps the right column short at 768 px.
    tab_with: ClassVar[str] = "pane.checklist"

    def __init__(self, flow: CallFlow, reference: ReferenceData, db_runner: ServiceRunner, *,
                 on_auto_ready: Callable[[bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.reference = reference
        self.db = db_runner
        self._on_auto_ready = on_auto_ready
        self.dispositions: tuple[DispositionDTO, ...] = ()
        self._call_id: str | None = None
        self._last_state: CallState | None = None
        self.room = DockHeightLoan(self)

        self.heading = QLabel(objectName="wrapupHeading")
        self.heading.setWordWrap(True)
        self.countdown = QLabel(objectName="wrapupCountdown")
        self.countdown.setFont(timer_font(self.countdown.font()))
        self.list_label = QLabel()
        self.list = DispositionList(objectName="dispositionList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_label.setBuddy(self.list)
        self.notes_label = QLabel()
        self.notes = QPlainTextEdit(objectName="wrapupNotes")
        self.notes.setTabChangesFocus(True)
        # Three lines for notes, the list takes the rest: every pixel the pane gets goes to the
        # dispositions, which must all be on screen (digits pick them).
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 2 * self.notes.frameWidth() + 8)
        self.list.setMinimumHeight(120)
        self.notes_label.setBuddy(self.notes)
        self.auto_ready = QCheckBox(objectName="autoReady")
        self.auto_ready.setChecked(flow.policy.auto_ready)
        self.finish = QPushButton(objectName="finishWrapup")
        self.hint = QLabel()
        set_dim(self.hint)
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.auto_ready)
        layout.addWidget(self.finish)
        layout.addWidget(self.hint)

        # Selection, not the current item: a list that gets the focus makes its first row current
        # (without selecting it), and that must not count as the operator's choice.
        self.list.itemSelectionChanged.connect(self._picked)
        self.notes.textChanged.connect(lambda: self.flow.set_notes(self.notes.toPlainText()))
        self.auto_ready.toggled.connect(self._on_auto_ready)
        self.finish.clicked.connect(self.flow.go_ready)
        flow.call_changed.connect(self._call_changed)
        flow.ticked.connect(self._show_countdown)
        self._load()
        self.retranslate()
        self._call_changed(flow.current)

    # ---- Pane ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Wrap-up")

    def register_actions(self, registry: ActionRegistry) -> None:
        registry.add(A.AGENT_DISPOSITION, self.take_focus)

    def focus_target(self) -> QWidget:
        return self.list

    def take_focus(self) -> None:
        self.reveal()
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- data ------------------------------------------------------------------------------
    def _load(self) -> None:
        self.db.submit(self.reference.dispositions, current_language(), on_result=self._loaded, owner=self)

    def _loaded(self, dispositions: tuple[DispositionDTO, ...]) -> None:
        self.dispositions = tuple(dispositions)
        chosen = self.flow.current.disposition if self.flow.current else None
        self.list.blockSignals(True)
        self.list.clear()
        for i, d in enumerate(self.dispositions, start=1):
            label = f"{i}  {d.title}" if i < 10 else f"    {d.title}"
            if d.requires_ticket:
                label += "  " + self.tr("(needs a ticket)")
            item = QListWidgetItem(label)
            item.setData(CODE_ROLE, d.code)
            self.list.addItem(item)
            if d.code == chosen:
                item.setSelected(True)
        self.list.blockSignals(False)

    def _picked(self) -> None:
        items = self.list.selectedItems()
        if items and self.flow.current is not None:
            self.flow.set_disposition(items[0].data(CODE_ROLE))
        self._show_finish()

    # ---- following the call ----------------------------------------------------------------
    def _call_changed(self, session: CallSession | None) -> None:
        active = session is not None and session.state in (CallState.TALKING, CallState.HELD, CallState.WRAPUP)
        if session is None or session.call_id != self._call_id:
            self._call_id = session.call_id if session else None
            self.list.blockSignals(True)
            self.list.setCurrentRow(-1)
            self.list.clearSelection()
            self.list.blockSignals(False)
            self.notes.blockSignals(True)
            self.notes.setPlainText(session.notes if session else "")
            self.notes.blockSignals(False)
        for widget in (self.list, self.notes, self.finish):
            widget.setEnabled(active)
        in_wrapup = session is not None and session.state is CallState.WRAPUP
        entering = in_wrapup and self._last_state is not CallState.WRAPUP
        leaving = not in_wrapup and self._last_state is CallState.WRAPUP
        self._last_state = session.state if session else None
        # A caller who hangs up must not steal the keys of a half-typed ticket; but an operator who
        # hangs up is done with the call, wherever the cursor was: the disposition keys come next.
        if entering and (session.end_reason is EndReason.LOCAL_HANGUP or not self._typing_elsewhere()):
            self.take_focus()
        if entering:
            # once the pane is laid out in front: then the list knows how many rows it lacks
            QTimer.singleShot(0, self, self._make_room)
        elif leaving:
            self.room.give_back()
        self._show_heading(session)
        self._show_countdown()
        self._show_finish()

    def _make_room(self, attempts: int = 3) -> None:
        """Every disposition on screen at 768 px: the rows the list lacks come from the panes above
        or below it in its column (the templates) until wrap-up ends. Measured again once the
        window has laid the docks out anew: lines above the list may have changed meanwhile."""
        if self._last_state is not CallState.WRAPUP or not self.isVisible():
            return
        missing = self.list.rows_missing_px()
        if missing > 0 and self.room.take(missing) and attempts > 1:
            QTimer.singleShot(0, self, lambda: self._make_room(attempts - 1))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._last_state is CallState.WRAPUP:  # closed when wrap-up began, brought back now (F-key, menu)
            QTimer.singleShot(0, self, self._make_room)

    def _typing_elsewhere(self) -> bool:
        focus = QApplication.focusWidget()
        return isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit) and not self.isAncestorOf(focus)

    def _show_heading(self, session: CallSession | None) -> None:
        if session is None or session.state in (CallState.RINGING, CallState.DONE):
            self.heading.setText(self.tr("No call to wrap up"))
        elif session.state is CallState.WRAPUP:
            self.heading.setText(self.tr("After-call work"))
        else:
            self.heading.setText(self.tr("Outcome of the current call"))

    def _show_countdown(self) -> None:
        s = self.flow.current
        if s is None or s.state is not CallState.WRAPUP:
            self.countdown.setText("")
            return
        remaining = s.wrapup_remaining
        if remaining is None:
            self.countdown.setText(format_duration(s.wrapup_seconds))
            self.countdown.setStyleSheet("")
            return
        self.countdown.setText(format_duration(remaining))
        colour = Tone.DANGER if remaining <= 0 else Tone.WRAPUP if remaining > 10 else Tone.NOT_READY
        self.countdown.setStyleSheet(f"color: {tone_colour(self.palette(), colour).name()};")

    def _show_finish(self) -> None:
        s = self.flow.current
        ready_keys = "F9"
        if s is not None and s.state is CallState.WRAPUP:
            self.finish.setEnabled(bool(s.disposition))
            self.finish.setText(fill(self.tr("Finish and go Ready (%1)"), ready_keys))
            self.hint.setText("" if s.disposition else self.tr("Choose a disposition: press 1–9."))
        else:
            self.finish.setEnabled(False)
            self.finish.setText(fill(self.tr("Finish and go Ready (%1)"), ready_keys))
            self.hint.setText(self.tr("The disposition can be chosen during the call; "
                                      "it is required before you go Ready."))

    def show_policy(self) -> None:
        """The flow's wrap-up policy was changed elsewhere (Settings): show it without applying
        it again, which the check box's own signal would do."""
        self.auto_ready.blockSignals(True)
        self.auto_ready.setChecked(self.flow.policy.auto_ready)
        self.auto_ready.blockSignals(False)
        self.retranslate()  # the check box's tooltip names the limit
        self._show_countdown()

    def retranslate(self) -> None:
        self.list_label.setText(self.tr("&Disposition (required)"))
        self.notes_label.setText(self.tr("&Notes"))
        self.auto_ready.setText(self.tr("Go Ready by itself when wrap-up time is up"))
        limit = self.flow.policy.limit_seconds
        self.auto_ready.setToolTip(fill(self.tr("Wrap-up limit: %1"), format_duration(limit)) if limit
                                   else self.tr("No wrap-up limit is set"))
        self._show_heading(self.flow.current)
        self._show_finish()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._load()
        super().changeEvent(event)
