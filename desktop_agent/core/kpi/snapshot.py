"""What the KPI engine hands out: frozen DTOs, built from raw counts. The wallboard only reads these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop_agent.core.kpi import surveys
from desktop_agent.core.kpi.counts import Counts
from desktop_agent.core.kpi.formulas import Formula, average_handling_time
from desktop_agent.core.kpi.service_level import all_service_levels, service_level
from desktop_agent.core.kpi.settings import KpiSettings

OVERALL = "*"  # the key of the all-queues figures (no Asterisk queue is called "*")


class AgentState(StrEnum):
    READY = "ready"
    ON_CALL = "on_call"
    WRAPUP = "wrapup"
    PAUSED = "paused"
    LOGGED_OUT = "logged_out"


def _ratio(num: float, den: float, scale: float = 1.0) -> float | None:
    return None if den <= 0 else scale * num / den


_COUNT_NAMES = ("offered", "answered", "answered_in_target", "abandoned", "short_abandoned", "timed_out",
                "exit_empty", "exit_key", "withdrawn", "ended", "transferred", "handled", "ring_no_answer",
                "peak_waiting", "max_answered_wait")
_KPI_NAMES = ("service_level", "service_levels", "asa", "aht", "abandon_rate", "occupancy", "handling_time",
              "idle_time", "csat", "nps", "ces", "survey_answers")


class PeriodKpis:
    """The KPIs of one queue over one period (the day, an interval, the rolling window).

    Rates are percent (0-100; NPS -100..100), times are seconds; None means "no calls to say".
    Immutable: it holds its own copy of the raw counts and works each figure out when asked, so a
    snapshot of many queues and periods costs only what the wallboard actually shows.
    """

    __slots__ = ("start", "end", "_c", "_settings", "_open_handling", "_open_idle")

    def __init__(self, c: Counts, settings: KpiSettings, start: datetime | None, end: datetime | None,
                 open_handling: float = 0.0, open_idle: float = 0.0) -> None:
        object.__setattr__(self, "_c", c)
        object.__setattr__(self, "_settings", settings)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "_open_handling", open_handling)
        object.__setattr__(self, "_open_idle", open_idle)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PeriodKpis is immutable")

    # counts
    offered = property(lambda self: self._c.offered)
    answered = property(lambda self: self._c.answered)
    answered_in_target = property(lambda self: self._c.answered_in_t)
    abandoned = property(lambda self: self._c.abandoned, doc="ABANDON after S seconds or longer")
    short_abandoned = property(lambda self: self._c.short_abandoned, doc="ABANDON in under S seconds")
    timed_out = property(lambda self: self._c.timed_out)
    exit_empty = property(lambda self: self._c.exit_empty)
    exit_key = property(lambda self: self._c.exit_key)
    withdrawn = property(lambda self: self._c.withdrawn)
    ended = property(lambda self: self._c.ended, doc="answered calls that ended (hang-up or transfer)")
    transferred = property(lambda self: self._c.transferred)
    handled = property(lambda self: self._c.handled, doc="calls whose wrap-up ended here: AHT's denominator")
    ring_no_answer = property(lambda self: self._c.ring_no_answer)
    peak_waiting = property(lambda self: self._c.peak_waiting)
    max_answered_wait = property(lambda self: self._c.answered_wait_max)

    @property
    def raw(self) -> dict[str, float]:
        return self._c.as_dict()

    # KPIs
    @property
    def service_level(self) -> float | None:
        return service_level(self._c, self._settings.sl_variant)

    @property
    def service_levels(self) -> dict[str, float | None]:
        return all_service_levels(self._c)

    @property
    def asa(self) -> float | None:
        return _ratio(self._c.answered_wait_sum, self._c.answered)

    @property
    def aht(self) -> float | None:
        c = self._c
        return average_handling_time(c.handled_talk_sum, c.handled_wrapup_sum, c.handled)

    @property
    def abandon_rate(self) -> float | None:
        c = self._c
        return _ratio(c.abandoned, c.offered - c.short_abandoned, 100.0)

    @property
    def handling_time(self) -> float:
        return self._c.handling_time + self._open_handling

    @property
    def idle_time(self) -> float:
        return self._c.idle_time + self._open_idle

    @property
    def occupancy(self) -> float | None:
        handling = self.handling_time
        return _ratio(handling, handling + self.idle_time, 100.0)

    csat = property(lambda self: surveys.csat(self._c))
    nps = property(lambda self: surveys.nps(self._c))
    ces = property(lambda self: surveys.ces(self._c))

    @property
    def survey_answers(self) -> int:
        c = self._c
        return c.csat_answers + c.nps_answers + c.ces_answers

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start.isoformat() if self.start else None,
                               "end": self.end.isoformat() if self.end else None}
        for name in (*_COUNT_NAMES, *_KPI_NAMES):
            out[name] = getattr(self, name)
        out["raw"] = self.raw
        return out

    def __repr__(self) -> str:
        return (f"PeriodKpis({self.start}..{self.end}, offered={self.offered}, answered={self.answered}, "
                f"service_level={self.service_level})")


def period_kpis(c: Counts, settings: KpiSettings, start: datetime | None, end: datetime | None,
                *, open_handling: float = 0.0, open_idle: float = 0.0, owned: bool = False) -> PeriodKpis:
    """open_handling/open_idle: agent time in states still running, up to `end`. The counts are
    copied unless `owned` (a fresh object nobody else will change)."""
    return PeriodKpis(c if owned else c.copy(), settings, start, end, open_handling, open_idle)


@dataclass(frozen=True, slots=True)
class AgentStatus:
    """One agent on the wallboard. Never a caller's name or number: there is none in here.

    The engine keeps one per agent and rebuilds it only when the agent's rows change, so time in
    state is asked for with the snapshot's time: `status.seconds_in_state(snapshot.at)`.
    """

    agent: str
    state: AgentState
    reason: str               # the pause reason (also kept while a paused agent finishes a call)
    since: datetime           # when the shown state began
    queues: tuple[str, ...]
    paused: bool              # True also while on a call or in wrap-up, when a pause waits for its end

    def seconds_in_state(self, at: datetime) -> float:
        return max(0.0, (at - self.since).total_seconds())

    def to_json(self, at: datetime) -> dict[str, Any]:
        return {"agent": self.agent, "state": self.state.value, "reason": self.reason,
                "since": self.since.isoformat(), "seconds_in_state": round(self.seconds_in_state(at), 3),
                "queues": list(self.queues), "paused": self.paused}


@dataclass(frozen=True, slots=True)
class QueueKpis:
    queue: str                # OVERALL for all queues together
    waiting_now: int
    longest_wait_now: float   # seconds; 0 when nobody waits
    day: PeriodKpis           # since the day started (or since the report's start)
    interval: PeriodKpis      # the current 15-minute interval
    rolling: PeriodKpis       # the last `rolling_minutes` minutes
    agents_by_state: dict[str, int]
    paused_by_reason: dict[str, int]
    intervals: tuple[PeriodKpis, ...] = ()   # the day's intervals, oldest first, when asked for

    def to_json(self) -> dict[str, Any]:
        return {"queue": self.queue, "waiting_now": self.waiting_now,
                "longest_wait_now": round(self.longest_wait_now, 3),
                "day": self.day.to_json(), "interval": self.interval.to_json(),
                "rolling": self.rolling.to_json(), "agents_by_state": dict(self.agents_by_state),
                "paused_by_reason": dict(self.paused_by_reason),
                "intervals": [p.to_json() for p in self.intervals]}


@dataclass(frozen=True, slots=True)
class KpiSnapshot:
    at: datetime
    settings: KpiSettings
    overall: QueueKpis
    queues: dict[str, QueueKpis]
    agents: tuple[AgentStatus, ...]
    formulas: dict[str, Formula]
    last_event_at: datetime | None = None   # the newest queue_log row seen

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "settings": self.settings.params(),
                "last_event_at": self.last_event_at.isoformat() if self.last_event_at else None,
                "overall": self.overall.to_json(),
                "queues": {name: q.to_json() for name, q in self.queues.items()},
                "agents": [a.to_json(self.at) for a in self.agents],
                "formulas": {name: f.to_json() for name, f in self.formulas.items()}}
