"""The discrete-event contact centre: callers, FIFO queues, simulated agents and the desktop operator.

Time is float seconds since `start`. Events sit in a heapq ordered by (time, sequence), so equal
times keep their order and one seed gives one run. Timers are never removed from the heap: a
timer that no longer applies (the caller was answered before their patience ran out) is ignored
when it comes up, which is cheaper than finding and deleting it.

The ACD offers a call to the agent who has been Ready longest (Asterisk's `leastrecent`), and an
agent who becomes Ready takes the oldest waiting call over all queues (one FIFO across queues), so
with Poisson arrivals, exponential talk times and no abandons this is exactly Erlang C's M/M/N.

Every call and agent event becomes a QueueLogRecord with Asterisk's names and parameter order
(see core.queue_log). Call records are only built when somebody listens (`on_record`).
"""

from __future__ import annotations

import heapq
import math
import random
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from desktop_agent.core.agent_state import AgentSession, AgentState
from desktop_agent.core.queue_log import QEvent, QueueLogRecord
from desktop_agent.telephony.events import CloseReason
from desktop_agent.telephony.simulator.callers import Caller, CallerPool
from desktop_agent.telephony.simulator.config import Profile, Sampler, SimConfig
from desktop_agent.telephony.simulator.desk import OperatorDesk
from desktop_agent.telephony.simulator.model import (
    DONE,
    QUEUED,
    RINGING,
    TALKING,
    UNSEEN_CALLER,
    OperatorListener,
    SimAgent,
    SimCall,
)
from desktop_agent.telephony.simulator.stats import Counters, SimSummary, summarise

# A fixed Monday midnight, so that a headless run without a start repeats to the row.
DEFAULT_START = datetime(2024, 1, 1, tzinfo=UTC)

(ARRIVAL, ANSWER, HANGUP, WRAP_END, ABANDON, TIMEOUT, PAUSE_REQ, PAUSE_END, RING_OUT,
 OP_WRAP_LIMIT, SNAPSHOT, RETRY) = range(12)


class ContactCentre(OperatorDesk):
    def __init__(self, config: SimConfig, numbers: Sequence[str] = (), *,
                 on_record: Callable[[QueueLogRecord], None] | None = None,
                 listener: OperatorListener | None = None):
        config.validate()
        self.config = config
        self.rng = random.Random(config.seed)
        self.sample = Sampler(config, self.rng)
        # callers draw from their own stream, so the traffic does not depend on the caller-ID mix
        self.callers = CallerPool(numbers, random.Random(f"{config.seed}/callers"),
                                  unknown_share=config.unknown_share, anonymous_share=config.anonymous_share)
        self.profile = Profile.parse(config.profile)
        self.start = config.start or DEFAULT_START
        self._day_offset = self.start.hour * 3600 + self.start.minute * 60 + self.start.second
        self._rate = config.calls_per_hour / 3600.0
        self._weights = list(config.queue_weights or [1.0] * len(config.queues))
        self.on_record = on_record
        self.listener = listener
        # caller IDs and bridged-leg ids are only made up when someone will see them
        self._verbose = on_record is not None or listener is not None
        self.now = 0.0
        self._dt_at, self._dt = 0.0, self.start
        self.horizon = math.inf
        self.events = 0
        self.records = 0
        self.stats = Counters()
        self._heap: list = []
        self._seq = 0
        self._uid = 0
        self._base_uid = int(self.start.timestamp())
        self._queues: dict[str, deque[SimCall]] = {q: deque() for q in config.queues}
        # Asterisk keeps a caller in the queue (holding its position) until CONNECT, ringing included
        self._qlen: dict[str, int] = {q: 0 for q in config.queues}
        self._ringing: dict[str, set[SimCall]] = {q: set() for q in config.queues}
        self._free: deque[tuple[int, SimAgent]] = deque()
        self._calls: dict[str, SimCall] = {}   # every call not yet done, by callid
        self._unanswered = 0                   # counted calls neither answered nor gone
        self._snapshots: dict[str, tuple[float, float, float]] = {}
        self._handlers = (self._on_arrival, self._on_answer, self._on_hangup, self._on_wrap_end,
                          self._on_abandon, self._on_timeout, self._on_pause_request, self._on_pause_end,
                          self._on_ring_out, self._on_operator_wrap_limit, self._on_snapshot, self._on_retry)
        width = max(2, len(str(config.agents)))
        self.agents = [SimAgent(AgentSession(f"{config.agent_prefix}{i:0{width}d}", config.queues, at=self.start))
                       for i in range(1, config.agents + 1)]
        self.operator: SimAgent | None = None
        if config.operator:
            self.operator = SimAgent(AgentSession(config.operator, config.queues, at=self.start), operator=True)
        for agent in self.agents:
            self._out(agent.session.log_in(self.start))
            self._agent_ready(agent)
            if config.pause_every:
                self._push(self.sample.pause_gap(), PAUSE_REQ, agent, agent.pause_token)
        self._schedule_arrival()
        self._push(config.warmup, SNAPSHOT, "warmup", 0)

    # -- running -----------------------------------------------------------------------------

    def dt(self) -> datetime:
        """The simulated clock as an aware datetime (cached: several changes share one instant)."""
        if self._dt_at != self.now:
            self._dt_at, self._dt = self.now, self.start + timedelta(seconds=self.now)
        return self._dt

    def next_event_time(self) -> float | None:
        return self._heap[0][0] if self._heap else None

    def advance(self, until: float) -> None:
        """Process every event up to `until` (seconds since start); the clock ends at `until`."""
        heap, handlers = self._heap, self._handlers
        while heap and heap[0][0] <= until:
            t, _, kind, obj, token = heapq.heappop(heap)
            self.now = t
            self.events += 1
            handlers[kind](obj, token)
        self.now = max(self.now, until)

    def run(self, hours: float, *, drain: bool = True) -> SimSummary:
        """Headless, as fast as possible: arrivals for `hours`, then (with `drain`) let every call
        and wrap-up finish and log the simulated agents out, so every call's records are complete."""
        if not (hours > 0 and math.isfinite(hours)):
            raise ValueError(f"hours must be > 0, got {hours!r}")
        self.horizon = hours * 3600.0
        if self.horizon <= self.config.warmup:
            raise ValueError("the run must be longer than its warm-up")
        self._push(self.horizon, SNAPSHOT, "horizon", 0)
        self.advance(self.horizon)
        if drain:
            heap, handlers = self._heap, self._handlers
            # the operator is left out: a person at the desk ends their own wrap-up
            while heap and (self._calls or any(a.session.state.busy for a in self.agents)):
                t, _, kind, obj, token = heapq.heappop(heap)
                self.now = t
                self.events += 1
                handlers[kind](obj, token)
            for agent in self.agents:
                if not agent.session.state.busy and agent.session.state is not AgentState.LOGGED_OUT:
                    self._out(agent.session.log_out(self.dt()))
        return self.summary()

    def summary(self) -> SimSummary:
        start = self._snapshots.get("warmup", (0.0, 0.0, 0.0))
        end = self._snapshots.get("horizon") or self._totals()
        return summarise(self.stats, hours=(end[0] - start[0]) / 3600.0, agents=len(self._all_agents()),
                         unfinished=self._unanswered, t=self.config.service_level_t,
                         busy=end[1] - start[1], idle=end[2] - start[2], records=self.records,
                         events=self.events)

    # -- scheduling helpers ------------------------------------------------------------------

    def _push(self, t: float, kind: int, obj: object, token: int) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (t, self._seq, kind, obj, token))

    def _out(self, records: list[QueueLogRecord]) -> None:
        if self.on_record is not None:
            for rec in records:
                self.on_record(rec)
            self.records += len(records)

    def _rec(self, call: SimCall, agent: str, event: QEvent, *data: object) -> None:
        if self.on_record is not None:
            self.on_record(QueueLogRecord.make(self.dt(), call.callid, call.queue, agent, event, *data))
            self.records += 1

    def _next_uid(self) -> str:
        self._uid += 1
        return f"{self._base_uid}.{self._uid}"

    def _all_agents(self) -> list[SimAgent]:
        return self.agents + ([self.operator] if self.operator else [])

    def _totals(self) -> tuple[float, float, float]:
        at = self.dt()
        busy = idle = 0.0
        for agent in self._all_agents():
            s = agent.session
            busy += s.time_in(AgentState.RINGING, at) + s.time_in(AgentState.ON_CALL, at) \
                + s.time_in(AgentState.WRAP_UP, at)
            idle += s.time_in(AgentState.READY, at)
        return self.now, busy, idle

    def _on_snapshot(self, name: str, _token: int) -> None:
        self._snapshots[name] = self._totals()

    # -- arrivals and queues -----------------------------------------------------------------

    def _schedule_arrival(self) -> None:
        peak = self.profile.peak
        if self._rate <= 0 or peak <= 0:
            return
        t, rng, thin = self.now, self.rng, len(self.profile.steps) > 1
        while True:
            t += rng.expovariate(self._rate * peak)
            if t > self.horizon:
                return
            # thinning: a candidate at the peak rate is kept with probability multiplier/peak
            if not thin or rng.random() * peak < self.profile.multiplier(((self._day_offset + t) % 86400) / 3600):
                self._push(t, ARRIVAL, None, 0)
                return

    def _on_arrival(self, _obj: object, _token: int) -> None:
        self._schedule_arrival()
        queues = self.config.queues
        queue = queues[0] if len(queues) == 1 else self.rng.choices(queues, self._weights)[0]
        caller = self.callers.next() if self._verbose else UNSEEN_CALLER
        self.enter(caller, queue, self.sample.talk(), self.sample.patience())

    def enter(self, caller: Caller, queue: str, talk: float, patience: float) -> SimCall:
        """A caller joins `queue` now."""
        t = self.now
        call = SimCall(self._next_uid(), queue, caller, t, self._qlen[queue] + 1, talk, t >= self.config.warmup)
        self._calls[call.callid] = call
        self._rec(call, "NONE", QEvent.ENTERQUEUE, "", caller.caller_id, call.position)
        self._qlen[queue] += 1
        if call.counted:
            self.stats.offered += 1
            self._unanswered += 1
        agent = self._take_free_agent(call)
        if agent is None:
            if call.counted:
                self.stats.waited += 1
            self._queues[queue].append(call)
        else:
            self._offer(call, agent)
        if call.state != TALKING:
            if math.isfinite(patience):
                self._push(t + patience, ABANDON, call, 0)
            if self.config.max_wait is not None:
                self._push(t + self.config.max_wait, TIMEOUT, call, 0)
        return call

    def _position(self, call: SimCall) -> int:
        """1 + the callers still in this queue (waiting or ringing) who arrived earlier."""
        key = (call.enter, call.callid)
        ahead = sum(1 for other in self._queues[call.queue]
                    if other.state == QUEUED and other is not call and (other.enter, other.callid) < key)
        ahead += sum(1 for other in self._ringing[call.queue]
                     if other is not call and (other.enter, other.callid) < key)
        return ahead + 1

    def _dequeue(self, call: SimCall) -> None:
        q = self._queues[call.queue]
        if q and q[0] is call:
            q.popleft()
        else:
            q.remove(call)

    def _next_call_for(self, agent: SimAgent) -> SimCall | None:
        best: SimCall | None = None
        for q in self._queues.values():
            while q and q[0].state != QUEUED:
                q.popleft()  # abandoned or timed out while waiting: drop the dead entry
            for call in q:
                if call.state != QUEUED or (call.declined and not self._may_offer(call, agent)):
                    continue
                if best is None or call.enter < best.enter:
                    best = call
                break
        return best

    def _take_free_agent(self, call: SimCall) -> SimAgent | None:
        free, skipped, found = self._free, [], None
        while free:
            token, agent = free.popleft()
            if agent.ready_token != token or agent.session.state is not AgentState.READY:
                continue  # paused or busy since it joined the free list
            if call.declined and not self._may_offer(call, agent):
                skipped.append((token, agent))
                continue
            found = agent
            break
        free.extendleft(reversed(skipped))
        return found

    def _may_offer(self, call: SimCall, agent: SimAgent) -> bool:
        return call.declined.get(agent, 0.0) <= self.now  # type: ignore[union-attr]

    def _agent_ready(self, agent: SimAgent) -> None:
        """The agent just became Ready: take the oldest waiting call, or join the free list."""
        call = self._next_call_for(agent)
        if call is not None:
            self._dequeue(call)
            self._offer(call, agent)
            return
        agent.ready_token += 1
        self._free.append((agent.ready_token, agent))

    def _after_settle(self, agent: SimAgent) -> None:
        state = agent.session.state
        if state is AgentState.READY:
            self._agent_ready(agent)
        elif state is AgentState.NOT_READY and not agent.operator:
            agent.pause_token += 1
            self._push(self.now + self.sample.pause_length(), PAUSE_END, agent, agent.pause_token)
        self._touch(agent)

    # -- a call's life -----------------------------------------------------------------------

    def _offer(self, call: SimCall, agent: SimAgent) -> None:
        call.state, call.agent, call.ring_start = RINGING, agent, self.now
        call.token += 1
        self._ringing[call.queue].add(call)
        self._out(agent.session.offer(call.callid, call.queue, self.dt()))
        if agent.operator:
            self._push(self.now + self.config.operator_ring_timeout, RING_OUT, call, call.token)
            self._touch(agent)
            if self.listener is not None:
                self.listener.ringing(call)
        elif self.config.ring > 0:
            self._push(self.now + self.sample.ring(), ANSWER, call, call.token)
        else:
            self._connect(call)

    def _on_answer(self, call: SimCall, token: int) -> None:
        if call.state == RINGING and call.token == token:
            self._connect(call)

    def _connect(self, call: SimCall) -> None:
        agent = call.agent
        assert agent is not None
        t = self.now
        wait = t - call.enter
        call.state, call.connect = TALKING, t
        self._ringing[call.queue].discard(call)
        self._qlen[call.queue] -= 1
        if self.on_record is not None:
            self._rec(call, agent.session.name, QEvent.CONNECT, int(wait), self._next_uid(), int(t - call.ring_start))
        self._out(agent.session.connect(call.callid, call.queue, self.dt()))
        if call.counted:
            st = self.stats
            st.answered += 1
            st.wait_answered += wait
            if wait <= self.config.service_level_t:
                st.answered_within_t += 1
            self._unanswered -= 1
        if math.isfinite(call.talk):
            self._push(t + call.talk, HANGUP, call, call.token)
        self._touch(agent)

    def _on_hangup(self, call: SimCall, token: int) -> None:
        if call.state != TALKING or call.token != token:
            return
        agent = call.agent
        assert agent is not None
        if agent.operator:
            self._complete(call, QEvent.COMPLETECALLER, CloseReason.REMOTE_HANGUP)
        else:
            event = QEvent.COMPLETEAGENT if self.rng.random() < 0.5 else QEvent.COMPLETECALLER
            self._complete(call, event, None)

    def _complete(self, call: SimCall, event: QEvent, close: CloseReason | None, *transfer: object) -> None:
        agent = call.agent
        assert agent is not None
        t = self.now
        hold, talk = int(call.connect - call.enter), int(t - call.connect)
        if transfer:
            self._rec(call, agent.session.name, event, *transfer, hold, talk, call.position)
        else:
            self._rec(call, agent.session.name, event, hold, talk, call.position)
        self.stats.talk += t - call.connect
        self.stats.completed += 1
        self._done(call)
        wrapup = agent.operator or self.config.wrapup > 0
        self._out(agent.session.end_call(self.dt(), wrapup=wrapup))
        if close is not None and self.listener is not None:
            self.listener.closed(call, close)
        if wrapup:
            agent.wrap_token += 1
            limit = self.config.operator_wrapup_limit if agent.operator else self.sample.wrapup()
            if limit is not None:
                self._push(t + limit, OP_WRAP_LIMIT if agent.operator else WRAP_END, agent, agent.wrap_token)
            self._touch(agent)
        else:
            self._after_settle(agent)

    def _done(self, call: SimCall) -> None:
        call.state = DONE
        self._calls.pop(call.callid, None)

    def _end_wrapup(self, agent: SimAgent, disposition: str) -> None:
        started = agent.session.since
        self._out(agent.session.end_wrapup(self.dt(), disposition))
        self.stats.wrapup += (self.dt() - started).total_seconds()
        self.stats.wrapups += 1
        self._after_settle(agent)

    def _on_wrap_end(self, agent: SimAgent, token: int) -> None:
        if agent.session.state is AgentState.WRAP_UP and agent.wrap_token == token:
            self._end_wrapup(agent, self.sample.choice(self.config.dispositions))

    def _on_operator_wrap_limit(self, agent: SimAgent, token: int) -> None:
        if agent.session.state is AgentState.WRAP_UP and agent.wrap_token == token:
            self._end_wrapup(agent, "")

    def _leave(self, call: SimCall, event: QEvent, close: CloseReason) -> None:
        """The caller leaves before an agent answered: gave up (ABANDON) or timed out."""
        t = self.now
        ringing_agent = call.agent if call.state == RINGING else None
        position = self._position(call)
        if call.state == QUEUED:
            self._dequeue(call)
        self._ringing[call.queue].discard(call)
        self._qlen[call.queue] -= 1
        if ringing_agent is not None:
            self._rec(call, ringing_agent.session.name, QEvent.RINGCANCELED, int((t - call.ring_start) * 1000))
            self._out(ringing_agent.session.ring_ended(self.dt()))
        wait = t - call.enter
        self._rec(call, "NONE", event, position, call.position, int(wait))
        if call.counted:
            st = self.stats
            if event is QEvent.ABANDON:
                st.abandoned += 1
                st.wait_abandoned += wait
                if wait <= self.config.service_level_t:
                    st.abandoned_within_t += 1
            else:
                st.timed_out += 1
            self._unanswered -= 1
        self._done(call)
        if ringing_agent is not None:
            if ringing_agent.operator and self.listener is not None:
                self.listener.closed(call, close)
            self._after_settle(ringing_agent)

    def _on_abandon(self, call: SimCall, _token: int) -> None:
        if call.state in (QUEUED, RINGING):
            self._leave(call, QEvent.ABANDON, CloseReason.CANCELLED)

    def _on_timeout(self, call: SimCall, _token: int) -> None:
        if call.state in (QUEUED, RINGING):
            self._leave(call, QEvent.EXITWITHTIMEOUT, CloseReason.CANCELLED)

    def _ring_failed(self, call: SimCall, reason: CloseReason) -> None:
        """Rang out or was rejected: RINGNOANSWER, and the call goes back to the head of its queue."""
        agent = call.agent
        assert agent is not None
        self._rec(call, agent.session.name, QEvent.RINGNOANSWER, int((self.now - call.ring_start) * 1000))
        self._out(agent.session.ring_ended(self.dt()))
        if reason is CloseReason.NO_ANSWER and agent.operator and self.config.operator_autopause:
            self._out(agent.session.pause(self.config.operator_autopause, self.dt()))
        self.stats.ring_no_answer += 1
        # like Asterisk's `retry`: this agent is not rung again for this call for a few seconds
        call.declined = {**(call.declined or {}), agent: self.now + self.config.ring_retry}
        call.state, call.agent = QUEUED, None
        self._ringing[call.queue].discard(call)
        self._requeue(call)
        if agent.operator and self.listener is not None:
            self.listener.closed(call, reason)
        self._on_retry(call, 0)
        self._push(self.now + self.config.ring_retry, RETRY, call, 0)
        self._after_settle(agent)

    def _requeue(self, call: SimCall) -> None:
        """Back among the waiting callers, in arrival order (usually at the head)."""
        q = self._queues[call.queue]
        key = (call.enter, call.callid)
        for i, other in enumerate(q):
            if other.state == QUEUED and (other.enter, other.callid) > key:
                q.insert(i, call)
                return
        q.append(call)

    def _on_retry(self, call: SimCall, _token: int) -> None:
        if call.state != QUEUED:
            return
        agent = self._take_free_agent(call)
        if agent is not None:
            self._dequeue(call)
            self._offer(call, agent)

    def _on_ring_out(self, call: SimCall, token: int) -> None:
        if call.state == RINGING and call.token == token:
            self._ring_failed(call, CloseReason.NO_ANSWER)

    # -- simulated agents' pauses ------------------------------------------------------------

    def _on_pause_request(self, agent: SimAgent, token: int) -> None:
        if token != agent.pause_token or agent.session.state is AgentState.LOGGED_OUT:
            return
        reason = self.sample.choice(self.config.pause_reasons)
        was_ready = agent.session.state is AgentState.READY
        self._out(agent.session.pause(reason, self.dt()))
        if was_ready:  # otherwise the pause waits for the end of the call and its wrap-up
            agent.pause_token += 1
            self._push(self.now + self.sample.pause_length(), PAUSE_END, agent, agent.pause_token)

    def _on_pause_end(self, agent: SimAgent, token: int) -> None:
        if token != agent.pause_token or agent.session.state is not AgentState.NOT_READY:
            return
        self._out(agent.session.unpause(self.dt()))
        agent.pause_token += 1
        self._push(self.now + self.sample.pause_gap(), PAUSE_REQ, agent, agent.pause_token)
        self._agent_ready(agent)


def run_headless(config: SimConfig, hours: float, numbers: Sequence[str] = (), *,
                 keep_records: bool = False, on_record: Callable[[QueueLogRecord], None] | None = None,
                 ) -> tuple[SimSummary, list[QueueLogRecord]]:
    """Run as fast as possible; returns the summary and (with keep_records) every record."""
    kept: list[QueueLogRecord] = []
    sink = on_record
    if keep_records:
        sink = kept.append if on_record is None else (lambda r: (kept.append(r), on_record(r)))  # type: ignore[func-returns-value]
    centre = ContactCentre(config, numbers, on_record=sink)
    return centre.run(hours), kept
