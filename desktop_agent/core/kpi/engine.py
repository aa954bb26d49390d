"""The KPI engine: fed queue_log records incrementally, it keeps raw counts per queue and hands out
snapshots. Each feed costs O(new rows): history is never re-read, and finished calls, old minutes
and yesterday's intervals are dropped, so memory stays flat over a long day.

Counting rule: every event counts in the bucket (day, interval, minute) of its own time. A call
that enters the queue at 09:14:50 and is answered at 09:15:10 is offered in the 09:00 interval and
answered (with its service level and ASA) in the 09:15 one; its handle time counts where its
wrap-up ends. Agent time (occupancy) is split across the buckets it spans.

Times come from the records; "now" (calls waiting, longest wait, time in state, open agent time)
comes from the injected clock, or the `now` given to snapshot().

The parts: buckets.py (where an event counts), agents.py (agent state and its sums), reading.py
(buckets -> QueueKpis); this module follows calls and wrap-up through the rows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from desktop_agent.core.domain import utcnow
from desktop_agent.core.kpi import surveys
from desktop_agent.core.kpi.agents import AgentBoard, AgentRecord
from desktop_agent.core.kpi.buckets import Buckets
from desktop_agent.core.kpi.formulas import all_formulas
from desktop_agent.core.kpi.reading import Moment, queue_kpis, with_waiting
from desktop_agent.core.kpi.settings import KpiSettings
from desktop_agent.core.kpi.snapshot import OVERALL, AgentState, KpiSnapshot
from desktop_agent.core.kpi.surveys import SurveyInput
from desktop_agent.core.queue_log import QueueLogRecord

_INF = float("inf")
_ENDS_HANDLED = {"COMPLETEAGENT": 2, "COMPLETECALLER": 2,   # event -> data index of calltime
                 "TRANSFER": 4, "BLINDTRANSFER": 4, "ATTENDEDTRANSFER": 4}
_TRANSFERS = frozenset({"TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER"})
_EXITS = {"EXITWITHTIMEOUT": ("timeout", 3), "EXITEMPTY": ("empty", 3),   # event -> (band prefix, waittime index)
          "EXITWITHKEY": ("key", 4), "WITHDRAW": ("withdraw", 3)}
_READY, _ON_CALL, _WRAPUP = AgentState.READY, AgentState.ON_CALL, AgentState.WRAPUP


def _num(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


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
        self._t = self.settings.sl_target
        self._s = self.settings.short_abandon
        self._formulas = all_formulas(self.settings)
        self._b = Buckets(self.settings, OVERALL, reset_daily=reset_daily)
        self._board = AgentBoard()
        self._calls: dict[tuple[str, str], _Call] = {}
        self._pending: deque[tuple[tuple[str, str], _Handled]] = deque()
        self._handled: dict[tuple[str, str], _Handled] = {}   # (callid, agent) -> awaiting wrap-up end
        self._latest = -_INF            # newest record time
        self._next_prune = -_INF
        self.rows_seen = 0
        self.rows_ignored = 0   # events that carry nothing to count (QUEUESTART, CONFIGRELOAD, ...)
        self.rows_future = 0    # stamped too far ahead of the clock: skipped
        self._handlers: dict[str, Callable[[QueueLogRecord, float], None]] = {
            "ENTERQUEUE": self._enter, "CONNECT": self._connect, "ABANDON": self._abandon,
            "RINGNOANSWER": self._ring_no_answer, "ADDMEMBER": self._add_member,
            "REMOVEMEMBER": self._remove_member, "AGENTLOGIN": self._login, "AGENTLOGOFF": self._logoff,
            "WRAPUPSTART": self._wrap_start, "WRAPUPEND": self._wrap_end,
            **dict.fromkeys(_ENDS_HANDLED, self._end_call), **dict.fromkeys(_EXITS, self._exit),
            **dict.fromkeys(("PAUSE", "PAUSEALL", "UNPAUSE", "UNPAUSEALL"), self._pause),
        }

    # ------------------------------------------------------------------ feeding
    def feed(self, records: Iterable[QueueLogRecord]) -> int:
        """Count new rows, oldest first. Returns how many were read."""
        n = 0
        limit = self._clock().timestamp() + self.settings.max_future
        handlers = self._handlers
        for rec in records:
            n += 1
            ts = rec.time.timestamp()
            if ts > limit:
                self.rows_future += 1
                continue
            self._see_time(ts)
            handler = handlers.get(rec.event)
            if handler is None:
                self.rows_ignored += 1
            else:
                handler(rec, ts)
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
            for c in self._b.at(ans.queue or "", ts):
                surveys.count(c, ans.kind, ans.score)
            n += 1
        return n

    def flush(self) -> None:
        """End of a report's range: calls that ended with no wrap-up started count as handled (at
        their end) without waiting for the grace time; calls still in wrap-up end after the range
        and are not counted."""
        self._expire_pending(_INF)

    def _see_time(self, ts: float) -> None:
        newest = ts > self._latest
        if newest:
            self._latest = ts
        self._b.see(ts, newest)

    # ------------------------------------------------------------------ calls
    def _enter(self, rec: QueueLogRecord, ts: float) -> None:
        qs = self._b.queue(rec.queuename)
        self._calls[(rec.callid, rec.queuename)] = _Call(ts, ts)
        qs.waiting[rec.callid] = ts
        waiting_q = len(qs.waiting)
        waiting_all = sum(len(q.waiting) for q in self._b.queues.values())
        both, overall, own = self._b.lookup(rec.queuename, ts)
        for c in both:
            c.offered += 1
        for c in own:
            if waiting_q > c.peak_waiting:
                c.peak_waiting = waiting_q
        for c in overall:
            if waiting_all > c.peak_waiting:
                c.peak_waiting = waiting_all

    def _leave_queue(self, rec: QueueLogRecord, ts: float, wait_index: int, *, keep: bool) -> float:
        """Take the call out of the waiting list; its wait from ENTERQUEUE, else from the row's data."""
        key = (rec.callid, rec.queuename)
        call = self._calls.get(key) if keep else self._calls.pop(key, None)
        self._b.queue(rec.queuename).waiting.pop(rec.callid, None)
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
        for c in self._b.at(rec.queuename, ts):
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
        self._board.settle(a, ts)

    def _end_call(self, rec: QueueLogRecord, ts: float) -> None:
        key = (rec.callid, rec.queuename)
        call = self._calls.pop(key, None)
        self._b.queue(rec.queuename).waiting.pop(rec.callid, None)
        # talk + hold: Asterisk's calltime runs from the bridge to the hang-up with hold inside it,
        # and queue_log has no hold rows; the connected time is the same figure
        if call is not None and call.connect_ts is not None:
            talk = ts - call.connect_ts
        else:
            talk = _num(rec.d(_ENDS_HANDLED[rec.event])) or 0.0
        transfer = rec.event in _TRANSFERS
        for c in self._b.at(rec.queuename, ts):
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
        self._board.settle(a, ts)

    def _abandon(self, rec: QueueLogRecord, ts: float) -> None:
        wait = self._leave_queue(rec, ts, 3, keep=False)
        band = ("abandoned_short_" if wait < self._s else "abandoned_") + ("in_t" if wait <= self._t else "after_t")
        for c in self._b.at(rec.queuename, ts):
            setattr(c, band, getattr(c, band) + 1)
            c.abandoned_wait_sum += wait

    def _exit(self, rec: QueueLogRecord, ts: float) -> None:
        prefix, wait_index = _EXITS[rec.event]
        wait = self._leave_queue(rec, ts, wait_index, keep=False)
        band = f"{prefix}_{'in_t' if wait <= self._t else 'after_t'}"
        for c in self._b.at(rec.queuename, ts):
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
        self._board.settle(a, ts)

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
        self._board.settle(a, ts)

    def _count_handled(self, h: _Handled, ts: float, wrap: float) -> None:
        h.done = True
        for c in self._b.at(h.queue, ts):
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

    # ------------------------------------------------------------------ agents
    def _touch(self, name: str, ts: float) -> AgentRecord:
        """The agent, with its running time credited up to ts, before its state changes. The
        caller changes the agent, then settles it (AgentBoard.settle)."""
        a = self._board.get(name)
        if a is None:
            return self._board.add(name, ts)
        if ts > a.acct_from:
            state = a.state
            if state is _READY or state is _ON_CALL or state is _WRAPUP:
                targets = a.credit_to
                if targets is None:
                    queues = a.queues if state is _READY else (a.handling_queue(),)
                    targets = a.credit_to = [self._b.queue(q) for q in queues if q and q != "NONE"]
                    targets.append(self._b.overall)
                self._b.credit(targets, state is not _READY, a.acct_from, ts)
            a.acct_from = ts
        return a

    def _ring_no_answer(self, rec: QueueLogRecord, ts: float) -> None:
        for c in self._b.at(rec.queuename, ts):
            c.ring_no_answer += 1
        a = self._touch(rec.agent, ts)
        a.seen_working(rec.queuename)
        self._board.settle(a, ts)

    def _pause(self, rec: QueueLogRecord, ts: float) -> None:
        a = self._touch(rec.agent, ts)
        a.paused = rec.event.startswith("PAUSE")
        a.reason = rec.d(1) if a.paused else ""
        a.seen_working(rec.queuename)  # Asterisk pauses members only
        self._board.settle(a, ts)

    def _add_member(self, rec: QueueLogRecord, ts: float) -> None:
        a = self._touch(rec.agent, ts)
        a.seen_working(rec.queuename)
        if rec.d(1) == "PAUSED":
            a.paused = True
        self._board.settle(a, ts)

    def _remove_member(self, rec: QueueLogRecord, ts: float) -> None:
        a = self._touch(rec.agent, ts)
        a.leave(rec.queuename)
        if not a.queues and not a.explicit_login:
            a.logged_in = False
        self._board.settle(a, ts)

    def _login(self, rec: QueueLogRecord, ts: float) -> None:
        a = self._touch(rec.agent, ts)
        a.logged_in = a.explicit_login = True
        self._board.settle(a, ts)

    def _logoff(self, rec: QueueLogRecord, ts: float) -> None:
        a = self._touch(rec.agent, ts)
        a.logged_in = a.explicit_login = a.paused = False
        a.reason = ""
        a.leave_all()
        self._board.settle(a, ts)

    # ------------------------------------------------------------------ housekeeping
    def _prune(self, now: float) -> None:
        """Drop what a lost row would otherwise keep forever."""
        cutoff = now - self.settings.stale_after
        stale = [key for key, call in self._calls.items() if call.last_ts < cutoff]
        for key in stale:
            del self._calls[key]
            qs = self._b.queues.get(key[1])
            if qs is not None:
                qs.waiting.pop(key[0], None)
        if stale:
            gone = set(stale)
            for a in self._board.agents.values():
                if a.call_key in gone:
                    # the hang-up row was lost: these hours were no call, so they are not credited
                    a.acct_from = max(a.acct_from, now)
                    a.call_key = None
                    self._board.settle(a, now)
        for hkey in [k for k, h in self._handled.items() if (h.wrap_start or h.end_ts) < cutoff]:
            del self._handled[hkey]

    # ------------------------------------------------------------------ reading
    def stats(self) -> dict[str, int]:
        """Sizes of what the engine holds: for the memory benchmark and for tests."""
        states = self._b.all_states()
        return {"calls": len(self._calls), "handled_pending": len(self._handled), "pending_queue": len(self._pending),
                "agents": len(self._board.agents), "queues": len(self._b.queues),
                "intervals": sum(len(q.intervals) for q in states),
                "minutes": sum(len(q.minutes) for q in states)}

    def snapshot(self, now: datetime | None = None, *, with_intervals: bool = False) -> KpiSnapshot:
        """The KPIs as of `now` (default: the clock). Call it on the thread that feeds: it moves the
        engine's own time on (a new day, wrap-up grace) as well."""
        now_dt = now or self._clock()
        b = self._b
        t = now_dt.timestamp()
        if self._reset_daily and b.day_start is not None and t >= b.day_end:
            b.start_day(t)
        self._expire_pending(t)  # no more rows may come for a while: the clock moves wrap-up grace on
        m = Moment.of(now_dt, b)
        day_lo = b.day_start if b.day_start is not None else -_INF
        open_time, by_state, by_reason = self._board.tally(t, day_lo, m.ik, m.roll_lo)
        queues_out = {name: queue_kpis(qs, b, m, open_time, by_state, by_reason, with_intervals)
                      for name, qs in sorted(b.queues.items()) if name and name != "NONE"}
        overall = queue_kpis(b.overall, b, m, open_time, by_state, by_reason, with_intervals)
        waiting = [q for q in queues_out.values() if q.waiting_now]
        overall = with_waiting(overall, sum(q.waiting_now for q in waiting),
                               max((q.longest_wait_now for q in waiting), default=0.0))
        last = datetime.fromtimestamp(self._latest, UTC) if self._latest > -_INF else None
        return KpiSnapshot(now_dt, self.settings, overall, queues_out, self._board.statuses(), self._formulas, last)
