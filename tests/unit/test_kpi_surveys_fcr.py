"""CSAT, NPS and CES from survey answers; FCR from contacts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.kpi import Contact, KpiEngine, SurveyInput, first_contact_resolution

NINE = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)


def test_survey_scores():
    engine = KpiEngine()
    answers = [("csat", s) for s in (5, 4, 3, 1)] + [("nps", s) for s in (10, 9, 8, 6, 0)] \
        + [("ces", s) for s in (2, 4, 6)] + [("csat", 6), ("nps", -1), ("ces", 0), ("mood", 3)]
    fed = engine.feed_surveys(SurveyInput(NINE + timedelta(seconds=i), kind, score, "support")
                              for i, (kind, score) in enumerate(answers))
    assert fed == 12  # the four out-of-scale answers are skipped
    day = engine.snapshot(NINE + timedelta(minutes=1)).queues["support"].day
    assert day.csat == 50.0             # 2 of 4 answers are 4-5
    assert day.nps == 0.0               # 2 promoters - 2 detractors of 5
    assert day.ces == 4.0
    assert day.survey_answers == 12


def test_nps_sign_and_missing_scores():
    engine = KpiEngine()
    engine.feed_surveys([SurveyInput(NINE, "nps", s) for s in (10, 9, 7)])
    snap = engine.snapshot(NINE + timedelta(minutes=1))
    assert snap.overall.day.nps == pytest.approx(100 * 2 / 3)
    assert snap.overall.day.csat is None and snap.overall.day.ces is None


def test_first_contact_resolution():
    def day(n: float) -> datetime:
        return NINE + timedelta(days=n)

    contacts = [
        Contact("A", "billing", day(1)), Contact("A", "billing", day(3)),   # day 1 repeated at day 3
        Contact("A", "tech", day(4)),                                       # another issue: resolved
        Contact("B", "tech", day(2)), Contact("B", "tech", day(9.5)),       # 7.5 days later: not a repeat
        Contact("C", "billing", day(8)),                                    # window still open: pending
        Contact("D", "billing", day(-3)), Contact("D", "billing", day(1)),  # the day -3 one is outside
    ]
    r = first_contact_resolution(contacts, start=day(0), end=day(10), as_of=day(12))
    # in the period: A1 (repeated), A3, A-tech, B2, B9.5 (pending: 2.5 days old), C8 (pending), D1
    assert (r.contacts, r.repeated, r.resolved, r.pending) == (7, 1, 4, 2)
    assert r.rate == pytest.approx(100 * 4 / 5)
    assert r.to_json()["fcr"] == r.rate
    empty = first_contact_resolution([], start=day(0), end=day(1), as_of=day(2))
    assert empty.rate is None and empty.contacts == 0
