"""The KPI engine: fed queue_log records incrementally, it keeps raw counts per queue and hands out
snapshots. Each feed costs O(new rows): history is never re-read, and finished calls, old minutes
and yesterday's intervals are dropped, so memory stays flat over a long day.

Counting rule: every event counts in the bucket (day, interval, minute) of its own time. A call
that enters the queue at 09:14:50 and is answered at 09:15:10 is offered in the 09:00 interval and
answered (with its service level and ASA) in the 09:15 one; its handle time counts where its
wrap-up ends. Agent time (occupancy) is split across the buckets it spans.

Times come from the records; "now" (calls waiting, longest wait, time in state, open agent time)
comes from the injected clock, or the `now` given to snapshot().
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from desktop_agent.core.domain import utcnow
from desktop_agent.core.kpi import surveys
from desktop_agent.core.kpi.agents import AgentRecord
from desktop_agent.core.kpi.counts import Counts
from desktop_agent.core.kpi.formulas import all_formulas
from desktop_agent.core.kpi.settings import KpiSettings
from desktop_agent.core.kpi.snapshot import (
    OVERALL,
    AgentState,
    KpiSnapshot,
    PeriodKpis,
    QueueKpis,
    period_kpis,
)
from desktop_agent.core.kpi.surveys import SurveyInput
from desktop_agent.core.queue_log import QueueLogRecord

_INF = float("inf")
_ENDS_HANDLED = {"COMPLETEAGENT": 2, "COMPLETECALLER": 2,   # event -> data index of calltime
                 "TRANSFER": 4, "BLINDTRANSFER": 4, "ATTENDEDTRANSFER": 4}
_TRANSFERS = frozenset({"TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER"})
_EXITS = {"EXITWITHTIMEOUT": ("timeout", 3), "EXITEMPTY": ("empty", 3),   # event -> (band prefix, waittime index)
          "EXITWITHKEY": ("key", 4), "WITHDRAW": ("withdraw", 3)}
_HANDLING = (AgentState.ON_CALL, AgentState.WRAPUP)
_STATE_KEYS = tuple(s.value for s in AgentState)   # plain str keys: an Enum's hash is a Python call


def _num(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


class _QueueState:
    __slots__ = ("name", "day", "intervals", "minutes", "waiting")

    def __init__(self, name: str) -> None:
        self.name = name
        self.day = Counts()
        self.intervals: dict[int, Counts] = {}
        self.minutes: dict[int, Counts] = {}
        self.waiting: dict[str, float] = {}   # callid -> ENTERQUEUE time, oldest first


class _Call:
    __slots__ = ("enter_ts", "connect_ts", "agent", "last_ts")

    def __init__(self, enter_ts: float | None, last_ts: float) -> None:
        self.enter_ts = enter_ts
        self.connect_ts: float | None = None
        self.agent = ""
        self.last_ts = last_ts


class _Handled:
    """An answered call that has ended and waits for its wrap-up to end (AHT counts there)."""

    __slots__ = ("queue", "talk", "end_ts", "wrap_start", "done")

    def __init__(self, queue: str, talk: float, end_ts: float) -> None:
        self.queue = queue
        self.talk = talk
        self.end_ts = end_ts
        self.wrap_start: float | None = None
        self.done = False


class KpiEngine:
    def __init__(self, settings: KpiSettings | None = None, *, clock: Callable[[], datetime] = utcnow,
                 reset_daily: bool = True) -> None:
        """reset_daily=False keeps one running total and every interval: for reports over a range."""
        self.settings = settings or KpiSettings()
        self._clock = clock
        self._reset_daily = reset_daily
        self._ilen = self.settings.interval_minutes * 60
        self._roll = self.settings.rolling_minutes
        self._t = self.settings.sl_target
        self._s = self.settings.short_abandon
        self._formulas = all_formulas(self.settings)
        self._queues: dict[str, _QueueState] = {}
        self._overall = _QueueState(OVERALL)
        self._calls: dict[tuple[str, str], _Call] = {}
        self._agents: dict[str, AgentRecord] = {}
        self._pending: deque[tuple[tuple[str, str], _Handled]] = deque()
        self._handled: dict[tuple[str, str], _Handled] = {}   # (callid, agent) -> awaiting wrap-up end
        self._day_start = -_INF if not reset_daily else None
        self._day_end = _INF
        self._latest = -_INF            # newest record time
        self._minute_floor = -_INF      # minute buckets before this are gone
        self._next_prune = -_INF
        self.rows_seen = 0
        self.rows_ignored = 0   # events that carry nothing to count (QUEUESTART, CONFIGRELOAD, ...)
        self.rows_future = 0    # stamped too far ahead of the clock: skipped

    # ------------------------------------------------------------------ feeding
    def feed(self, records: Iterable[QueueLogRecord]) -> int:
        """Count new rows, oldest first. Returns how many were read."""
        n = 0
        limit = self._clock().timestamp() + self.settings.max_future
        for rec in records:
            n += 1
            ts = rec.time.timestamp()
            if ts > limit:
                self.rows_future += 1
                continue
            self._one(rec, ts)
        if n:
            self._expire_pending(self._latest)
            if self._latest >= self._next_prune:
                self._prune(self._latest)
                self._next_prune = self._latest + 60
        self.rows_seen += n
        return n

    def feed_surveys(self, answers: Iterable[SurveyInput]) -> int:
        """CSAT/NPS/CES answers, counted in the bucket of their time. Invalid scores are skipped."""
        n = 0
        for ans in answers:
            if not surveys.is_valid(ans):
                continue
            ts = ans.at.timestamp()
            self._see_time(ts)
            for c in self._buckets(ans.queue or "", ts):
                surveys.count(c, ans.kind, ans.score)
            n += 1
        return n

    def flush(self) -> None:
        """End of a report's range: calls that ended with no wrap-up started count as handled (at
        their end) without waiting for the grace time; calls still in wrap-up end after the range
        and are not counted."""
        self._expire_pending(_INF)

    def _see_time(self, ts: float) -> None:
        if self._day_start is None:
            self._start_day(ts)
        elif ts >= self._day_end:
            self._start_day(ts)
        if ts > self._latest:
            self._latest = ts
            floor = (int(ts // 60) - self._roll + 1) * 60
            if floor > self._minute_floor:
                self._minute_floor = floor
                for qs in (*self._queues.values(), self._overall):
                    for k in [k for k in qs.minutes if k < floor]:
                        del qs.minutes[k]

    def _one(self, rec: QueueLogRecord, ts: float) -> None:
        self._see_time(ts)
        ev = rec.event
        if ev == "ENTERQUEUE":
            self._enter(rec, ts)
        elif ev == "CONNECT":
            self._connect(rec, ts)
        elif ev in _ENDS_HANDLED:
            self._end_call(rec, ts)
        elif ev == "ABANDON":
            self._abandon(rec, ts)
        elif ev in _EXITS:
            self._exit(rec, ts)
        elif ev == "RINGNOANSWER":
            for c in self._buckets(rec.queuename, ts):
                c.ring_no_answer += 1
            a = self._touch(rec.agent, ts)
            a.seen_working(rec.queuename)
            self._settle(a, ts)
        elif ev in ("PAUSE", "PAUSEALL", "UNPAUSE", "UNPAUSEALL"):
            a = self._touch(rec.agent, ts)
            a.paused = ev.startswith("PAUSE")
            a.reason = rec.d(1) if a.paused else ""
            a.seen_working(rec.queuename)  # Asterisk pauses members only
            self._settle(a, ts)
        elif ev == "ADDMEMBER":
            a = self._touch(rec.agent, ts)
            a.seen_working(rec.queuename)
            if rec.d(1) == "PAUSED":
                a.paused = True
            self._settle(a, ts)
        elif ev == "REMOVEMEMBER":
            a = self._touch(rec.agent, ts)
            a.queues.discard(rec.queuename)
            if not a.queues and not a.explicit_login:
                a.logged_in = False
            self._settle(a, ts)
        elif ev == "AGENTLOGIN":
            a = self._touch(rec.agent, ts)
            a.logged_in = a.explicit_login = True
            self._settle(a, ts)
        elif ev == "AGENTLOGOFF":
            a = self._touch(rec.agent, ts)
            a.logged_in = a.explicit_login = a.paused = False
            a.reason = ""
            a.queues.clear()
            self._settle(a, ts)
        elif ev == "WRAPUPSTART":
            self._wrap_start(rec, ts)
        elif ev == "WRAPUPEND":
            self._wrap_end(rec, ts)
        else:
            self.rows_ignored += 1

    # ------------------------------------------------------------------ calls
    def _enter(self, rec: QueueLogRecord, ts: float) -> None:
        qs = self._queue(rec.queuename)
        self._calls[(rec.callid, rec.queuename)] = _Call(ts, ts)
        qs.waiting[rec.callid] = ts
        waiting_q = len(qs.waiting)
        waiting_all = self._waiting_total()
        for c in self._buckets(rec.queuename, ts):
            c.offered += 1
        for c in self._buckets_of(qs, ts):
            if waiting_q > c.peak_waiting:
                c.peak_waiting = waiting_q
        for c in self._buckets_of(self._overall, ts):
            if waiting_all > c.peak_waiting:
                c.peak_waiting = waiting_all

    def _leave_queue(self, rec: QueueLogRecord, ts: float, wait_index: int, *, keep: bool) -> float:
        """Take the call out of the waiting list; its wait from ENTERQUEUE, else from the row's data."""
        key = (rec.callid, rec.queuename)
        call = self._calls.get(key) if keep else self._calls.pop(key, None)
        self._queue(rec.queuename).waiting.pop(rec.callid, None)
        if call is not None and call.enter_ts is not None:
            return max(0.0, ts - call.enter_ts)
        wait = _num(rec.d(wait_index))
        return max(0.0, wait) if wait is not None else 0.0

    def _connect(self, rec: QueueLogRecord, ts: float) -> None:
        wait = self._leave_queue(rec, ts, 1, keep=True)
        key = (rec.callid, rec.queuename)
        call = self._calls.get(key)
        if call is None:  # entered before what we have read (a report's start, a restart)
            call = self._calls[key] = _Call(None, ts)
        call.connect_ts = call.last_ts = ts
        call.agent = rec.agent
        in_t = wait <= self._t
        for c in self._buckets(rec.queuename, ts):
            if in_t:
                c.answered_in_t += 1
            else:
                c.answered_after_t += 1
            c.answered_wait_sum += wait
            if wait > c.answered_wait_max:
                c.answered_wait_max = wait
        a = self._touch(rec.agent, ts)
        a.seen_working(rec.queuename)
        a.call_key, a.call_queue = key, rec.queuename
        a.wrap_callid = None  # a new call ends any wrap-up the desktop did not close
        self._settle(a, ts)

    def _end_call(self, rec: QueueLogRecord, ts: float) -> None:
        key = (rec.callid, rec.queuename)
        call = self._calls.pop(key, None)
        self._queue(rec.queuename).waiting.pop(rec.callid, None)
        # talk + hold: Asterisk's calltime runs from the bridge to the hang-up with hold inside it,
        # and queue_log has no hold rows; the connected time is the same figure
        if call is not None and call.connect_ts is not None:
            talk = ts - call.connect_ts
        else:
            talk = _num(rec.d(_ENDS_HANDLED[rec.event])) or 0.0
        transfer = rec.event in _TRANSFERS
        for c in self._buckets(rec.queuename, ts):
            c.ended += 1
            if transfer:
                c.transferred += 1
        h = _Handled(rec.queuename, max(0.0, talk), ts)
        hkey = (rec.callid, rec.agent)
        self._handled[hkey] = h
        self._pending.append((hkey, h))
        a = self._touch(rec.agent, ts)
        a.seen_working(rec.queuename)
        if a.call_key == key:
            a.call_key = None
        self._settle(a, ts)

    def _abandon(self, rec: QueueLogRecord, ts: float) -> None:
        wait = self._leave_queue(rec, ts, 3, keep=False)
        band = ("abandoned_short_" if wait < self._s else "abandoned_") + ("in_t" if wait <= self._t else "after_t")
        for c in self._buckets(rec.queuename, ts):
            setattr(c, band, getattr(c, band) + 1)
            c.abandoned_wait_sum += wait

    def _exit(self, rec: QueueLogRecord, ts: float) -> None:
        prefix, wait_index = _EXITS[rec.event]
        wait = self._leave_queue(rec, ts, wait_index, keep=False)
        band = f"{prefix}_{'in_t' if wait <= self._t else 'after_t'}"
        for c in self._buckets(rec.queuename, ts):
            setattr(c, band, getattr(c, band) + 1)

    # ------------------------------------------------------------------ wrap-up and AHT
    def _wrap_start(self, rec: QueueLogRecord, ts: float) -> None:
        callid = rec.d(1) or rec.callid
        h = self._handled.get((callid, rec.agent))
        if h is not None and h.wrap_start is None:
            h.wrap_start = ts
        a = self._touch(rec.agent, ts)
        a.wrap_callid = callid
        a.wrap_queue = h.queue if h is not None else (rec.queuename if rec.queuename != "NONE" else a.call_queue)
        self._settle(a, ts)

    def _wrap_end(self, rec: QueueLogRecord, ts: float) -> None:
        callid = rec.d(1) or rec.callid
        h = self._handled.pop((callid, rec.agent), None)
        if h is not None and not h.done:
            wrap = _num(rec.d(2))
            if wrap is None:
                wrap = ts - (h.wrap_start if h.wrap_start is not None else h.end_ts)
            self._count_handled(h, ts, max(0.0, wrap))
        a = self._touch(rec.agent, ts)
        if a.wrap_callid == callid or a.wrap_callid is None:
            a.wrap_callid = None
        self._settle(a, ts)

    def _count_handled(self, h: _Handled, ts: float, wrap: float) -> None:
        h.done = True
        for c in self._buckets(h.queue, ts):
            c.handled += 1
            c.handled_talk_sum += h.talk
            c.handled_wrapup_sum += wrap

    def _expire_pending(self, until: float) -> None:
        """Calls whose wrap-up never started within the grace time count as handled at their end."""
        grace = self.settings.wrapup_grace
        pending = self._pending
        while pending and pending[0][1].end_ts + grace <= until:
            hkey, h = pending.popleft()
            if h.done or h.wrap_start is not None:
                continue  # counted already, or waits for its WRAPUPEND
            if self._handled.get(hkey) is h:
                del self._handled[hkey]
            self._count_handled(h, h.end_ts, 0.0)

    # ------------------------------------------------------------------ agents and occupancy
    def _touch(self, name: str, ts: float) -> AgentRecord:
        """The agent, with its running time credited up to ts, before its state changes."""
        a = self._agents.get(name)
        if a is None:
            a = self._agents[name] = AgentRecord(name, ts)
            return a
        a.changed()
        if ts > a.acct_from:
            state = a.state
            if state in _HANDLING:
                self._credit_time((a.handling_queue(),), "handling_time", a.acct_from, ts)
            elif state is AgentState.READY:
                self._credit_time(a.queues, "idle_time", a.acct_from, ts)
            a.acct_from = ts
        return a

    def _settle(self, a: AgentRecord, ts: float) -> None:
        state = a.current_state()
        if state is not a.state:
            a.state = state
            a.since = ts

    def _credit_time(self, queues: Iterable[str], field: str, t0: float, t1: float) -> None:
        targets = [self._queue(q) for q in queues if q and q != "NONE"]
        targets.append(self._overall)
        d0, d1 = max(t0, self._day_start or t0), min(t1, self._day_end)
        if d1 > d0:
            for qs in targets:
                setattr(qs.day, field, getattr(qs.day, field) + (d1 - d0))
        self._split(targets, field, t0, t1, self._ilen, max(t0, self._day_start or t0), "intervals")
        self._split(targets, field, t0, t1, 60, max(t0, self._minute_floor), "minutes")

    def _split(self, targets: list[_QueueState], field: str, t0: float, t1: float, size: int,
               lo: float, attr: str) -> None:
        k = int(lo // size) * size
        while k < t1:
            part = min(t1, k + size) - max(t0, k)
            if part > 0:
                for qs in targets:
                    buckets = getattr(qs, attr)
                    c = buckets.get(k)
                    if c is None:
                        c = buckets[k] = Counts()
                    setattr(c, field, getattr(c, field) + part)
            k += size

    # ------------------------------------------------------------------ buckets and housekeeping
    def _queue(self, name: str) -> _QueueState:
        qs = self._queues.get(name)
        if qs is None:
            qs = self._queues[name] = _QueueState(name)
        return qs

    def _buckets_of(self, qs: _QueueState, ts: float) -> list[Counts]:
        out = []
        if self._day_start is None or self._day_start <= ts < self._day_end:
            out.append(qs.day)
        if self._day_start is None or ts >= self._day_start:
            ik = int(ts // self._ilen) * self._ilen
            c = qs.intervals.get(ik)
            if c is None:
                c = qs.intervals[ik] = Counts()
            out.append(c)
        if ts >= self._minute_floor:
            mk = int(ts // 60) * 60
            c = qs.minutes.get(mk)
            if c is None:
                c = qs.minutes[mk] = Counts()
            out.append(c)
        return out

    def _buckets(self, queue: str, ts: float) -> list[Counts]:
        """The queue's and the overall buckets that an event at ts counts in."""
        out = self._buckets_of(self._overall, ts)
        if queue and queue != "NONE":
            out += self._buckets_of(self._queue(queue), ts)
        return out

    def _waiting_total(self) -> int:
        return sum(len(qs.waiting) for qs in self._queues.values())

    def _start_day(self, ts: float) -> None:
        if not self._reset_daily:
            return
        tz = self.settings.tz
        local = datetime.fromtimestamp(ts, tz)
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        self._day_start = start.timestamp()
        self._day_end = (start + timedelta(days=1)).timestamp()  # wall-clock day: DST days are 23 or 25 h
        for qs in (*self._queues.values(), self._overall):
            qs.day = Counts()
            for k in [k for k in qs.intervals if k < self._day_start]:
                del qs.intervals[k]

    def _prune(self, now: float) -> None:
        """Drop what a lost row would otherwise keep forever."""
        cutoff = now - self.settings.stale_after
        stale = [key for key, call in self._calls.items() if call.last_ts < cutoff]
        for key in stale:
            del self._calls[key]
            qs = self._queues.get(key[1])
            if qs is not None:
                qs.waiting.pop(key[0], None)
        if stale:
            gone = set(stale)
            for a in self._agents.values():
                if a.call_key in gone:
                    # the hang-up row was lost: these hours were no call, so they are not credited
                    a.changed()
                    a.acct_from = max(a.acct_from, now)
                    a.call_key = None
                    self._settle(a, now)
        for hkey in [k for k, h in self._handled.items() if (h.wrap_start or h.end_ts) < cutoff]:
            del self._handled[hkey]

    # ------------------------------------------------------------------ reading
    def stats(self) -> dict[str, int]:
        """Sizes of what the engine holds: for the memory benchmark and for tests."""
        return {"calls": len(self._calls), "handled_pending": len(self._handled), "pending_queue": len(self._pending),
                "agents": len(self._agents), "queues": len(self._queues),
                "intervals": sum(len(q.intervals) for q in (*self._queues.values(), self._overall)),
                "minutes": sum(len(q.minutes) for q in (*self._queues.values(), self._overall))}

    def snapshot(self, now: datetime | None = None, *, with_intervals: bool = False) -> KpiSnapshot:
        """The KPIs as of `now` (default: the clock). Call it on the thread that feeds: it moves the
        engine's own time on (a new day, wrap-up grace) as well."""
        now_dt = now or self._clock()
        t = now_dt.timestamp()
        if self._reset_daily and self._day_start is not None and t >= self._day_end:
            self._start_day(t)
        self._expire_pending(t)  # no more rows may come for a while: the clock moves wrap-up grace on
        ik = int(t // self._ilen) * self._ilen
        roll_lo = (int(t // 60) - self._roll + 1) * 60
        day_lo = self._day_start if self._day_start is not None else -_INF
        # Agents are summed by grouping (same state, same queues) first, then spread over the queues:
        # a snapshot costs a few dict operations per agent, not a few per agent and queue.
        open_groups: dict[tuple, list[float]] = {}   # targets -> [handling d/i/r, idle d/i/r]
        state_groups: dict[tuple, int] = {}
        reason_groups: dict[tuple, int] = {}
        agents = []
        for a in self._agents.values():
            g = a.grouping(OVERALL)
            key = g[:2]
            state_groups[key] = state_groups.get(key, 0) + 1
            targets = g[2]
            if targets is not None:
                base = g[3]
                start = a.acct_from
                acc = open_groups.get(targets)
                if acc is None:
                    acc = open_groups[targets] = [0.0] * 6
                acc[base] += t - (start if start > day_lo else day_lo)
                acc[base + 1] += max(0.0, t - (start if start > ik else ik))
                acc[base + 2] += max(0.0, t - (start if start > roll_lo else roll_lo))
            elif g[0] == "paused":
                rkey = (g[1], a.reason)
                reason_groups[rkey] = reason_groups.get(rkey, 0) + 1
            agents.append(a.status())
        open_time: dict[str, list[float]] = {}
        for targets, sums in open_groups.items():
            for q in targets:
                acc = open_time.get(q)
                if acc is None:
                    open_time[q] = list(sums)
                else:
                    for j in range(6):
                        acc[j] += sums[j]
        by_state: dict[str, dict[str, int]] = {OVERALL: dict.fromkeys(_STATE_KEYS, 0)}
        for (state_key, counted), n in state_groups.items():
            for q in counted:
                counts = by_state.get(q)
                if counts is None:
                    counts = by_state[q] = dict.fromkeys(_STATE_KEYS, 0)
                counts[state_key] += n
        by_reason: dict[str, dict[str, int]] = {}
        for (counted, reason), n in reason_groups.items():
            for q in counted:
                reasons = by_reason.setdefault(q, {})
                reasons[reason] = reasons.get(reason, 0) + n
        queues_out = {name: self._queue_kpis(qs, t, now_dt, ik, roll_lo, open_time, by_state, by_reason,
                                             with_intervals)
                      for name, qs in sorted(self._queues.items()) if name and name != "NONE"}
        overall = self._queue_kpis(self._overall, t, now_dt, ik, roll_lo, open_time, by_state, by_reason,
                                   with_intervals)
        waiting = [q for q in queues_out.values() if q.waiting_now]
        overall = _with_waiting(overall, sum(q.waiting_now for q in waiting),
                                max((q.longest_wait_now for q in waiting), default=0.0))
        last = datetime.fromtimestamp(self._latest, UTC) if self._latest > -_INF else None
        return KpiSnapshot(now_dt, self.settings, overall, queues_out, tuple(agents), self._formulas, last)

    def _queue_kpis(self, qs: _QueueState, t: float, now_dt: datetime, ik: int, roll_lo: int,
                    open_time: dict[str, list[float]], by_state: dict[str, dict[str, int]],
                    by_reason: dict[str, dict[str, int]], with_intervals: bool) -> QueueKpis:
        s = self.settings
        acc = open_time.get(qs.name, (0.0,) * 6)
        day_start = (datetime.fromtimestamp(self._day_start, UTC)
                     if self._day_start is not None and self._day_start > -_INF else None)
        day = period_kpis(qs.day, s, day_start, now_dt, open_handling=acc[0], open_idle=acc[3])
        cur = qs.intervals.get(ik)
        interval = period_kpis(cur or Counts(), s, datetime.fromtimestamp(ik, UTC), now_dt,
                               open_handling=acc[1], open_idle=acc[4], owned=cur is None)
        rolling_counts = Counts()
        for k, c in qs.minutes.items():
            if k >= roll_lo:
                rolling_counts.add(c)
        rolling = period_kpis(rolling_counts, s, datetime.fromtimestamp(roll_lo, UTC), now_dt,
                              open_handling=acc[2], open_idle=acc[5], owned=True)
        history: tuple[PeriodKpis, ...] = ()
        if with_intervals:
            history = tuple(self._interval_kpis(qs, ik, acc))
        oldest = next(iter(qs.waiting.values()), None)
        counts = by_state.get(qs.name) or dict.fromkeys(_STATE_KEYS, 0)
        return QueueKpis(qs.name, len(qs.waiting), max(0.0, t - oldest) if oldest is not None else 0.0,
                         day, interval, rolling, counts,
                         dict(by_reason.get(qs.name, {})), history)

    def _interval_kpis(self, qs: _QueueState, current: int, acc) -> Iterable[PeriodKpis]:  # noqa: ANN001
        for k in sorted(qs.intervals):
            end = datetime.fromtimestamp(k + self._ilen, UTC)
            extra = (acc[1], acc[4]) if k == current else (0.0, 0.0)
            yield period_kpis(qs.intervals[k], self.settings, datetime.fromtimestamp(k, UTC), end,
                              open_handling=extra[0], open_idle=extra[1])


def _with_waiting(q: QueueKpis, waiting: int, longest: float) -> QueueKpis:
    return QueueKpis(q.queue, waiting, longest, q.day, q.interval, q.rolling, q.agents_by_state,
                     q.paused_by_reason, q.intervals)
