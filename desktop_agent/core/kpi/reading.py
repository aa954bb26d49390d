"""Turning the engine's buckets into the frozen QueueKpis of a snapshot.

A snapshot is taken every second while rows keep coming, so the work here is a few copies of raw
counts per queue: the KPIs themselves are worked out by PeriodKpis only when someone reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_agent.core.kpi.agents import STATE_KEYS
from desktop_agent.core.kpi.buckets import Buckets, QueueState
from desktop_agent.core.kpi.counts import Counts
from desktop_agent.core.kpi.snapshot import PeriodKpis, QueueKpis, period_kpis

_NO_TIME = (0.0,) * 6


@dataclass(frozen=True, slots=True)
class Moment:
    """The edges of the periods a snapshot reports, worked out once for all queues."""

    t: float                      # the snapshot's time, as a timestamp
    at: datetime
    ik: int                       # start of the current interval
    roll_lo: int                  # start of the rolling window
    day_start: datetime | None    # None in report mode (one running total)
    interval_start: datetime
    rolling_start: datetime

    @classmethod
    def of(cls, at: datetime, buckets: Buckets) -> Moment:
        t = at.timestamp()
        ik = int(t // buckets.ilen) * buckets.ilen
        roll_lo = (int(t // 60) - buckets.roll + 1) * 60
        ds = buckets.day_start
        day_start = datetime.fromtimestamp(ds, UTC) if ds is not None and ds > -float("inf") else None
        return cls(t, at, ik, roll_lo, day_start, datetime.fromtimestamp(ik, UTC),
                   datetime.fromtimestamp(roll_lo, UTC))


def queue_kpis(qs: QueueState, buckets: Buckets, m: Moment, open_time: dict[str, list[float]],
               by_state: dict[str, dict[str, int]], by_reason: dict[str, dict[str, int]],
               with_intervals: bool) -> QueueKpis:
    s = buckets.settings
    acc = open_time.get(qs.name, _NO_TIME)
    day = period_kpis(qs.day, s, m.day_start, m.at, open_handling=acc[0], open_idle=acc[3])
    cur = qs.intervals.get(m.ik)
    interval = period_kpis(cur or Counts(), s, m.interval_start, m.at,
                           open_handling=acc[1], open_idle=acc[4], owned=cur is None)
    rolling = period_kpis(buckets.rolling_counts(qs, m.roll_lo), s, m.rolling_start, m.at,
                          open_handling=acc[2], open_idle=acc[5], owned=True)
    history: tuple[PeriodKpis, ...] = ()
    if with_intervals:
        history = tuple(interval_kpis(qs, buckets, m.ik, acc))
    oldest = next(iter(qs.waiting.values()), None)
    counts = by_state.get(qs.name) or dict.fromkeys(STATE_KEYS, 0)
    return QueueKpis(qs.name, len(qs.waiting), max(0.0, m.t - oldest) if oldest is not None else 0.0,
                     day, interval, rolling, counts, dict(by_reason.get(qs.name, {})), history)


def interval_kpis(qs: QueueState, buckets: Buckets, current: int, acc) -> Iterator[PeriodKpis]:  # noqa: ANN001
    ilen = buckets.ilen
    for k in sorted(qs.intervals):
        end = datetime.fromtimestamp(k + ilen, UTC)
        extra = (acc[1], acc[4]) if k == current else (0.0, 0.0)
        yield period_kpis(qs.intervals[k], buckets.settings, datetime.fromtimestamp(k, UTC), end,
                          open_handling=extra[0], open_idle=extra[1])


def with_waiting(q: QueueKpis, waiting: int, longest: float) -> QueueKpis:
    return QueueKpis(q.queue, waiting, longest, q.day, q.interval, q.rolling, q.agents_by_state,
                     q.paused_by_reason, q.intervals)
