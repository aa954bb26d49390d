"""The window's adapter of the call desk (services.CallDesk): its callbacks become Qt signals on the
GUI thread, its notices become words in the operator's language.

Panes never talk to the softphone or the services about the call; they listen to these signals and
call the desk's operations through this object:

    call_changed(CallSession | None)    the current call moved (state, mute, disposition)
    waiting_changed(CallSession | None) a second call rings while the first is on
    screen_pop(call_id, ScreenPop)      the lookup finished (it ran off the GUI thread)
    interaction_recorded(call_id, InteractionDTO)  the call's row exists: tickets can link to it
    customer_linked(call_id, CustomerDTO)  the operator created or linked the unknown caller
    ticket_decision(call_id)            Ready with unsaved ticket work: save, keep or discard
    call_finished(CallSummary)          wrap-up stored, the agent is available again
    agent_changed(AgentStatus)          Ready / Not Ready(reason) / ringing / on call / wrap-up
    backend_changed(state, detail)      the telephony backend itself
    notice(str)                         a one-line message for the status bar
    ticked()                            twice a second while anything runs, for timers

The rules live in the desk; this class holds no call state of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_agent.core.agent_state import AgentStatus
from desktop_agent.core.call_session import CallCommand, CallSession, Refusal, WrapupPolicy
from desktop_agent.core.checklist import ChecklistRun
from desktop_agent.core.dto import CustomerDTO, ScreenPop
from desktop_agent.core.ports import (
    AgentChannel,
    AgentDTO,
    InteractionService,
    QueueLogSink,
    ScreenPopLookup,
)
from desktop_agent.services import events as ev
from desktop_agent.services.call_desk import CallDesk, Spawn
from desktop_agent.services.call_record import CallRecord, KeptDraft, TicketWork
from desktop_agent.services.outbox import Writes
from desktop_agent.telephony.protocol import Softphone
from desktop_agent.ui.kit.i18n import fill, refusal_text
from desktop_agent.ui.kit.qt_bridge import GuiRelay, ServiceRunner
from desktop_agent.ui.shell.outbox_status import database_down_text

TICK_MS = 500
STOP_DRAIN_S = 3.0


class CallFlow(QObject):
    call_changed = Signal(object)
    waiting_changed = Signal(object)
    screen_pop = Signal(str, object)
    interaction_recorded = Signal(str, object)
    customer_linked = Signal(str, object)
    ticket_decision = Signal(str)
    call_finished = Signal(object)
    agent_changed = Signal(object)
    backend_changed = Signal(str, str)
    notice = Signal(str)
    ticked = Signal()

    def __init__(
        self,
        *,
        softphone: Softphone,
        interactions: InteractionService,
        screen_pops: ScreenPopLookup,
        queue_log: QueueLogSink,
        agent: AgentDTO,
        db_runner: ServiceRunner,
        lookup_runner: ServiceRunner,
        policy: WrapupPolicy | None = None,
        queues: Sequence[str] = ("default",),
        agent_channel: AgentChannel | None = None,
        spawn: Spawn | None = None,
        writes: Writes | None = None,
        is_transient: Callable[[BaseException], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db_runner
        self.lookups = lookup_runner
        # Everything the desk is handed from another thread or the loop runs later, queued, on the
        # GUI thread: a backend that emits an event never re-enters its own code through a pane.
        self._relay = GuiRelay(lambda thunk: thunk(), self)
        self.desk = CallDesk(softphone=softphone, interactions=interactions, screen_pops=screen_pops,
                             queue_log=queue_log, agent=agent, db=db_runner, lookups=lookup_runner,
                             post=self._relay, policy=policy, queues=queues, agent_channel=agent_channel,
                             spawn=spawn, writes=writes, is_transient=is_transient)
        self.desk.subscribe(self._on_desk)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.desk.tick)

    # ---- what panes read -------------------------------------------------------------------
    @property
    def softphone(self) -> Softphone:
        return self.desk.softphone

    @property
    def interactions(self) -> InteractionService:
        return self.desk.interactions

    @property
    def screen_pops(self) -> ScreenPopLookup:
        return self.desk.screen_pops

    @property
    def agent(self) -> AgentDTO:
        return self.desk.agent

    @property
    def agent_channel(self) -> AgentChannel:
        return self.desk.agent_channel

    @property
    def policy(self) -> WrapupPolicy:
        return self.desk.policy

    @property
    def agent_status(self) -> AgentStatus:
        return self.desk.agent_status

    @property
    def current(self) -> CallSession | None:
        return self.desk.current.session if self.desk.current is not None else None

    @property
    def waiting(self) -> CallSession | None:
        return self.desk.waiting.session if self.desk.waiting is not None else None

    @property
    def current_record(self) -> CallRecord | None:
        return self.desk.current

    def record(self, call_id: str | None) -> CallRecord | None:
        return self.desk.record(call_id)

    def interaction_id(self, call_id: str) -> UUID | None:
        return self.desk.interaction_id(call_id)

    def pop_for(self, call_id: str) -> ScreenPop | None:
        record = self.desk.record(call_id)
        return record.pop if record is not None else None

    def customer_for(self, call_id: str | None) -> CustomerDTO | None:
        """The call's customer (linked by the operator, else the screen-pop's); a kept draft's too."""
        record = self.desk.record(call_id)
        if record is not None:
            return record.customer
        kept = self.desk.kept.get(call_id or "")
        return kept.customer if kept is not None else None

    def kept_drafts(self) -> list[KeptDraft]:
        return sorted(self.desk.kept.values(), key=lambda k: k.kept_at, reverse=True)

    # ---- life ------------------------------------------------------------------------------
    def listen(self) -> None:
        self.desk.listen()

    def start(self, *, ready: bool = True, pause_reason: str = "login") -> None:
        self.desk.writes.start()  # the outbox: what a previous run left goes first
        self.desk.start(ready=ready, pause_reason=pause_reason)
        self._timer.start()

    def stop(self) -> None:
        """Log out and stop; the outbox gets a few seconds to send what waits (the rest is sent at
        the next start)."""
        self._timer.stop()
        self.desk.stop()
        self.desk.writes.stop(drain_s=STOP_DRAIN_S)

    def flush(self, timeout: float = 30.0) -> bool:
        """Block until the desk's writes so far are stored (the database worker, the outbox). For
        shutdown paths and tests; never from a refresh."""
        self.db.flush(timeout)
        return self.desk.writes.flush(timeout)

    # ---- operations (the desk's; truthy when accepted) -------------------------------------
    def answer(self) -> ev.Op:
        return self.desk.answer()

    def decline(self) -> ev.Op:
        return self.desk.decline()

    def toggle_hold(self) -> ev.Op:
        return self.desk.toggle_hold()

    def toggle_mute(self) -> ev.Op:
        return self.desk.toggle_mute()

    def transfer(self, target: str) -> ev.Op:
        return self.desk.transfer(target)

    def send_dtmf(self, digits: str) -> ev.Op:
        return self.desk.send_dtmf(digits)

    def hangup(self) -> ev.Op:
        return self.desk.hangup()

    def set_disposition(self, code: str) -> ev.Op:
        return self.desk.set_disposition(code)

    def set_policy(self, policy: WrapupPolicy) -> ev.Op:
        return self.desk.set_policy(policy)

    def set_notes(self, notes: str) -> None:
        self.desk.set_notes(notes)

    def finish_wrapup(self, *, automatic: bool = False) -> ev.Op:
        return self.desk.finish_wrapup(automatic=automatic)

    def go_ready(self) -> ev.Op:
        return self.desk.go_ready()

    def go_not_ready(self, reason: str) -> ev.Op:
        return self.desk.go_not_ready(reason)

    def link_customer(self, call_id: str, customer: CustomerDTO) -> ev.Op:
        return self.desk.link_customer(call_id, customer)

    def set_ticket_work(self, call_id: str, work: TicketWork | None) -> ev.Op:
        return self.desk.set_ticket_work(call_id, work)

    def keep_ticket_draft(self, call_id: str) -> ev.Op:
        return self.desk.keep_ticket_draft(call_id)

    def keep_idle_work(self, work: TicketWork, customer: CustomerDTO | None = None) -> str:
        return self.desk.keep_idle_work(work, customer)

    def discard_ticket_work(self, call_id: str) -> ev.Op:
        return self.desk.discard_ticket_work(call_id)

    def set_checklist_run(self, call_id: str, run: ChecklistRun | None) -> ev.Op:
        return self.desk.set_checklist_run(call_id, run)

    # ---- the desk's events as signals ------------------------------------------------------
    def _on_desk(self, event: ev.DeskEvent) -> None:
        handler = self._HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def _notice(self, event: ev.Noticed) -> None:
        text = self.notice_text(event.notice)
        if text:
            self.notice.emit(text)

    def notice_text(self, notice: ev.Notice) -> str:
        code, args = notice.code, notice.args
        c = ev.NoticeCode
        if code is c.NO_CALL:
            return self.tr("There is no call.")
        if code is c.REFUSED:
            return refusal_text(Refusal(args[0])) if args and args[0] in Refusal._value2member_map_ else ""
        if code is c.TELEPHONY:
            return fill(self.tr("Telephony: %1"), args[0])
        if code is c.TRANSFER_FAILED:
            return fill(self.tr("Transfer failed: %1"), args[0])
        if code is c.COMMAND_FAILED:
            return fill(self.tr("%1 failed: %2"), self._command_word(args[0]), args[1])
        if code is c.SAVE_FAILED:
            return fill(self.tr("Could not save: %1"), args[0])
        if code is c.DATABASE_DOWN:
            return database_down_text()
        if code is c.DRAFT_KEPT:
            return self.tr("The call's unsaved ticket is kept as a draft: the ticket pane lists it.")
        return args[0] if args else ""  # SERVICE: the service's own one line

    def _command_word(self, what: str) -> str:
        words: dict[str, Callable[[], str]] = {
            CallCommand.ANSWER: lambda: self.tr("Answer"), "decline": lambda: self.tr("Decline"),
            CallCommand.HOLD: lambda: self.tr("Hold"), CallCommand.RESUME: lambda: self.tr("Resume"),
            CallCommand.MUTE: lambda: self.tr("Mute"), CallCommand.TRANSFER: lambda: self.tr("Transfer"),
            CallCommand.DTMF: lambda: self.tr("Tones"), CallCommand.HANGUP: lambda: self.tr("Hang up"),
        }
        word = words.get(what)
        return word() if word is not None else what

    _HANDLERS: dict[type, Callable[[Any, Any], None]] = {
        ev.CallChanged: lambda self, e: self.call_changed.emit(e.record.session if e.record else None),
        ev.WaitingChanged: lambda self, e: self.waiting_changed.emit(e.record.session if e.record else None),
        ev.ScreenPopped: lambda self, e: self.screen_pop.emit(e.call_id, e.pop),
        ev.InteractionRecorded: lambda self, e: self.interaction_recorded.emit(e.call_id, e.interaction),
        ev.CustomerLinked: lambda self, e: self.customer_linked.emit(e.call_id, e.customer),
        ev.TicketDecisionNeeded: lambda self, e: self.ticket_decision.emit(e.call_id),
        ev.CallFinished: lambda self, e: self.call_finished.emit(e.summary),
        ev.AgentChanged: lambda self, e: self.agent_changed.emit(e.status),
        ev.BackendChanged: lambda self, e: self.backend_changed.emit(e.state, e.detail),
        ev.Noticed: lambda self, e: self._notice(e),
        ev.Ticked: lambda self, e: self.ticked.emit(),
    }
