"""What the KPI engine hands out: frozen DTOs, built from raw counts. The wallboard only reads these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop_agent.core.kpi import surveys
from desktop_agent.core.kpi.counts import Counts
from desktop_agent.core.kpi.formulas import Formula
from desktop_agent.core.kpi.service_level import all_service_levels
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


@dataclass(frozen=True, slots=True)
class PeriodKpis:
    """The KPIs of one queue over one period (the day, an interval, the rolling window).

    Rates are percent (0-100; NPS -100..100), times are seconds; None means "no calls to say".
    """

    start: datetime | None
    end: datetime | None
    offered: int
    answered: int
    answered_in_target: int
    abandoned: int            # ABANDON after S seconds or longer
    short_abandoned: int      # ABANDON in under S seconds, kept apart
    timed_out: int
    exit_empty: int
    exit_key: int
    withdrawn: int
    ended: int                # answered calls that ended (hang-up or transfer)
    transferred: int
    handled: int              # calls whose wrap-up ended here: AHT's denominator
    ring_no_answer: int
    peak_waiting: int
    max_answered_wait: float
    service_level: float | None
    service_levels: dict[str, float | None]
    asa: float | None
    aht: float | None
    abandon_rate: float | None
    occupancy: float | None
    handling_time: float
    idle_time: float
    csat: float | None
    nps: float | None
    ces: float | None
    survey_answers: int
    raw: dict[str, float] = field(repr=False)

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "raw"}
        out["start"] = self.start.isoformat() if self.start else None
        out["end"] = self.end.isoformat() if self.end else None
        out["raw"] = dict(self.raw)
        return out


def period_kpis(c: Counts, settings: KpiSettings, start: datetime | None, end: datetime | None,
                *, open_handling: float = 0.0, open_idle: float = 0.0) -> PeriodKpis:
    """open_handling/open_idle: agent time in states that are still running, up to `end`."""
    levels = all_service_levels(c)
    handling = c.handling_time + open_handling
    idle = c.idle_time + open_idle
    answered = c.answered
    return PeriodKpis(
        start=start, end=end,
        offered=c.offered, answered=answered, answered_in_target=c.answered_in_t,
        abandoned=c.abandoned, short_abandoned=c.short_abandoned, timed_out=c.timed_out,
        exit_empty=c.exit_empty, exit_key=c.exit_key, withdrawn=c.withdrawn,
        ended=c.ended, transferred=c.transferred, handled=c.handled, ring_no_answer=c.ring_no_answer,
        peak_waiting=c.peak_waiting, max_answered_wait=c.answered_wait_max,
        service_level=levels[settings.sl_variant.value], service_levels=levels,
        asa=_ratio(c.answered_wait_sum, answered),
        aht=_ratio(c.handled_talk_sum + c.handled_wrapup_sum, c.handled),
        abandon_rate=_ratio(c.abandoned, c.offered - c.short_abandoned, 100.0),
        occupancy=_ratio(handling, handling + idle, 100.0),
        handling_time=handling, idle_time=idle,
        csat=surveys.csat(c), nps=surveys.nps(c), ces=surveys.ces(c),
        survey_answers=c.csat_answers + c.nps_answers + c.ces_answers,
        raw=c.as_dict(),
    )


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
