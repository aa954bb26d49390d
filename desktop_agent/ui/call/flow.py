"""The call flow: telephony events -> call session + agent session -> database rows and UI signals.

This is the one place that drives a call from ring to Ready. Panes never talk to the softphone or
the services about the call; they listen to these signals and call these methods:

    call_changed(CallSession | None)    the current call moved (state, mute, disposition)
    waiting_changed(CallSession | None) a second call rings while the first is on
    screen_pop(call_id, ScreenPop)      the lookup finished (it ran off the GUI thread)
    interaction_recorded(call_id, InteractionDTO)  the call's row exists: tickets can link to it
    call_finished(CallSummary)          wrap-up stored, the agent is available again
    agent_changed(AgentStatus)          Ready / Not Ready(reason) / ringing / on call / wrap-up
    backend_changed(state, detail)      the telephony backend itself
    notice(str)                         a one-line message for the status bar
    ticked()                            twice a second while anything runs, for timers

Telephony runs on the asyncio loop; database work runs on the serial worker; everything here runs
on the GUI thread (events arrive through a GuiRelay). A session moves only when telephony confirms,
and a wrap-up is finished only after its row is stored: a refused write keeps the operator in
wrap-up with the reason shown, and nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import Any, Protocol
from uuid import UUID

from PySide6.QtCore import QObject, QTimer, Signal

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
from desktop_agent.core.dto import InteractionDTO, ScreenPop
from desktop_agent.core.ports import AgentDTO, InteractionService, ServiceError
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.telephony import events as ev
from desktop_agent.telephony.protocol import Softphone, TelephonyError
from desktop_agent.ui.call.agent_channel import AgentChannel, LocalAgentChannel
from desktop_agent.ui.kit.i18n import refusal_text
from desktop_agent.ui.kit.qt_bridge import GuiRelay, ServiceRunner

log = logging.getLogger(__name__)

TICK_MS = 500


class ScreenPopLookup(Protocol):
    def lookup(self, caller_id_raw: object) -> ScreenPop: ...


QueueLogSink = Callable[[Sequence[QueueLogRecord]], object]
Spawn = Callable[[Coroutine[Any, Any, Any]], object]


class CallFlow(QObject):
    call_changed = Signal(object)
    waiting_changed = Signal(object)
    screen_pop = Signal(str, object)
    interaction_recorded = Signal(str, object)
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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.softphone = softphone
        self.interactions = interactions
        self.screen_pops = screen_pops
        self._queue_log = queue_log
        self.agent = agent
        # Without an ACD that keeps the agent's state, the desktop keeps it and logs it itself.
        self.agent_channel = agent_channel or LocalAgentChannel(agent.login, queues, self._write)
        self.db = db_runner
        self.lookups = lookup_runner
        self.policy = policy or WrapupPolicy()
        self._spawn = spawn or asyncio.ensure_future

        self.current: CallSession | None = None
        self.waiting: CallSession | None = None
        self._rings: dict[str, Future[InteractionDTO]] = {}  # call id -> its interactions row (worker side)
        self._interaction_ids: dict[str, UUID] = {}
        self._pops: dict[str, ScreenPop] = {}
        self._finishing = False
        self._relay = GuiRelay(self._on_event, self)
        self._agent_relay = GuiRelay(self.agent_changed.emit, self)
        self._unsubscribe: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # ---- life ------------------------------------------------------------------------------
    def listen(self) -> None:
        """Subscribe to the phone. Do it before the backend starts, so its first state is seen."""
        if self._unsubscribe is None:
            self._unsubscribe = self.softphone.subscribe(self._relay)

    def start(self, *, ready: bool = True, pause_reason: str = "login") -> None:
        """Log the agent in (Ready, or Not Ready with `pause_reason`) and listen to the phone."""
        self.listen()
        self.agent_channel.set_listener(self._agent_relay)
        self._agent(self.agent_channel.log_in, None if ready else pause_reason)
        self._timer.start()

    def stop(self) -> None:
        """Log out (if no call is on) and stop listening. Queued writes still finish on the worker."""
        self._timer.stop()
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

    def interaction_id(self, call_id: str) -> UUID | None:
        return self._interaction_ids.get(call_id)

    def pop_for(self, call_id: str) -> ScreenPop | None:
        return self._pops.get(call_id)

    # ---- telephony events ------------------------------------------------------------------
    def _on_event(self, event: ev.TelephonyEvent) -> None:
        if isinstance(event, ev.IncomingCall):
            self._incoming(event)
        elif isinstance(event, ev.AgentStateChanged):
            self.agent_changed.emit(self.agent_status)
        elif isinstance(event, ev.BackendState):
            self.backend_changed.emit(event.state, event.detail)
        elif isinstance(event, ev.Registration):
            self.backend_changed.emit(event.state.value, event.detail or event.account)
        elif isinstance(event, ev.BackendError):
            self.notice.emit(self.tr("Telephony: %1").replace("%1", event.message))
        else:
            session = self._session(event.call_id)
            if session is None:
                log.debug("event for a call we do not know: %r", event)
                return
            self._call_event(session, event)

    def _session(self, call_id: str) -> CallSession | None:
        for session in (self.current, self.waiting):
            if session is not None and session.call_id == call_id:
                return session
        return None

    def _incoming(self, event: ev.IncomingCall) -> None:
        if self._session(event.call_id) is not None:
            return  # a repeated offer
        session = CallSession(event.call_id, event.caller_id, display_name=event.display_name,
                              queue=event.queue, policy=self.policy)
        if self.current is None:
            self.current = session
            if self.agent_status.state is AgentState.READY:
                self._agent(self.agent_channel.offer, event.call_id, event.queue)
        elif self.waiting is None:
            self.waiting = session
        else:
            # Three calls at once is more than one operator can take: decline the newest.
            self._command(self.softphone.reject(event.call_id), self.tr("Decline"))
            return
        self._rings[event.call_id] = self.db.submit(
            self.interactions.ring, event.call_id, event.caller_id, queue=event.queue, agent_id=self.agent.id,
            offered_at=session.offered_at, on_result=lambda dto, cid=event.call_id: self._recorded(cid, dto),
            on_error=self._service_error,
        )
        self.lookups.submit(self.screen_pops.lookup, event.caller_id,
                            on_result=lambda pop, cid=event.call_id: self._popped(cid, pop),
                            on_error=self._service_error)
        self._changed(session)

    def _recorded(self, call_id: str, dto: InteractionDTO) -> None:
        self._interaction_ids[call_id] = dto.id
        self.interaction_recorded.emit(call_id, dto)

    def _popped(self, call_id: str, pop: ScreenPop) -> None:
        if self._session(call_id) is None:
            return  # the call ended before its card was ready
        self._pops[call_id] = pop
        if pop.customer is not None:
            self._db(self.interactions.set_customer, call_id, pop.customer.id)
        self.screen_pop.emit(call_id, pop)

    def _call_event(self, session: CallSession, event: ev.TelephonyEvent) -> None:
        if isinstance(event, ev.Established):
            outcome = session.on_established()
            if outcome.changed:
                self._agent(self.agent_channel.connect, session.call_id, session.queue)
                self._db(self.interactions.answered, session.call_id, session.answered_at)
        elif isinstance(event, ev.Held):
            outcome = session.on_held()
        elif isinstance(event, ev.Resumed):
            episode = session.current_hold_seconds
            outcome = session.on_resumed()
            if outcome.changed:
                self._db(self.interactions.add_hold, session.call_id, round(episode))
        elif isinstance(event, ev.Muted):
            outcome = session.on_muted(event.muted)
        elif isinstance(event, ev.SilenceChanged):
            # Read by the checklist on its next tick (twice a second): a pause in the caller's
            # speech is not worth a call_changed to every pane.
            session.on_silence(event.silent, event.started_ago)
            return
        elif isinstance(event, ev.Transferred):
            outcome = session.on_transferred(event.target, event.ok, event.reason)
            if not event.ok:
                self.notice.emit(self.tr("Transfer failed: %1").replace("%1", event.reason or "-"))
        elif isinstance(event, ev.Closed):
            episode = session.current_hold_seconds
            outcome = session.on_closed(EndReason.coerce(event.reason.value))
            if outcome.changed and episode:
                self._db(self.interactions.add_hold, session.call_id, round(episode))
        else:
            return  # Dtmf, Ringing: nothing for the session
        if not outcome.ok:
            log.info("%s refused %s: %s", session, type(event).__name__, outcome.refusal)
        if outcome.changed and session.state in (CallState.WRAPUP, CallState.DONE):
            self._ended(session)
        self._changed(session)

    def _ended(self, session: CallSession) -> None:
        self._db(self.interactions.ended, session.call_id, session.ended_at)
        if session is self.waiting:
            self.waiting = None  # the second caller gave up, or was declined
            self._forget(session.call_id)
            self.waiting_changed.emit(None)
            return
        if session.state is CallState.WRAPUP:
            self._agent(self.agent_channel.end_call)
        else:  # missed: rang out, declined or the caller gave up
            if self.agent_status.state is AgentState.RINGING:
                self._agent(self.agent_channel.ring_ended)
            self._next_call()

    # ---- operator commands -----------------------------------------------------------------
    def answer(self) -> bool:
        s = self.current
        if not self._allowed(s, s.check(_cmd.ANSWER) if s else None):
            return False
        self._command(self.softphone.answer(s.call_id), self.tr("Answer"))
        return True

    def decline(self) -> bool:
        """Decline the ringing current call, else the waiting one."""
        target = self.current if self.current and self.current.state is CallState.RINGING else self.waiting
        if target is None:
            self.notice.emit(refusal_text(Refusal.NOT_RINGING))
            return False
        self._command(self.softphone.reject(target.call_id), self.tr("Decline"))
        return True

    def toggle_hold(self) -> bool:
        s = self.current
        if s is not None and s.state is CallState.HELD:
            if not self._allowed(s, s.check(_cmd.RESUME)):
                return False
            self._command(self.softphone.resume(s.call_id), self.tr("Resume"))
            return True
        if not self._allowed(s, s.check(_cmd.HOLD) if s else None):
            return False
        self._command(self.softphone.hold(s.call_id), self.tr("Hold"))
        return True

    def toggle_mute(self) -> bool:
        s = self.current
        if not self._allowed(s, s.check(_cmd.MUTE) if s else None):
            return False
        self._command(self.softphone.mute(s.call_id, not s.muted), self.tr("Mute"))
        return True

    def transfer(self, target: str) -> bool:
        s = self.current
        if not self._allowed(s, s.check_transfer(target) if s else None):
            return False
        self._command(self.softphone.blind_transfer(s.call_id, target.strip()), self.tr("Transfer"))
        return True

    def send_dtmf(self, digits: str) -> bool:
        s = self.current
        if not self._allowed(s, s.check_dtmf(digits) if s else None):
            return False
        self._command(self.softphone.send_dtmf(s.call_id, digits.upper()), self.tr("Tones"))
        return True

    def hangup(self) -> bool:
        s = self.current
        if not self._allowed(s, s.check(_cmd.HANGUP) if s else None):
            return False
        self._command(self.softphone.hangup(s.call_id), self.tr("Hang up"))
        return True

    def set_disposition(self, code: str) -> bool:
        s = self.current
        outcome = s.set_disposition(code) if s else None
        if not self._allowed(s, outcome):
            return False
        self._changed(s)
        self._maybe_auto_finish()
        return True

    def set_policy(self, policy: WrapupPolicy) -> None:
        """A changed wrap-up limit or auto-Ready applies at once: a call not yet in wrap-up (talking,
        or a second one ringing) takes it as it is; a wrap-up in progress takes the auto-Ready choice
        and keeps the longer limit (running_wrapup_limit); every later call gets the value as set."""
        self.policy = policy
        if self.waiting is not None:
            self.waiting.policy = policy
        current = self.current
        if current is not None:
            if current.state is CallState.WRAPUP:
                limit = running_wrapup_limit(current.policy.limit_seconds, policy.limit_seconds)
                current.policy = replace(policy, limit_seconds=limit)
            else:
                current.policy = policy
        self._maybe_auto_finish()  # the running wrap-up may be overdue now

    def set_notes(self, notes: str) -> None:
        if self.current is not None:
            self.current.set_notes(notes)

    def finish_wrapup(self, *, automatic: bool = False) -> bool:
        """Store the wrap-up, then leave it. The session moves only once the row is written."""
        s = self.current
        if self._finishing:
            return False
        if not self._allowed(s, s.check(_cmd.FINISH_WRAPUP) if s else None):
            return False
        self._finishing = True
        seconds = round(s.wrapup_seconds)
        ring = self._rings[s.call_id]

        def store() -> InteractionDTO:
            return self.interactions.wrap_up(ring.result().id, disposition=s.disposition or "",
                                             wrapup_seconds=seconds, notes=s.notes)

        def stored(_dto: InteractionDTO) -> None:
            self._finishing = False
            if self.current is not s or not s.finish_wrapup(automatic=automatic):
                return
            self._agent(self.agent_channel.end_wrapup, s.disposition or "")
            self.call_finished.emit(s.summary())
            self._forget(s.call_id)
            self._next_call()

        def refused(exc: BaseException) -> None:
            self._finishing = False
            self._service_error(exc)

        self.db.submit(store, on_result=stored, on_error=refused, owner=self)
        return True

    def go_ready(self) -> bool:
        """Ready. In wrap-up this finishes the wrap-up first (it needs a disposition)."""
        s = self.current
        if s is not None and s.state is CallState.WRAPUP:
            self._agent(self.agent_channel.unpause)  # applied when the wrap-up ends
            return self.finish_wrapup()
        return self._agent(self.agent_channel.unpause)

    def go_not_ready(self, reason: str) -> bool:
        """Not Ready with a reason; during a call it starts when the wrap-up ends."""
        return self._agent(self.agent_channel.pause, reason)

    # ---- helpers ---------------------------------------------------------------------------
    def _allowed(self, session: CallSession | None, outcome: Any) -> bool:
        if session is None:
            self.notice.emit(self.tr("There is no call."))
            return False
        if not outcome:
            self.notice.emit(refusal_text(outcome.refusal))
            return False
        return True

    def _command(self, coro: Coroutine[Any, Any, Any], what: str) -> None:
        async def run() -> None:
            try:
                await coro
            except TelephonyError as exc:
                self.notice.emit(self.tr("%1 failed: %2").replace("%1", what).replace("%2", str(exc)))
            except Exception as exc:  # noqa: BLE001 - a backend bug must not take the window down
                log.exception("telephony command %s failed", what)
                self.notice.emit(self.tr("%1 failed: %2").replace("%1", what).replace("%2", type(exc).__name__))

        self._spawn(run())

    def _agent(self, method: Callable[..., bool], *args: Any) -> bool:
        done = method(*args)
        self.agent_changed.emit(self.agent_status)
        return done

    def _write(self, records: Sequence[QueueLogRecord]) -> None:
        if records:
            self.db.submit(self._queue_log, list(records), on_error=self._service_error)

    def _db(self, method: Callable[..., Any], call_id: str, *args: Any) -> None:
        """Update the call's row on the worker. Its insert was submitted first, to the same single
        thread, so the future is done by the time this runs."""
        ring = self._rings.get(call_id)
        if ring is None:
            return
        self.db.submit(lambda: method(ring.result().id, *args), on_error=self._service_error)

    def _service_error(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):
            self.notice.emit(str(exc))
        else:
            log.error("service call failed", exc_info=exc)
            self.notice.emit(self.tr("Could not save: %1").replace("%1", str(exc).splitlines()[0] if str(exc) else
                                                                    type(exc).__name__))

    def _forget(self, call_id: str) -> None:
        self._pops.pop(call_id, None)
        self._interaction_ids.pop(call_id, None)
        self._rings.pop(call_id, None)

    def _next_call(self) -> None:
        """The current call is done: the waiting one (if still ringing) takes its place."""
        done = self.current
        if done is not None:
            self._forget(done.call_id)
        self.current, self.waiting = self.waiting, None
        if self.current is not None and self.agent_status.state is AgentState.READY:
            self._agent(self.agent_channel.offer, self.current.call_id, self.current.queue)
        self.waiting_changed.emit(None)
        self.call_changed.emit(self.current)
        if self.current is not None:
            pop = self._pops.get(self.current.call_id)
            if pop is not None:
                self.screen_pop.emit(self.current.call_id, pop)

    def _changed(self, session: CallSession) -> None:
        if session is self.current:
            self.call_changed.emit(session)
        elif session is self.waiting:
            self.waiting_changed.emit(session)

    def _maybe_auto_finish(self) -> None:
        s = self.current
        if s is not None and s.auto_finish_due and not self._finishing:
            if not s.disposition:
                s.set_disposition(self.policy.fallback_disposition)
            self.finish_wrapup(automatic=True)

    def _tick(self) -> None:
        self._maybe_auto_finish()
        self.ticked.emit()

