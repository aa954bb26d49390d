"""The run's summary: counts and sums kept as calls finish, and the figures the CLI prints.

Definitions match core.erlang so that the two can be compared: P(wait) is the share of offered
calls that found every agent busy, ASA the mean ENTERQUEUE-to-CONNECT time of answered calls,
service level the share of offered calls answered within T seconds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Counters:
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    timed_out: int = 0
    waited: int = 0
    answered_within_t: int = 0
    abandoned_within_t: int = 0
    ring_no_answer: int = 0
    transferred: int = 0
    wait_answered: float = 0.0   # seconds, summed over answered calls
    wait_abandoned: float = 0.0
    talk: float = 0.0            # connect to hang-up, summed over completed calls
    completed: int = 0
    wrapup: float = 0.0
    wrapups: int = 0


@dataclass(frozen=True, slots=True)
class SimSummary:
    hours: float                 # simulated hours measured (after the warm-up)
    agents: int
    offered: int
    answered: int
    abandoned: int
    timed_out: int
    unfinished: int              # still queued or ringing when the run stopped
    p_wait: float
    asa: float
    service_level: float
    service_level_t: float
    abandon_rate: float
    occupancy: float
    aht: float                   # (talk + wrap-up) / completed calls
    mean_talk: float
    ring_no_answer: int
    transferred: int
    records: int                 # queue_log rows written
    events: int                  # discrete events processed

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def summarise(c: Counters, *, hours: float, agents: int, unfinished: int, t: float, busy: float,
              idle: float, records: int, events: int) -> SimSummary:
    mean_talk = _ratio(c.talk, c.completed)
    return SimSummary(
        hours=hours, agents=agents, offered=c.offered, answered=c.answered, abandoned=c.abandoned,
        timed_out=c.timed_out, unfinished=unfinished,
        p_wait=_ratio(c.waited, c.offered),
        asa=_ratio(c.wait_answered, c.answered),
        service_level=_ratio(c.answered_within_t, c.offered),
        service_level_t=t,
        abandon_rate=_ratio(c.abandoned, c.offered),
        occupancy=_ratio(busy, busy + idle),
        aht=_ratio(c.talk + c.wrapup, c.completed),
        mean_talk=mean_talk,
        ring_no_answer=c.ring_no_answer, transferred=c.transferred,
        records=records, events=events,
    )
