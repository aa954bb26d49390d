"""The call desk: the operator's calls from ring to Ready, without Qt.

One `CallRecord` per call holds everything of it (session, interaction row, screen-pop, the
customer, the ticket work, the checklist run); `current` is the call the operator handles and
`waiting` a second one ringing meanwhile. Telephony events, the operator's commands and the
workers' results all run on the desk's own thread (the GUI thread in the window, the asyncio loop
in `desk --headless`): the front-end hands telephony events in through `post`. Listeners get
`services.events` objects; commands return an `Op`.

A session moves only when telephony confirms, and a wrap-up is finished only after its row is
stored: a refused write keeps the operator in wrap-up with the reason shown, and nothing is lost.
When a call is done its record goes: nothing of that caller is left for the next one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID, uuid4

from desktop_agent.core.agent_state import AgentState, AgentStatus
from desktop_agent.core.call_session import CallCommand as _cmd
from desktop_agent.core.call_session import (
    CallSession,
    CallState,
    EndReason,
    Refusal,
    WrapupPolicy,
    running_wrapup_limit,
)
from desktop_agent.core.checklist import ChecklistRun
from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import CustomerDTO, InteractionDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import (
    AgentChannel,
    AgentDTO,
    ChecklistService,
    InteractionService,
    QueueLogSink,
    Runner,
    ScreenPopLookup,
    ServiceError,
    TicketDraft,
    TicketService,
)
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.services import events as ev
from desktop_agent.services.agent_channel import AcdAgentChannel, LocalAgentChannel, is_acd_member
from desktop_agent.services.call_record import CallRecord, KeptDraft, TicketWork
from desktop_agent.services.outbox import DirectWrites, Writes, desk_appliers
from desktop_agent.telephony import events as tel
from desktop_agent.telephony.protocol import Softphone, TelephonyError

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, Any]], object]
Post = Callable[[Callable[[], None]], None]
Listener = Callable[[ev.DeskEvent], None]


class CallDesk:
    def __init__(
        self,
        *,
        softphone: Softphone,
        interactions: InteractionService,
        screen_pops: ScreenPopLookup,
        queue_log: QueueLogSink,
        agent: AgentDTO,
        db: Runner,
        lookups: Runner,
        post: Post,
        policy: WrapupPolicy | None = None,
        queues: Sequence[str] = ("default",),
        agent_channel: AgentChannel | None = None,
        spawn: Spawn | None = None,
        tickets: TicketService | None = None,
        checklists: ChecklistService | None = None,
        writes: Writes | None = None,
        is_transient: Callable[[BaseException], bool] | None = None,
    ) -> None:
        self.softphone = softphone
        self.tickets = tickets
        self.checklists = checklists
        self.interactions = interactions
        self.screen_pops = screen_pops
        self._queue_log = queue_log
        self.agent = agent
        # An ACD that keeps its members' state (the simulator) is asked for changes; without one the
        # desktop keeps the agent's state and logs it itself.
        if agent_channel is None:
            agent_channel = (AcdAgentChannel(softphone) if is_acd_member(softphone)
                             else LocalAgentChannel(agent.login, queues, self._write_queue_log))
        self.agent_channel: AgentChannel = agent_channel
        self.db = db
        self._is_transient = is_transient or (lambda _exc: False)
        # Every write goes through here: the outbox (a journal replayed into the central database), or
        # straight to the database worker (the embedded file).
        self.writes: Writes = writes or DirectWrites(
            desk_appliers(interactions, queue_log, tickets=tickets, checklists=checklists), db)
        self.lookups = lookups
        self.policy = policy or WrapupPolicy()
        self._post = post
        self._spawn = spawn or asyncio.ensure_future
        self.current: CallRecord | None = None
        self.waiting: CallRecord | None = None
        # Ticket work kept as a draft after its call (or set aside with no call): reopened from the editor.
        self.kept: dict[str, KeptDraft] = {}
        self._finishing = False
        self._listeners: list[Listener] = []
        self._unsubscribe: Callable[[], None] | None = None

    # ---- listeners -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: ev.DeskEvent) -> None:
        for listener in tuple(self._listeners):
            try:
                listener(event)
            except Exception:  # noqa: BLE001 - one failing listener must not stop the call
                log.exception("desk listener failed on %s", type(event).__name__)

    def _notice(self, code: ev.NoticeCode, *args: object) -> None:
        self._emit(ev.Noticed(ev.Notice(code, tuple(str(a) for a in args))))

    # ---- life ------------------------------------------------------------------------------
    def listen(self) -> None:
        """Subscribe to the phone. Do it before the backend starts, so its first state is seen."""
        if self._unsubscribe is None:
            self._unsubscribe = self.softphone.subscribe(lambda event: self._post(lambda: self.on_event(event)))

    def start(self, *, ready: bool = True, pause_reason: str = "login") -> None:
        """Log the agent in (Ready, or Not Ready with `pause_reason`) and listen to the phone."""
        self.listen()
        self.agent_channel.set_listener(lambda status: self._post(lambda: self._emit(ev.AgentChanged(status))))
        self._agent(self.agent_channel.log_in, None if ready else pause_reason)

    def stop(self) -> None:
        """Log out (if no call is on) and stop listening. Queued writes still finish on the worker."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.agent_channel.set_listener(None)
        state = self.agent_status.state
        if not state.busy and state is not AgentState.LOGGED_OUT:
            self.agent_channel.log_out()

    @property
    def agent_status(self) -> AgentStatus:
        return self.agent_channel.status()

    def record(self, call_id: str | None) -> CallRecord | None:
        """The live call's record (the current or the waiting one)."""
        if call_id is None:
            return None
        return self._live(call_id)

    def interaction_id(self, key: str | None) -> UUID | None:
        """The interaction row of a live call or of a kept draft's call, once it is written."""
        record = self.record(key)
        if record is not None:
            return record.interaction_id
        kept = self.kept.get(key or "")
        if kept is None:
            return None
        return kept.interaction_id

    # ---- telephony events ------------------------------------------------------------------
    def on_event(self, event: tel.TelephonyEvent) -> None:
        if isinstance(event, tel.IncomingCall):
            self._incoming(event)
        elif isinstance(event, tel.AgentStateChanged):
            self._emit(ev.AgentChanged(self.agent_status))
        elif isinstance(event, tel.BackendState):
            self._emit(ev.BackendChanged(event.state, event.detail))
        elif isinstance(event, tel.Registration):
            self._emit(ev.BackendChanged(event.state.value, event.detail or event.account))
        elif isinstance(event, tel.BackendError):
            self._notice(ev.NoticeCode.TELEPHONY, event.message)
        else:
            record = self._live(event.call_id)
            if record is None:
                log.debug("event for a call we do not know: %r", event)
                return
            self._call_event(record, event)

    def _live(self, call_id: str | None) -> CallRecord | None:
        for record in (self.current, self.waiting):
            if record is not None and record.call_id == call_id:
                return record
        return None

    def _incoming(self, event: tel.IncomingCall) -> None:
        if self._live(event.call_id) is not None:
            return  # a repeated offer
        record = CallRecord(CallSession(event.call_id, event.caller_id, display_name=event.display_name,
                                        queue=event.queue, policy=self.policy), interaction_uuid=uuid4())
        if self.current is None:
            self.current = record
            if self.agent_status.state is AgentState.READY:
                self._agent(self.agent_channel.offer, event.call_id, event.queue)
        elif self.waiting is None:
            self.waiting = record
        else:
            # Three calls at once is more than one operator can take: decline the newest.
            self._command(self.softphone.reject(event.call_id), "decline")
            return
        # the callback names the call, not its record: a cycle through the record would leave every
        # call's record to the cyclic collector
        self._write("interaction.ring", {
            "callid": event.call_id, "caller_id_raw": event.caller_id, "queue": event.queue,
            "agent_id": self.agent.id, "offered_at": record.session.offered_at,
            "interaction_id": record.interaction_uuid}, on_applied=lambda dto, cid=event.call_id: self._recorded(cid, dto))
        self.lookups.submit(self.screen_pops.lookup, event.caller_id,
                            on_result=lambda pop: self._popped(record, pop), on_error=self._service_error)
        self._changed(record)

    def _recorded(self, call_id: str, dto: InteractionDTO) -> None:
        record = self._live(call_id)
        if record is not None:
            record.interaction_id = dto.id
        self._emit(ev.InteractionRecorded(call_id, dto))

    def _popped(self, record: CallRecord, pop: ScreenPop) -> None:
        if self._live(record.call_id) is not record:
            return  # the call ended before its card was ready
        record.pop = pop
        if pop.customer is not None:
            self._update(record, "interaction.customer", customer_id=pop.customer.id)
        self._emit(ev.ScreenPopped(record.call_id, pop))

    def _call_event(self, record: CallRecord, event: tel.TelephonyEvent) -> None:
        session = record.session
        if isinstance(event, tel.Established):
            outcome = session.on_established()
            if outcome.changed:
                self._agent(self.agent_channel.connect, session.call_id, session.queue)
                self._update(record, "interaction.answered", at=session.answered_at)
        elif isinstance(event, tel.Held):
            outcome = session.on_held()
        elif isinstance(event, tel.Resumed):
            outcome = session.on_resumed()
            if outcome.changed:
                self._update(record, "interaction.hold", seconds=round(session.hold_seconds))
        elif isinstance(event, tel.Muted):
            outcome = session.on_muted(event.muted)
        elif isinstance(event, tel.SilenceChanged):
            # Read by the checklist on its next tick (twice a second): a pause in the caller's
            # speech is not worth a CallChanged to every listener.
            session.on_silence(event.silent, event.started_ago)
            return
        elif isinstance(event, tel.Transferred):
            outcome = session.on_transferred(event.target, event.ok, event.reason)
            if not event.ok:
                self._notice(ev.NoticeCode.TRANSFER_FAILED, event.reason or "-")
        elif isinstance(event, tel.Closed):
            episode = session.current_hold_seconds
            outcome = session.on_closed(EndReason.coerce(event.reason.value))
            if outcome.changed and episode:
                self._update(record, "interaction.hold", seconds=round(session.hold_seconds))
        else:
            return  # Dtmf, Ringing: nothing for the session
        if not outcome.ok:
            log.info("%s refused %s: %s", session, type(event).__name__, outcome.refusal)
        if outcome.changed and session.state in (CallState.WRAPUP, CallState.DONE):
            self._ended(record)
        self._changed(record)

    def _ended(self, record: CallRecord) -> None:
        self._update(record, "interaction.ended", at=record.session.ended_at)
        if record is self.waiting:
            self.waiting = None  # the second caller gave up, or was declined
            self._emit(ev.WaitingChanged(None))
            return
        if record.session.state is CallState.WRAPUP:
            self._agent(self.agent_channel.end_call)
        else:  # missed: rang out, declined or the caller gave up
            if self.agent_status.state is AgentState.RINGING:
                self._agent(self.agent_channel.ring_ended)
            self._next_call()

    # ---- operator commands -----------------------------------------------------------------
    def answer(self) -> ev.Op:
        r = self.current
        return self._send(r, r.session.check(_cmd.ANSWER) if r else None, _cmd.ANSWER,
                          lambda: self.softphone.answer(r.call_id))

    def decline(self) -> ev.Op:
        """Decline the ringing current call, else the waiting one."""
        current = self.current
        target = current if current and current.session.state is CallState.RINGING else self.waiting
        if target is None:
            self._notice(ev.NoticeCode.REFUSED, Refusal.NOT_RINGING)
            return ev.refused(Refusal.NOT_RINGING)
        self._command(self.softphone.reject(target.call_id), "decline")
        return ev.accepted()

    def toggle_hold(self) -> ev.Op:
        r = self.current
        if r is not None and r.session.state is CallState.HELD:
            return self._send(r, r.session.check(_cmd.RESUME), _cmd.RESUME, lambda: self.softphone.resume(r.call_id))
        return self._send(r, r.session.check(_cmd.HOLD) if r else None, _cmd.HOLD,
                          lambda: self.softphone.hold(r.call_id))

    def toggle_mute(self) -> ev.Op:
        r = self.current
        return self._send(r, r.session.check(_cmd.MUTE) if r else None, _cmd.MUTE,
                          lambda: self.softphone.mute(r.call_id, not r.session.muted))

    def transfer(self, target: str) -> ev.Op:
        r = self.current
        return self._send(r, r.session.check_transfer(target) if r else None, _cmd.TRANSFER,
                          lambda: self.softphone.blind_transfer(r.call_id, target.strip()))

    def send_dtmf(self, digits: str) -> ev.Op:
        r = self.current
        return self._send(r, r.session.check_dtmf(digits) if r else None, _cmd.DTMF,
                          lambda: self.softphone.send_dtmf(r.call_id, digits.upper()))

    def hangup(self) -> ev.Op:
        r = self.current
        return self._send(r, r.session.check(_cmd.HANGUP) if r else None, _cmd.HANGUP,
                          lambda: self.softphone.hangup(r.call_id))

    def set_disposition(self, code: str) -> ev.Op:
        r = self.current
        outcome = r.session.set_disposition(code) if r else None
        if not self._allowed(r, outcome):
            return ev.refused(outcome.refusal if outcome is not None else None)
        self._changed(r)
        self._maybe_auto_finish()
        return ev.accepted(ev.Change.CALL)

    def set_notes(self, notes: str) -> None:
        if self.current is not None:
            self.current.session.set_notes(notes)

    def set_policy(self, policy: WrapupPolicy) -> ev.Op:
        """A changed wrap-up limit or auto-Ready applies at once: a call not yet in wrap-up (talking,
        or a second one ringing) takes it as it is; a wrap-up in progress takes the auto-Ready choice
        and keeps the longer limit (running_wrapup_limit); every later call gets the value as set."""
        self.policy = policy
        if self.waiting is not None:
            self.waiting.session.policy = policy
        current = self.current.session if self.current is not None else None
        if current is not None:
            if current.state is CallState.WRAPUP:
                limit = running_wrapup_limit(current.policy.limit_seconds, policy.limit_seconds)
                current.policy = replace(policy, limit_seconds=limit)
            else:
                current.policy = policy
        self._maybe_auto_finish()  # the running wrap-up may be overdue now
        return ev.accepted(ev.Change.POLICY)

    def finish_wrapup(self, *, automatic: bool = False) -> ev.Op:
        """Store the wrap-up, then leave it. The session moves only once the row is written.
        Unsaved ticket work asks the operator first (TicketDecisionNeeded); an automatic finish
        keeps it as a draft of that call instead."""
        r = self.current
        if self._finishing:
            return ev.refused()
        outcome = r.session.check(_cmd.FINISH_WRAPUP) if r else None
        if not self._allowed(r, outcome):
            return ev.refused(outcome.refusal if outcome is not None else None)
        if r.unsaved_ticket:
            if not automatic:
                self._emit(ev.TicketDecisionNeeded(r.call_id))
                return ev.refused(Refusal.UNSAVED_TICKET)
            self.keep_ticket_draft(r.call_id)
        self._finishing = True
        s = r.session

        def stored(_dto: object = None) -> None:  # in the database, or safe in the outbox
            self._finishing = False
            if self.current is not r or not s.finish_wrapup(automatic=automatic):
                return
            self._agent(self.agent_channel.end_wrapup, s.disposition or "")
            self._emit(ev.CallFinished(s.summary()))
            self._next_call()

        def failed(exc: BaseException) -> None:
            self._finishing = False
            self._service_error(exc)

        self._update(r, "interaction.wrap_up", disposition=s.disposition or "",
                     wrapup_seconds=round(s.wrapup_seconds), notes=s.notes,
                     on_applied=stored, on_queued=stored, on_error=failed)
        return ev.accepted(ev.Change.CALL)

    def go_ready(self) -> ev.Op:
        """Ready. In wrap-up this finishes the wrap-up first (it needs a disposition)."""
        r = self.current
        if r is not None and r.session.state is CallState.WRAPUP:
            self._agent(self.agent_channel.unpause)  # applied when the wrap-up ends
            return self.finish_wrapup()
        return ev.accepted(ev.Change.AGENT) if self._agent(self.agent_channel.unpause) else ev.refused()

    def go_not_ready(self, reason: str) -> ev.Op:
        """Not Ready with a reason; during a call it starts when the wrap-up ends."""
        return ev.accepted(ev.Change.AGENT) if self._agent(self.agent_channel.pause, reason) else ev.refused()

    def tick(self) -> None:
        """Twice a second: an overdue wrap-up finishes by itself (auto-Ready); timers redraw."""
        self._maybe_auto_finish()
        self._emit(ev.Ticked())

    # ---- the call's customer, ticket work and checklist run --------------------------------
    def link_customer(self, call_id: str, customer: CustomerDTO) -> ev.Op:
        """The operator created or linked the unknown caller's customer on the card."""
        record = self.record(call_id)
        if record is None:
            return ev.refused(Refusal.CALL_ENDED)
        record.linked_customer = customer
        self._emit(ev.CustomerLinked(call_id, customer))
        return ev.accepted(ev.Change.CUSTOMER)

    def set_ticket_work(self, call_id: str, work: TicketWork | None) -> ev.Op:
        """What the editor holds for this live call or kept draft (None: nothing; saved work leaves
        the kept list)."""
        record = self.record(call_id)
        if record is not None:
            record.ticket = work
        elif call_id in self.kept:
            if work is None or not work.unsaved:
                del self.kept[call_id]
            else:
                self.kept[call_id] = replace(self.kept[call_id], work=work)
        else:
            return ev.refused(Refusal.CALL_ENDED)
        return ev.accepted(ev.Change.TICKET)

    def keep_ticket_draft(self, call_id: str) -> ev.Op:
        """Keep the call's unsaved ticket work as a draft of that call: the call may end, the work
        waits in `kept` (with the call's row, to be linked when saved) until saved or discarded."""
        record = self.record(call_id)
        if record is None or not record.unsaved_ticket:
            return ev.refused()
        self.kept[call_id] = KeptDraft(call_id, record.ticket, record.customer, record.session.caller_id_raw,
                                       utcnow(), interaction_id=record.interaction_uuid)
        record.ticket = None
        self._notice(ev.NoticeCode.DRAFT_KEPT, call_id)
        return ev.accepted(ev.Change.TICKET)

    def keep_idle_work(self, work: TicketWork, customer: CustomerDTO | None = None) -> str:
        """Unsaved work that belonged to no call, set aside when a call rings; returns its key."""
        key = f"idle-{uuid4().hex[:12]}"
        self.kept[key] = KeptDraft(key, work, customer, "", utcnow())
        self._notice(ev.NoticeCode.DRAFT_KEPT, key)
        return key

    def discard_ticket_work(self, call_id: str) -> ev.Op:
        record = self.record(call_id)
        if record is not None:
            record.ticket = None
        if record is None and self.kept.pop(call_id, None) is None:
            return ev.refused()
        return ev.accepted(ev.Change.TICKET)

    def set_checklist_run(self, call_id: str, run: ChecklistRun | None) -> ev.Op:
        record = self.record(call_id)
        if record is None:
            return ev.refused(Refusal.CALL_ENDED)
        record.checklist_run = run
        return ev.accepted(ev.Change.CHECKLIST)

    def create_ticket(self, call_id: str, draft: TicketDraft, *,
                      on_saved: Callable[[TicketDTO], None] | None = None) -> ev.Op:
        """A new ticket from the call, linked to its interaction row in the same transaction."""
        record = self.record(call_id)
        if record is None or self.tickets is None:
            return ev.refused(Refusal.CALL_ENDED)
        draft = replace(draft, id=draft.id or uuid4(), interaction_id=record.interaction_uuid)

        def saved(ticket: TicketDTO) -> None:
            values = {"subject": ticket.subject, "description": ticket.description}
            self.set_ticket_work(call_id, TicketWork(values=values, base=values, ticket_id=ticket.id,
                                                     number=ticket.number, version=ticket.version))
            if on_saved is not None:
                on_saved(ticket)

        self._write("ticket.create", {"draft": draft, "agent_id": self.agent.id}, on_applied=saved)
        return ev.accepted(ev.Change.TICKET)

    def save_checklist_run(self, call_id: str, run: ChecklistRun) -> ev.Op:
        """Store the call's checklist run with its interaction row."""
        record = self.record(call_id)
        if record is None or self.checklists is None:
            return ev.refused(Refusal.CALL_ENDED)
        record.checklist_run = run
        self._update(record, "checklist.save_run", run=run, agent_id=self.agent.id)
        return ev.accepted(ev.Change.CHECKLIST)

    # ---- helpers ---------------------------------------------------------------------------
    def _allowed(self, record: CallRecord | None, outcome: Any) -> bool:
        if record is None:
            self._notice(ev.NoticeCode.NO_CALL)
            return False
        if not outcome:
            self._notice(ev.NoticeCode.REFUSED, outcome.refusal)
            return False
        return True

    def _send(self, record: CallRecord | None, outcome: Any, what: _cmd,
              command: Callable[[], Coroutine[Any, Any, Any]]) -> ev.Op:
        if not self._allowed(record, outcome):
            return ev.refused(outcome.refusal if outcome is not None else None)
        self._command(command(), what)
        return ev.accepted()

    def _command(self, coro: Coroutine[Any, Any, Any], what: str) -> None:
        async def run() -> None:
            try:
                await coro
            except TelephonyError as exc:
                self._notice(ev.NoticeCode.COMMAND_FAILED, what, exc)
            except Exception as exc:  # noqa: BLE001 - a backend bug must not take the desk down
                log.exception("telephony command %s failed", what)
                self._notice(ev.NoticeCode.COMMAND_FAILED, what, type(exc).__name__)

        self._spawn(run())

    def _agent(self, method: Callable[..., bool], *args: Any) -> bool:
        done = method(*args)
        self._emit(ev.AgentChanged(self.agent_status))
        return done

    def _write(self, kind: str, arguments: dict[str, Any], *, on_applied: Callable[[Any], None] | None = None,
               on_queued: Callable[[], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self.writes.submit(kind, arguments, on_applied=on_applied, on_queued=on_queued,
                           on_error=on_error or self._service_error)

    def _write_queue_log(self, records: Sequence[QueueLogRecord]) -> None:
        if records:
            self._write("queue_log.append", {"records": list(records)})

    def _update(self, record: CallRecord, kind: str, *, on_applied: Callable[[Any], None] | None = None,
                on_queued: Callable[[], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None, **arguments: Any) -> None:
        """A write about the call's row, by the id the desk drew for it at the ring."""
        self._write(kind, {"interaction_id": record.interaction_uuid, **arguments}, on_applied=on_applied,
                    on_queued=on_queued, on_error=on_error)

    def _service_error(self, exc: BaseException) -> None:
        if self._is_transient(exc):
            self._notice(ev.NoticeCode.DATABASE_DOWN)
        elif isinstance(exc, ServiceError):
            self._notice(ev.NoticeCode.SERVICE, exc)
        else:
            log.error("service call failed", exc_info=exc)
            text = str(exc)
            self._notice(ev.NoticeCode.SAVE_FAILED, text.splitlines()[0] if text else type(exc).__name__)

    def _next_call(self) -> None:
        """The current call is done: its record goes (unsaved ticket work stays as a kept draft),
        and the waiting call (if still ringing) takes its place."""
        done = self.current
        if done is not None and done.unsaved_ticket:  # a missed or transferred call's work is never dropped
            self.keep_ticket_draft(done.call_id)
        self.current, self.waiting = self.waiting, None
        if self.current is not None and self.agent_status.state is AgentState.READY:
            self._agent(self.agent_channel.offer, self.current.call_id, self.current.session.queue)
        self._emit(ev.WaitingChanged(None))
        self._emit(ev.CallChanged(self.current))
        if self.current is not None and self.current.pop is not None:
            self._emit(ev.ScreenPopped(self.current.call_id, self.current.pop))

    def _changed(self, record: CallRecord) -> None:
        if record is self.current:
            self._emit(ev.CallChanged(record))
        elif record is self.waiting:
            self._emit(ev.WaitingChanged(record))

    def _maybe_auto_finish(self) -> None:
        r = self.current
        if r is not None and r.session.auto_finish_due and not self._finishing:
            if not r.session.disposition:
                r.session.set_disposition(self.policy.fallback_disposition)
            self.finish_wrapup(automatic=True)

