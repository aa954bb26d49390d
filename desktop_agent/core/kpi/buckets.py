"""The KPI engine's time buckets: per queue (and for all queues together) the day, the 15-minute
intervals and the minutes of the rolling window, each a Counts.

Every event counts in the buckets of its own time. Two things keep the per-row and per-snapshot
work small at a busy centre (hundreds of rows a second, 300 agents):

- The buckets an event lands in are looked up once per queue and minute, not once per row.
- Each queue keeps `rolling`, the running sum of its minute buckets: whatever is added to a minute
  is added there too, and it is summed afresh from the minutes whenever the oldest minute leaves
  the window (once a minute). A snapshot copies it instead of adding 15 minutes up every second.
  Maxima cannot be kept that way; a snapshot takes them from the minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from desktop_agent.core.kpi.counts import Counts
from desktop_agent.core.kpi.settings import KpiSettings

_INF = float("inf")


class QueueState:
    __slots__ = ("name", "day", "intervals", "minutes", "rolling", "waiting")

    def __init__(self, name: str) -> None:
        self.name = name
        self.day = Counts()
        self.intervals: dict[int, Counts] = {}
        self.minutes: dict[int, Counts] = {}
        self.rolling = Counts()                # sum of `minutes` (sums only: see rolling_counts)
        self.waiting: dict[str, float] = {}   # callid -> ENTERQUEUE time, oldest first

    def resum_rolling(self) -> None:
        total = Counts()
        for c in self.minutes.values():
            total.add(c)
        self.rolling = total


class Buckets:
    """The queues' buckets and the clock edges they are cut at (today, the minute window)."""

    def __init__(self, settings: KpiSettings, overall: str, *, reset_daily: bool = True) -> None:
        self.settings = settings
        self.reset_daily = reset_daily
        self.ilen = settings.interval_minutes * 60
        self.roll = settings.rolling_minutes
        self.queues: dict[str, QueueState] = {}
        self.overall = QueueState(overall)
        self.day_start: float | None = -_INF if not reset_daily else None
        self.day_end = _INF
        self.minute_floor = -_INF      # minute buckets before this are gone
        # (queue, minute) -> (overall's and the queue's buckets, overall's, the queue's), for
        # minutes wholly inside today; emptied whenever the day or the minute window moves
        self._cache: dict[tuple[str, int], tuple[list[Counts], list[Counts], list[Counts]]] = {}

    def all_states(self) -> tuple[QueueState, ...]:
        return (*self.queues.values(), self.overall)

    def queue(self, name: str) -> QueueState:
        qs = self.queues.get(name)
        if qs is None:
            qs = self.queues[name] = QueueState(name)
        return qs

    # ------------------------------------------------------------------ the clock edges
    def see(self, ts: float, newest: bool) -> None:
        """An event at ts; newest: no event seen so far was later."""
        if self.day_start is None or ts >= self.day_end:
            self.start_day(ts)
        if newest:
            floor = (int(ts // 60) - self.roll + 1) * 60
            if floor > self.minute_floor:
                self.minute_floor = floor
                self._cache.clear()
                for qs in self.all_states():
                    minutes = qs.minutes
                    old = [k for k in minutes if k < floor]
                    if old:
                        for k in old:
                            del minutes[k]
                        qs.resum_rolling()   # afresh, so that no rounding error builds up over a day

    def start_day(self, ts: float) -> None:
        if not self.reset_daily:
            return
        local = datetime.fromtimestamp(ts, self.settings.tz)
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        self.day_start = start.timestamp()
        self.day_end = (start + timedelta(days=1)).timestamp()  # wall-clock day: DST days are 23 or 25 h
        self._cache.clear()
        for qs in self.all_states():
            qs.day = Counts()
            for k in [k for k in qs.intervals if k < self.day_start]:
                del qs.intervals[k]

    # ------------------------------------------------------------------ where an event counts
    def of(self, qs: QueueState, ts: float) -> list[Counts]:
        """The queue's buckets an event at ts counts in (its running minute sum included)."""
        out = []
        ds = self.day_start
        if ds is None or ds <= ts < self.day_end:
            out.append(qs.day)
        if ds is None or ts >= ds:
            ik = int(ts // self.ilen) * self.ilen
            c = qs.intervals.get(ik)
            if c is None:
                c = qs.intervals[ik] = Counts()
            out.append(c)
        if ts >= self.minute_floor:
            mk = int(ts // 60) * 60
            c = qs.minutes.get(mk)
            if c is None:
                c = qs.minutes[mk] = Counts()
            out.append(c)
            out.append(qs.rolling)
        return out

    def lookup(self, queue: str, ts: float) -> tuple[list[Counts], list[Counts], list[Counts]]:
        """(overall's and the queue's buckets, overall's alone, the queue's alone) for an event at ts.
        The queue's are empty for no queue ("" or NONE)."""
        mk = int(ts // 60) * 60
        key = (queue, mk)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        overall = self.of(self.overall, ts)
        own = self.of(self.queue(queue), ts) if queue and queue != "NONE" else []
        found = (overall + own, overall, own)
        ds = self.day_start
        if ds is not None and ds <= mk and mk + 60 <= self.day_end:
            self._cache[key] = found
        return found

    def at(self, queue: str, ts: float) -> list[Counts]:
        """The queue's and the overall buckets that an event at ts counts in."""
        return self.lookup(queue, ts)[0]

    # ------------------------------------------------------------------ agent time
    def credit(self, states: Iterable[QueueState], handling: bool, t0: float, t1: float) -> None:
        """Agent-seconds from t0 to t1 (t1 > t0), on calls and wrap-up (handling) or ready and idle,
        split over the buckets they span."""
        ds, de, floor = self.day_start, self.day_end, self.minute_floor
        ilen = self.ilen
        ik = int(t0 // ilen) * ilen
        if t0 >= floor and t1 <= ik + ilen and (ds is None or ds <= t0) and t1 <= de:
            # the usual case: since the agent's last row, inside one interval, today, in the window
            span = t1 - t0
            mk = int(t0 // 60) * 60
            if t1 <= mk + 60:
                pieces: list[tuple[int, float]] = [(mk, span)]
            else:
                pieces = []
                while mk < t1:
                    pieces.append((mk, min(t1, mk + 60) - max(t0, mk)))
                    mk += 60
            for qs in states:
                iv = qs.intervals.get(ik)
                if iv is None:
                    iv = qs.intervals[ik] = Counts()
                minutes = qs.minutes
                attr = "handling_time" if handling else "idle_time"
                for c in (qs.day, iv, qs.rolling):
                    setattr(c, attr, getattr(c, attr) + span)
                for k, part in pieces:
                    c = minutes.get(k)
                    if c is None:
                        c = minutes[k] = Counts()
                    setattr(c, attr, getattr(c, attr) + part)
            return
        self._credit_split(list(states), "handling_time" if handling else "idle_time", t0, t1)

    def _credit_split(self, targets: list[QueueState], field: str, t0: float, t1: float) -> None:
        """Any span: across midnight, intervals, or from before the minute window."""
        d0, d1 = max(t0, self.day_start or t0), min(t1, self.day_end)
        if d1 > d0:
            for qs in targets:
                setattr(qs.day, field, getattr(qs.day, field) + (d1 - d0))
        self._split(targets, field, t0, t1, self.ilen, max(t0, self.day_start or t0), minutes=False)
        self._split(targets, field, t0, t1, 60, max(t0, self.minute_floor), minutes=True)

    @staticmethod
    def _split(targets: list[QueueState], field: str, t0: float, t1: float, size: int, lo: float,
               minutes: bool) -> None:
        k = int(lo // size) * size
        while k < t1:
            part = min(t1, k + size) - max(t0, k)
            if part > 0:
                for qs in targets:
                    buckets = qs.minutes if minutes else qs.intervals
                    c = buckets.get(k)
                    if c is None:
                        c = buckets[k] = Counts()
                    setattr(c, field, getattr(c, field) + part)
                    if minutes:
                        setattr(qs.rolling, field, getattr(qs.rolling, field) + part)
            k += size

    # ------------------------------------------------------------------ reading
    def rolling_counts(self, qs: QueueState, roll_lo: int) -> Counts:
        """A fresh Counts of the minutes from roll_lo on."""
        minutes = qs.minutes
        if roll_lo <= self.minute_floor:   # the usual case: every kept minute is in the window
            out = qs.rolling.copy()
            peak = longest = 0
            for c in minutes.values():
                if c.peak_waiting > peak:
                    peak = c.peak_waiting
                if c.answered_wait_max > longest:
                    longest = c.answered_wait_max
            out.peak_waiting, out.answered_wait_max = peak, longest
            return out
        out = Counts()   # the clock has moved on past the newest rows: leave the old minutes out
        for k, c in minutes.items():
            if k >= roll_lo:
                out.add(c)
        return out
