"""The operator's own KPI strip figures (core.kpi.personal), and that its AHT is the KPI engine's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_agent.core.dto import InteractionDTO
from desktop_agent.core.kpi import KpiEngine
from desktop_agent.core.kpi.formulas import average_handling_time
from desktop_agent.core.kpi.personal import PersonalKpis, personal_kpis
from desktop_agent.core.queue_log import parse_line

NINE = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)
FIXTURES = Path(__file__).parent / "fixtures"


def at(seconds: int | None) -> datetime | None:
    return None if seconds is None else NINE + timedelta(seconds=seconds)


def call(answered: int | None, ended: int | None, wrapup: int = 0, hold: int = 0) -> InteractionDTO:
    """Seconds after 09:00 (None: not answered / still going)."""
    return InteractionDTO(id=uuid.uuid4(), callid=str(uuid.uuid4()), direction="inbound", caller_id_raw="",
                          caller_number=None, customer_id=None, queue="support", agent_id=None,
                          offered_at=NINE, answered_at=at(answered), ended_at=at(ended), hold_seconds=hold,
                          wrapup_seconds=wrapup, disposition=None, ticket_id=None)


def test_only_answered_ended_calls_count_and_aht_takes_talk_hold_and_wrapup():
    kpis = personal_kpis([
        call(10, 130, wrapup=30, hold=20),   # 120 s connected (talk and hold) + 30 s wrap-up
        call(0, 60, wrapup=0),               # 60 s, no wrap-up
        call(None, 40),                      # missed: not handled
        call(5, None),                       # still connected: not handled yet
    ])
    assert kpis == PersonalKpis(2, (120 + 30 + 60) / 2, 30 / 2)


def test_no_handled_calls_no_figures():
    assert personal_kpis([]) == PersonalKpis(0, None, None)
    assert personal_kpis([call(None, 40)]) == PersonalKpis()


def test_aht_is_the_one_formula():
    assert average_handling_time(120, 30, 1) == 150
    assert average_handling_time(0, 0, 0) is None


def test_personal_aht_agrees_with_the_kpi_engine():
    """pause_mid_call.queue_log: one call, connected 09:01:04-09:03:04 (120 s), 30 s of wrap-up."""
    lines = (FIXTURES / "pause_mid_call.queue_log").read_text(encoding="utf-8").splitlines()
    engine = KpiEngine(clock=lambda: NINE + timedelta(hours=2))
    engine.feed([parse_line(line) for line in lines if line.strip() and not line.startswith("#")])
    day = engine.snapshot(NINE + timedelta(hours=2)).overall.day
    mine = personal_kpis([call(64, 184, wrapup=30)])
    assert day.handled == mine.calls == 1
    assert mine.aht_seconds == pytest.approx(day.aht) == 150
