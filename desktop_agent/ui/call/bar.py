"""The call bar: agent state, the current caller, call controls and timers.

It sits as a toolbar at the top of the window. It shows what the call flow says and sends the
operator's commands back to it; it holds no call logic. Buttons follow the session: an action is
enabled only when the session allows it and the backend can do it. A second ringing call is
shown once, as the screen-pop card's compact line; here it only enables Decline.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop_agent.core.agent_state import AgentState, AgentStatus
from desktop_agent.core.call_session import CallCommand, CallSession, CallState
from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import ScreenPop
from desktop_agent.core.phone import format_international, normalise
from desktop_agent.core.ports import PauseReasonDTO, ReferenceData
from desktop_agent.ui.call.dtmf_pad import DtmfPad
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.card.header import WrapLabel, whole_text_tip
from desktop_agent.ui.kit.i18n import call_state_text, current_language, fill, format_duration
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell import actions as A
from desktop_agent.ui.shell.actions import ActionRegistry
from desktop_agent.ui.shell.theme import (
    Tone,
    call_bar_sheet,
    icon,
    keep_sheet,
    set_dim,
    timer_font,
    tone_colour,
)

# Which icon each call action shows; the glyphs live in resources/icons.
ICONS = {
    "call.answer": "answer", "call.hold": "hold", "call.mute": "mute", "call.transfer": "transfer",
    "call.dtmf": "dialpad", "call.hangup": "hangup", "call.decline": "decline",
}
ICON_TONES = {"call.answer": Tone.TALKING, "call.hangup": Tone.DANGER, "call.decline": Tone.DANGER}


def caller_text(session: CallSession, pop: ScreenPop | None) -> str:
    """Who is calling, in the fewest words: the customer's name, else the number, else the raw ID."""
    if pop is not None and pop.customer is not None:
        return pop.customer.full_name
    caller = normalise(session.caller_id_raw)
    number = format_international(caller.e164) if caller.e164 else ""
    if session.display_name and number:
        return f"{session.display_name} · {number}"
    return session.display_name or number or session.caller_id_raw or "?"


class CallBar(QToolBar):
    def __init__(self, flow: CallFlow, reference: ReferenceData, db_runner: ServiceRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBar")
        keep_sheet(self, call_bar_sheet)
        self.setMovable(False)
        self.setFloatable(False)
        self.flow = flow
        self.reference = reference
        self.db = db_runner
        self.registry: ActionRegistry | None = None
        self.pause_reasons: tuple[PauseReasonDTO, ...] = ()
        self.status: AgentStatus | None = None
        self.pad: DtmfPad | None = None
        self._pause_menu: QMenu | None = None

        self.state_pill = QLabel(objectName="statePill")
        self.state_detail = QLabel()
        set_dim(self.state_detail)
        # a long name is cut with '…' before the timer, whole in the tooltip
        self.caller = WrapLabel(objectName="callerLabel", one_line=True)
        font = QFont(self.caller.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.caller.setFont(font)
        self.caller.setMinimumWidth(160)
        self.caller.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.timer = QLabel(objectName="callTimer")
        self.timer.setFont(timer_font(self.timer.font()))

        head = QWidget()
        layout = QHBoxLayout(head)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.state_pill)
        layout.addWidget(self.state_detail)
        self.addWidget(head)
        self.addSeparator()
        self.buttons: dict[str, QToolButton] = {}

        flow.call_changed.connect(self.refresh)
        flow.waiting_changed.connect(self.refresh)
        flow.screen_pop.connect(lambda *_: self.refresh())
        flow.agent_changed.connect(self._agent_changed)
        flow.ticked.connect(self._tick)
        self.retranslate()

    # ---- composition -----------------------------------------------------------------------
    def register_actions(self, registry: ActionRegistry) -> None:
        self.registry = registry
        f = self.flow
        handlers = {
            A.CALL_ANSWER: f.answer, A.CALL_HOLD: f.toggle_hold, A.CALL_MUTE: f.toggle_mute,
            A.CALL_TRANSFER: self.ask_transfer, A.CALL_DTMF: self.show_pad, A.CALL_HANGUP: f.hangup,
            A.CALL_DECLINE: f.decline, A.AGENT_READY: self.ready, A.AGENT_NOT_READY: self.show_pause_menu,
        }
        for spec, handler in handlers.items():
            registry.add(spec, handler)
        caller_box = QWidget()
        box = QHBoxLayout(caller_box)
        box.setContentsMargins(4, 0, 4, 0)
        box.setSpacing(10)
        box.addWidget(self.caller, 1)
        box.addWidget(self.timer)
        for spec in (A.AGENT_READY, A.AGENT_NOT_READY):
            self._button(spec.id, with_text=True)
        self.addSeparator()
        self.addWidget(caller_box)
        self.addSeparator()
        for spec in (A.CALL_ANSWER, A.CALL_HOLD, A.CALL_MUTE, A.CALL_TRANSFER, A.CALL_DTMF, A.CALL_HANGUP):
            self._button(spec.id, with_text=spec in (A.CALL_ANSWER, A.CALL_HANGUP))
        self._load_reasons()
        self._refresh_icons()
        self.refresh()

    def _button(self, action_id: str, *, with_text: bool) -> None:
        assert self.registry is not None
        button = QToolButton()
        button.setDefaultAction(self.registry.get(action_id))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if with_text
                                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setObjectName(f"button.{action_id}")
        self.addWidget(button)
        self.buttons[action_id] = button

    def _load_reasons(self) -> None:
        self.db.submit(self.reference.pause_reasons, current_language(),
                       on_result=self._reasons_loaded, owner=self)

    def _reasons_loaded(self, reasons: tuple[PauseReasonDTO, ...]) -> None:
        self.pause_reasons = tuple(reasons)
        self._show_agent()

    # ---- operator commands that need a question first --------------------------------------
    def ready(self) -> None:
        self.flow.go_ready()

    def show_pause_menu(self) -> QMenu | None:
        if not self.pause_reasons:
            self._load_reasons()
            return None
        menu = QMenu(self)
        menu.setObjectName("pauseMenu")
        for i, reason in enumerate(self.pause_reasons, start=1):
            label = f"&{i} {reason.title}" if i < 10 else reason.title
            action = menu.addAction(label)
            action.setData(reason.code)
        menu.triggered.connect(lambda a: self.flow.go_not_ready(a.data()))
        button = self.buttons.get(A.AGENT_NOT_READY.id)
        where = button.mapToGlobal(QPoint(0, button.height())) if button else self.mapToGlobal(QPoint(0, 0))
        menu.popup(where)
        menu.setActiveAction(menu.actions()[0])
        self._pause_menu = menu
        return menu

    def ask_transfer(self) -> None:
        s = self.flow.current
        if s is None or not s.allowed(CallCommand.TRANSFER):
            self.flow.transfer("")  # reports why not
            return
        target, ok = QInputDialog.getText(self, self.tr("Transfer"), self.tr("Number or extension:"))
        if ok:
            self.flow.transfer(target)

    def show_pad(self) -> None:
        if self.pad is None:
            self.pad = DtmfPad(self.flow.send_dtmf, self)
        self.pad.show()
        self.pad.raise_()
        self.pad.activateWindow()

    # ---- showing ---------------------------------------------------------------------------
    def _agent_changed(self, status: AgentStatus) -> None:
        self.status = status
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self._update_actions()
        self._show_agent()
        self._show_call()

    def _update_actions(self) -> None:
        if self.registry is None:
            return
        s = self.flow.current
        caps = self.flow.softphone.capabilities

        def allowed(command: CallCommand) -> bool:
            return s is not None and s.allowed(command)

        held = s is not None and s.state is CallState.HELD
        states = {
            A.CALL_ANSWER.id: allowed(CallCommand.ANSWER),
            A.CALL_DECLINE.id: allowed(CallCommand.REJECT) or self.flow.waiting is not None,
            A.CALL_HOLD.id: caps.hold and (allowed(CallCommand.HOLD) or allowed(CallCommand.RESUME)),
            A.CALL_MUTE.id: caps.mute and allowed(CallCommand.MUTE),
            A.CALL_TRANSFER.id: caps.blind_transfer and allowed(CallCommand.TRANSFER),
            A.CALL_DTMF.id: caps.dtmf and allowed(CallCommand.DTMF),
            A.CALL_HANGUP.id: allowed(CallCommand.HANGUP),
        }
        for action_id, enabled in states.items():
            self.registry.get(action_id).setEnabled(enabled)
        self._set_checked(self.registry.get(A.CALL_HOLD.id), held)
        self._set_checked(self.registry.get(A.CALL_MUTE.id), bool(s and s.muted))

    @staticmethod
    def _set_checked(action: QAction, checked: bool) -> None:
        if action.isChecked() != checked:
            action.blockSignals(True)
            action.setChecked(checked)
            action.blockSignals(False)

    def _pill(self) -> tuple[str, Tone]:
        s = self.flow.current
        if s is not None and s.state is not CallState.DONE:
            tone = {CallState.RINGING: Tone.RINGING, CallState.TALKING: Tone.TALKING,
                    CallState.HELD: Tone.HELD, CallState.WRAPUP: Tone.WRAPUP}[s.state]
            return call_state_text(s.state), tone
        st = self.status
        if st is None or st.state is AgentState.LOGGED_OUT:
            return self.tr("Logged out"), Tone.NEUTRAL
        if st.state is AgentState.NOT_READY:
            return self.tr("Not ready"), Tone.NOT_READY
        return self.tr("Ready"), Tone.READY

    def _show_agent(self) -> None:
        text, tone = self._pill()
        self.state_pill.setText(text)
        colour = tone_colour(self.palette(), tone).name()
        self.state_pill.setStyleSheet(f"background: {colour};")
        st = self.status
        detail = ""
        if st is not None and st.state is not AgentState.LOGGED_OUT:
            since = format_duration((utcnow() - st.since).total_seconds()) if isinstance(st.since, datetime) else ""
            if st.state is AgentState.NOT_READY and st.reason:
                detail = f"{self._reason_title(st.reason)} · {since}"
            elif st.state in (AgentState.READY, AgentState.NOT_READY):
                detail = since
            if st.pending == "ready":
                detail = self.tr("then Ready")
            elif st.pending:
                detail = fill(self.tr("then Not ready: %1"), self._reason_title(st.pending))
        self.state_detail.setText(detail)

    def _reason_title(self, code: str) -> str:
        for reason in self.pause_reasons:
            if reason.code == code:
                return reason.title
        return code

    def _show_call(self) -> None:
        s = self.flow.current
        if s is None or s.state is CallState.DONE:
            self.caller.setText(self.tr("No call"))
            self.caller.setToolTip("")
            self.caller.setEnabled(False)
            self.timer.setText("")
            self.timer.setToolTip("")
            return
        self.caller.setEnabled(True)
        pop = self.flow.pop_for(s.call_id)
        vip = pop is not None and pop.badges.vip
        text = ("★ " if vip else "") + caller_text(s, pop)
        self.caller.setText(text)
        # the whole name (it may be cut), and the caller ID as it arrived when the text does not show it
        raw = s.caller_id_raw.strip()
        self.caller.setToolTip(whole_text_tip(text if not raw or raw in text else f"{text}\n{raw}"))
        self._show_timer(s)

    def _show_timer(self, s: CallSession) -> None:
        danger = tone_colour(self.palette(), Tone.DANGER).name()
        if s.state is CallState.RINGING:
            text, tip = format_duration(s.ring_seconds), self.tr("Ringing for")
        elif s.state is CallState.HELD:
            text, tip = format_duration(s.current_hold_seconds), self.tr("On hold for")
        elif s.state is CallState.WRAPUP:
            remaining = s.wrapup_remaining
            if remaining is None:
                text, tip = format_duration(s.wrapup_seconds), self.tr("Wrap-up time")
            else:
                text, tip = format_duration(remaining), self.tr("Wrap-up time left")
        else:
            text, tip = format_duration(s.connected_seconds), self.tr("Call time")
        self.timer.setText(text)
        self.timer.setToolTip(tip)
        self.timer.setStyleSheet(f"color: {danger};" if s.state is CallState.WRAPUP and s.wrapup_overdue else "")

    def _tick(self) -> None:
        self._show_agent()
        s = self.flow.current
        if s is not None and s.state is not CallState.DONE:
            self._show_timer(s)

    def _refresh_icons(self) -> None:
        if self.registry is None:
            return
        text = self.palette().color(self.foregroundRole())
        for action_id, name in ICONS.items():
            tone = ICON_TONES.get(action_id)
            colour = tone_colour(self.palette(), tone) if tone else text
            self.registry.get(action_id).setIcon(icon(name, colour))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call bar"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.registry is not None:
                self._load_reasons()
        elif kind == QEvent.Type.PaletteChange:
            self._refresh_icons()
            self._show_agent()
        super().changeEvent(event)
