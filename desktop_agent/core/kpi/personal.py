"""The operator's own figures for the KPI strip: calls handled today, average handling time, average wrap-up.

AHT is the KPI engine's (formulas.average_handling_time): (talk + hold + after-call work) / handled
calls. A handled call is one that was answered and has ended; its talk and hold are the time from
answer to end, its after-call work the stored wrap-up seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_agent.core.dto import InteractionDTO


@dataclass(frozen=True)
class PersonalKpis:
    calls: int = 0
    aht_seconds: float | None = None
    wrapup_seconds: float | None = None


def personal_kpis(interactions: Iterable[InteractionDTO]) -> PersonalKpis:
    """From one agent's interactions of the day: only answered, ended calls count as handled."""
    handled = 0
    connected = 0.0  # talk and hold
    wrapup = 0.0
    for i in interactions:
        if i.answered_at is None or i.ended_at is None:
            continue
        handled += 1
        connected += max(0.0, (i.ended_at - i.answered_at).total_seconds())
        wrapup += max(0.0, float(i.wrapup_seconds))
    if not handled:
        return PersonalKpis()
    from desktop_agent.core.kpi.formulas import average_handling_time  # on the worker, not the start path

    return PersonalKpis(handled, average_handling_time(connected, wrapup, handled), wrapup / handled)
