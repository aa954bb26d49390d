"""Post-call survey answers (store.models.SurveyAnswer) as KPI input: CSAT, NPS and CES."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_agent.core.kpi.counts import Counts

# kind -> (lowest, highest) valid score
SCALES: dict[str, tuple[int, int]] = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 7)}


@dataclass(frozen=True, slots=True)
class SurveyInput:
    at: datetime
    kind: str            # csat | nps | ces
    score: int
    queue: str | None = None


def is_valid(answer: SurveyInput) -> bool:
    scale = SCALES.get(answer.kind)
    return scale is not None and isinstance(answer.score, int) and scale[0] <= answer.score <= scale[1]


def count(c: Counts, kind: str, score: int) -> None:
    """Add one valid answer to a bucket."""
    if kind == "csat":
        c.csat_answers += 1
        c.csat_satisfied += score >= 4
    elif kind == "nps":
        c.nps_answers += 1
        c.nps_promoters += score >= 9
        c.nps_detractors += score <= 6
    else:
        c.ces_answers += 1
        c.ces_sum += score


def csat(c: Counts) -> float | None:
    """Percent of 4-5 answers on the 1-5 scale."""
    return None if not c.csat_answers else 100.0 * c.csat_satisfied / c.csat_answers


def nps(c: Counts) -> float | None:
    """% promoters (9-10) minus % detractors (0-6): -100..100."""
    return None if not c.nps_answers else 100.0 * (c.nps_promoters - c.nps_detractors) / c.nps_answers


def ces(c: Counts) -> float | None:
    """Mean on the 1-7 scale."""
    return None if not c.ces_answers else c.ces_sum / c.ces_answers
