"""The simulator as the desktop's softphone: the contact centre runs on the asyncio loop in real time
(or `speed` times faster) and the operator is one of its agents.

Calls the ACD routes to the operator arrive as IncomingCall; answer/reject/hangup/hold/resume/mute/
transfer/DTMF work as on a real phone. A caller may hang up first, and an unanswered ring times out
(RINGNOANSWER) and goes back to the queue. The operator's agent state (log_in, pause, unpause,
end_wrapup) decides whether the ACD offers calls; every change is reported as AgentStateChanged.

Callers talk in bursts with pauses, and some go quiet for a long while (simulator/voice.py): the
pauses a detector would notice arrive as SilenceChanged, in time order with the centre's events.

queue_log rows reach the `records` callback in batches, on the loop thread, as they happen; the
callback must not block (hand the batch to the database worker).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from desktop_agent.core.agent_state import AgentStatus
from desktop_agent.core.domain import utcnow
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.telephony.events import (
    AgentStateChanged,
    BackendState,
    Closed,
    CloseReason,
    Dtmf,
    Established,
    Held,
    IncomingCall,
    Muted,
    Resumed,
    SilenceChanged,
    TelephonyEvent,
    Transferred,
)
from desktop_agent.telephony.protocol import (
    Capabilities,
    EventFanout,
    EventHandler,
    NotSupported,
    TelephonyError,
)
from desktop_agent.telephony.simulator.callers import Caller
from desktop_agent.telephony.simulator.config import SimConfig
from desktop_agent.telephony.simulator.engine import ContactCentre
from desktop_agent.telephony.simulator.model import RINGING, TALKING, SimCall
from desktop_agent.telephony.simulator.voice import Pause, Voices, caller_pauses, changes, voice_rng

log = logging.getLogger(__name__)

DTMF_DIGITS = frozenset("0123456789*#ABCD")
RecordsCallback = Callable[[Sequence[QueueLogRecord]], None]


class SimulatorSoftphone:
    name = "simulator"
    capabilities = Capabilities(hold=True, mute=True, blind_transfer=True, attended_transfer=True,
                                dtmf=True, dial=False)

    def __init__(self, config: SimConfig, numbers: Sequence[str] = (), *, speed: float = 1.0,
                 records: RecordsCallback | None = None, clock: Callable[[], float] = time.monotonic):
        if not (speed > 0 and math.isfinite(speed)):
            raise ValueError(f"speed must be > 0, got {speed!r}")
        self.config = config if config.operator else replace(config, operator="operator")
        self.config.validate()
        self.capabilities = replace(type(self).capabilities, silence_detection=self.config.caller_voice)
        self._numbers = tuple(numbers)
        self._speed = speed
        self._records_cb = records
        self._clock = clock
        self._fanout = EventFanout()
        self._batch: list[QueueLogRecord] = []
        self._held: set[str] = set()
        self._voices = Voices()
        self._scripted_pauses: dict[str, tuple[Pause, ...]] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._wall0 = 0.0
        self._sim0 = 0.0
        self.engine: ContactCentre | None = None

    # -- Softphone protocol: lifecycle and events ---------------------------------------------

    def subscribe(self, handler: EventHandler) -> Callable[[], None]:
        return self._fanout.subscribe(handler)

    async def start(self) -> None:
        if self._task is not None:
            return
        config = self.config if self.config.start else replace(self.config, start=utcnow())
        self.engine = ContactCentre(config, self._numbers, on_record=self._batch.append, listener=self)
        self._wall0, self._sim0 = self._clock(), 0.0
        self._task = asyncio.get_running_loop().create_task(self._run(), name="simulator")
        self._emit(BackendState("", state="running", detail=f"simulator x{self._speed:g}"))
        self._flush()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        self._flush()
        self._voices.clear()
        self._emit(BackendState("", state="stopped"))

    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> None:
        """Change the pace without a jump in simulated time."""
        if not (speed > 0 and math.isfinite(speed)):
            raise ValueError(f"speed must be > 0, got {speed!r}")
        self._sim0, self._wall0 = self._sim_now(), self._clock()
        self._speed = speed
        self._wake.set()

    def _sim_now(self) -> float:
        return self._sim0 + (self._clock() - self._wall0) * self._speed

    def sim_clock(self) -> datetime:
        """The simulated wall clock now (it runs `speed` times faster than the real one)."""
        engine = self._engine()
        return engine.start + timedelta(seconds=self._sim_now())

    async def _run(self) -> None:
        engine = self._engine()
        loop = asyncio.get_running_loop()
        while True:
            self._sync()
            times = [t for t in (engine.next_event_time(), self._voices.next_time()) if t is not None]
            nxt = min(times) if times else None
            delay = 1.0 if nxt is None else max(0.0, (nxt - self._sim_now()) / self._speed)
            self._wake.clear()
            # sleep until the next event, or until a command brings it forward (it sets _wake);
            # not asyncio.wait_for, which can swallow a cancellation on 3.11
            alarm = loop.call_later(min(delay, 1.0), self._wake.set)
            try:
                await self._wake.wait()
            finally:
                alarm.cancel()

    def _sync(self) -> None:
        engine, now = self._engine(), self._sim_now()
        # Voices and the centre in time order: a caller who hangs up during a pause is heard
        # going quiet first, and nothing is heard from a call that has closed.
        while (t := self._voices.next_time()) is not None and t <= now:
            engine.advance(t)
            change = self._voices.pop_due(t)
            if change is not None:
                self._emit(SilenceChanged(change.call_id, silent=change.silent,
                                          since=engine.start + timedelta(seconds=change.since),
                                          at=engine.start + timedelta(seconds=change.at)))
        engine.advance(now)
        self._flush()

    def _done(self) -> None:
        """After a command: hand over its rows and let the loop look at the next event again."""
        self._flush()
        self._wake.set()

    def _flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch[:] = list(self._batch), []
        if self._records_cb is not None:
            try:
                self._records_cb(batch)
            except Exception:  # noqa: BLE001 - a failing writer must not stop the calls
                log.exception("queue_log callback failed on %d rows", len(batch))

    def _emit(self, event: TelephonyEvent) -> None:
        self._fanout.emit(event)

    def _engine(self) -> ContactCentre:
        if self.engine is None:
            raise TelephonyError("the simulator is not running")
        return self.engine

    def _at(self) -> datetime:
        return self._engine().dt()

    # -- what the engine tells us (OperatorListener) -------------------------------------------

    def ringing(self, call: SimCall) -> None:
        self._emit(IncomingCall(call.callid, caller_id=call.caller.caller_id,
                                display_name=call.caller.display_name, queue=call.queue,
                                called=call.queue, at=self._at()))

    def closed(self, call: SimCall, reason: CloseReason) -> None:
        self._held.discard(call.callid)
        self._voices.drop(call.callid)
        if reason not in (CloseReason.REJECTED, CloseReason.NO_ANSWER):  # those go back to the queue:
            self._scripted_pauses.pop(call.callid, None)                   # the script waits for the answer
        self._emit(Closed(call.callid, reason=reason, at=self._at()))

    def dtmf(self, call: SimCall, digit: str) -> None:
        self._emit(Dtmf(call.callid, digit=digit, at=self._at()))

    def agent_changed(self, status: AgentStatus) -> None:
        self._emit(AgentStateChanged(status.call_id or "", state=status.state.value, reason=status.reason,
                                     pending=status.pending, at=self._at()))

    # -- Softphone protocol: call commands ----------------------------------------------------

    def _talking(self, call_id: str) -> SimCall:
        self._sync()
        return self._engine().operator_call(call_id, TALKING)

    async def answer(self, call_id: str) -> None:
        self._sync()
        call = self._engine().operator_answer(call_id)
        self._emit(Established(call.callid, at=self._at()))
        self._give_voice(call)
        self._done()

    def _give_voice(self, call: SimCall) -> None:
        config = self.config
        pauses = self._scripted_pauses.pop(call.callid, None)
        if pauses is None:
            if not config.caller_voice:
                return
            pauses = caller_pauses(voice_rng(config.seed, call.callid), long_share=config.long_silence_share,
                                   long_seconds=config.long_silence_seconds)
        self._voices.add(call.callid, changes(pauses, answered=call.connect, call_id=call.callid))

    async def reject(self, call_id: str) -> None:
        self._sync()
        self._engine().operator_reject(call_id)
        self._done()

    async def hangup(self, call_id: str) -> None:
        self._sync()
        engine = self._engine()
        call = engine.call(call_id)
        if call.agent is engine.operator and call.state == RINGING:
            engine.operator_reject(call_id)
        else:
            engine.operator_hangup(call_id)
        self._done()

    async def hold(self, call_id: str) -> None:
        call = self._talking(call_id)
        if call.callid in self._held:
            raise TelephonyError("the call is already on hold")
        self._held.add(call.callid)
        self._emit(Held(call.callid, at=self._at()))

    async def resume(self, call_id: str) -> None:
        call = self._talking(call_id)
        if call.callid not in self._held:
            raise TelephonyError("the call is not on hold")
        self._held.discard(call.callid)
        self._emit(Resumed(call.callid, at=self._at()))

    async def mute(self, call_id: str, muted: bool) -> None:
        call = self._talking(call_id)
        self._emit(Muted(call.callid, muted=bool(muted), at=self._at()))

    async def blind_transfer(self, call_id: str, target: str) -> None:
        await self._transfer(call_id, target, attended=False)

    async def attended_transfer(self, call_id: str, target: str) -> None:
        await self._transfer(call_id, target, attended=True)

    async def _transfer(self, call_id: str, target: str, *, attended: bool) -> None:
        target = (target or "").strip()
        if not target:
            raise TelephonyError("a transfer needs a target number")
        call = self._talking(call_id)
        self._emit(Transferred(call.callid, target=target, at=self._at()))
        self._engine().operator_transfer(call.callid, target, attended=attended)
        self._done()

    async def send_dtmf(self, call_id: str, digits: str) -> None:
        if not digits or any(d not in DTMF_DIGITS for d in digits):
            raise TelephonyError("DTMF digits are 0-9, *, # and A-D")
        self._talking(call_id)  # the simulated caller hears them; nothing else happens

    async def dial(self, target: str) -> str:
        raise NotSupported("the simulator places no outbound calls")

    # -- the operator's agent state ------------------------------------------------------------

    def _agent(self, action: Callable[[], None]) -> None:
        self._sync()
        try:
            action()
        except ValueError as exc:  # IllegalTransition or a missing reason: one line for the operator
            raise TelephonyError(str(exc)) from None
        self._done()

    def log_in(self, paused_reason: str | None = None) -> None:
        self._agent(lambda: self._engine().operator_login(paused_reason))

    def log_out(self) -> None:
        self._agent(self._engine().operator_logout)

    def pause(self, reason: str) -> None:
        self._agent(lambda: self._engine().operator_pause(reason))

    def unpause(self) -> None:
        self._agent(self._engine().operator_unpause)

    def end_wrapup(self, disposition: str = "") -> None:
        self._agent(lambda: self._engine().operator_end_wrapup(disposition))

    def agent_status(self) -> AgentStatus:
        return self._engine().require_operator().session.status()

    # -- scripted callers (role-play, tests) ---------------------------------------------------

    def offer_call(self, caller_id: str, display_name: str = "", *, queue: str | None = None,
                   talk: float | None = None, patience: float | None = None,
                   pauses: Sequence[Pause] | None = None) -> str:
        """A caller joins a queue now; returns the call id. `talk`: seconds until the caller hangs
        up once answered (math.inf: never); `patience`: seconds before giving up unanswered;
        `pauses`: (start, end) seconds after the answer when the caller is quiet (end may be
        math.inf), else they talk like the centre's callers."""
        script = None
        if pauses is not None:
            script = tuple(sorted((float(a), float(b)) for a, b in pauses))
            if any(not (0 <= a < b) for a, b in script) or any(
                    b1 > a2 for (_a1, b1), (a2, _b2) in zip(script, script[1:], strict=False)):
                raise TelephonyError("pauses must be (start, end) with 0 <= start < end, not overlapping")
        self._sync()
        engine = self._engine()
        queue = queue or self.config.queues[0]
        if queue not in self.config.queues:
            raise TelephonyError(f"no such queue: {queue[:80]}")
        call = engine.enter(Caller(str(caller_id), str(display_name), "scripted"), queue,
                            engine.sample.talk() if talk is None else talk,
                            engine.sample.patience() if patience is None else patience)
        if script is not None:
            self._scripted_pauses[call.callid] = script
        self._done()
        return call.callid

    def caller_hangup(self, call_id: str) -> None:
        self._sync()
        self._engine().caller_hangup(call_id)
        self._done()

    def caller_dtmf(self, call_id: str, digits: str) -> None:
        self._sync()
        self._engine().caller_dtmf(call_id, digits)
        self._done()
