"""The ticket rules of core.tickets, without Qt: the SLA clock, the statuses the editor offers, the merge of edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.tickets import CATEGORIES, SlaLevel, merge_edits, sla_state, status_choices

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("hours_in", "level", "fraction"), [
    (0, SlaLevel.OK, 1.0), (11.9, SlaLevel.OK, None), (12.1, SlaLevel.WARNING, None),
    (23.9, SlaLevel.WARNING, None), (24, SlaLevel.BREACHED, 0.0), (30, SlaLevel.BREACHED, None),
])
def test_sla_levels(hours_in, level, fraction):
    state = sla_state(T0, T0 + timedelta(hours=24), "open", T0 + timedelta(hours=hours_in))
    assert state.level is level
    assert state.remaining_seconds == pytest.approx((24 - hours_in) * 3600)
    if fraction is not None:
        assert state.fraction_left == pytest.approx(fraction)


def test_sla_stops_when_resolved_and_is_absent_without_a_due_time():
    assert sla_state(T0, T0 + timedelta(hours=1), "resolved", T0 + timedelta(hours=5)).level is SlaLevel.STOPPED
    assert sla_state(T0, None, "open", T0).level is SlaLevel.NONE


def test_status_choices_follow_the_workflow_without_plain_escalation():
    assert status_choices("new") == ["new", "open", "pending", "resolved"]
    assert status_choices("escalated") == ["open", "pending", "escalated", "resolved"]
    assert status_choices("resolved") == ["open", "resolved", "closed"]
    assert status_choices("closed") == ["closed"]


def test_merge_keeps_mine_takes_theirs_and_names_conflicts():
    base = {"subject": "a", "description": "x", "priority": "normal", "status": "open"}
    mine = {"subject": "a", "description": "my text", "priority": "high", "status": "open"}
    theirs = {"subject": "b", "description": "x", "priority": "low", "status": "open"}
    merged = merge_edits(base, mine, theirs)
    assert merged.values == {"subject": "b", "description": "my text", "priority": "high", "status": "open"}
    assert merged.conflicts == ("priority",)


def test_the_offered_categories_are_codes():
    assert "general" in CATEGORIES and all(c == c.lower() and " " not in c for c in CATEGORIES)
