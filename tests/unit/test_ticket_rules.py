"""The ticket rules of core.tickets, without Qt: the SLA clock, the statuses the editor offers, the merge of edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.tickets import (
    CATEGORIES,
    FieldConflict,
    Resolution,
    SlaLevel,
    combine_texts,
    merge_edits,
    sla_state,
    status_choices,
)

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
    assert merged.details == (FieldConflict("priority", "normal", "high", "low"),)


def test_a_conflict_carries_base_mine_and_theirs_and_one_sided_changes_merge_silently():
    base = {"subject": "Нет интернета", "description": "Роутер мигает.\n", "category": "technical",
            "priority": "normal", "status": "open"}
    mine = {**base, "subject": "Нет интернета с утра", "description": "Роутер мигает.\nПерезагрузили.\n",
            "priority": "high"}
    theirs = {**base, "subject": "Авария на линии", "description": "Роутер мигает.\nАвария в районе.\n",
              "category": "complaint"}
    merged = merge_edits(base, mine, theirs)
    assert merged.conflicts == ("subject", "description")  # in the order of the fields
    subject = merged.detail("subject")
    assert (subject.base, subject.mine, subject.theirs) == ("Нет интернета", "Нет интернета с утра", "Авария на линии")
    assert merged.values["category"] == "complaint" and merged.values["priority"] == "high"  # one side each
    assert merged.values["subject"] == "Нет интернета с утра"  # until the operator decides, mine is shown
    with pytest.raises(KeyError):
        merged.detail("priority")


def test_the_same_change_on_both_sides_is_no_conflict():
    base, mine = {"subject": "a", "priority": "normal"}, {"subject": "b", "priority": "high"}
    merged = merge_edits(base, mine, {"subject": "b", "priority": "normal"})
    assert merged.conflicts == () and merged.details == () and merged.values == mine


def test_every_conflict_needs_a_decision():
    base = {"subject": "a", "description": "x", "priority": "normal"}
    merged = merge_edits(base, {"subject": "mine", "description": "my x", "priority": "normal"},
                         {"subject": "theirs", "description": "their x", "priority": "low"})
    with pytest.raises(ValueError, match="description"):
        merged.resolved({"subject": "theirs"})
    with pytest.raises(ValueError, match="priority"):
        merged.resolved({"subject": "theirs", "description": "x", "priority": "high"})
    values = merged.pick({"subject": Resolution.THEIRS, "description": Resolution.BOTH})
    assert values == {"subject": "theirs", "description": "my x\ntheir x", "priority": "low"}
    assert merged.pick({"subject": Resolution.MINE, "description": Resolution.MINE})["description"] == "my x"


def test_keep_both_proposes_a_line_union_nothing_of_either_dropped():
    base = "Звонок: 10:02\nКлиент: Смирнов\n\n"
    mine = base + "Роутер перезагружен, не помогло.\n"
    theirs = base + "Авария на линии, бригада выехала.\n"
    both = combine_texts(mine, theirs)
    assert both == base + "Роутер перезагружен, не помогло.\nАвария на линии, бригада выехала.\n"
    assert both.count("Звонок: 10:02") == 1  # the common lines once
    # lines changed inside: mine, then theirs, in place
    assert combine_texts("a\nmine\nz", "a\ntheirs\nz") == "a\nmine\ntheirs\nz"
    # one text already holds the other: nothing is repeated
    assert combine_texts("a\nb\nc", "a\nc") == "a\nb\nc"
    assert combine_texts("a\nc", "a\nb\nc") == "a\nb\nc"
    # texts with nothing in common: both whole
    assert combine_texts("mine", "theirs") == "mine\ntheirs"


def test_keep_both_on_one_line_for_the_subject():
    assert combine_texts("Нет интернета", "Авария на линии", lines=False) == "Нет интернета / Авария на линии"
    assert combine_texts("Нет интернета с утра", "Нет интернета", lines=False) == "Нет интернета с утра"
    assert combine_texts("Нет", "Нет интернета", lines=False) == "Нет интернета"
    conflict = FieldConflict("subject", "a", "b", "c")
    assert conflict.combinable and conflict.proposal() == "b / c"
    assert not FieldConflict("priority", "normal", "high", "low").combinable
    assert FieldConflict("priority", "normal", "high", "low").proposal() == "high"


def test_the_offered_categories_are_codes():
    assert "general" in CATEGORIES and all(c == c.lower() and " " not in c for c in CATEGORIES)
