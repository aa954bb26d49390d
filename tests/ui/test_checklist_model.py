"""ChecklistModel without a view: steps from the shipped definitions, ticks with times, cue marks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_agent.core.checklist import ChecklistDefinition, parse_steps, start_run
from desktop_agent.store.defaults import read_checklists
from desktop_agent.ui.checklist.model import ChecklistModel, elapsed_text

pytestmark = pytest.mark.gui

M = ChecklistModel
T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def definition(caller_type: str = "general", language: str = "ru") -> ChecklistDefinition:
    row = next(r for r in read_checklists() if r["caller_type"] == caller_type and r["language"] == language)
    return ChecklistDefinition(uuid.uuid4(), row["key"], language, caller_type, row["title"],
                               parse_steps(row["steps"]), row["description"])


def test_a_definition_alone_reads_but_does_not_tick(qtmodeltester):
    model = ChecklistModel()
    model.set_definition(definition())
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    first = model.index(0)
    assert first.data() == "Выслушать, не перебивая"
    assert first.data(M.KeyRole) == "listen" and first.data(M.NumberRole) == 1
    assert "выговориться" in first.data(M.HintRole)
    assert first.data(M.PhrasesRole) == ("deesc_listen",)
    assert first.data(Qt.ItemDataRole.CheckStateRole) is None and first.data(M.TimeRole) == ""
    assert not model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    asked: list[str] = []
    model.toggle_requested.connect(asked.append)
    assert not model.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert asked == []


def test_ticks_show_their_time_and_repaint_one_row(qtmodeltester):
    run = start_run(definition("aggressive"), T0)
    model = ChecklistModel()
    model.set_run(run, origin=T0)
    qtmodeltester.check(model)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, _r: changed.extend(range(top.row(), bottom.row() + 1)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    run = run.tick("set_boundary", T0 + timedelta(seconds=65))
    model.set_run(run, origin=T0)
    row = model.row_of("set_boundary")
    assert changed == [row] and not resets
    index = model.index(row)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert index.data(M.TimeRole) == "01:05"
    assert index.data(M.TickRole).done_at == T0 + timedelta(seconds=65)
    assert model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable

    changed.clear()
    model.set_run(run, origin=T0)  # the same run again: nothing to repaint
    assert changed == []


def test_the_view_asks_and_the_pane_decides():
    run = start_run(definition(), T0)
    model = ChecklistModel()
    model.set_run(run)
    asked: list[str] = []
    model.toggle_requested.connect(asked.append)
    assert model.setData(model.index(2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert asked == ["apologise"]
    assert model.index(2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked  # not until set_run
    model.set_run(run.tick("apologise", T0))
    assert model.setData(model.index(2), 2, Qt.ItemDataRole.CheckStateRole)  # already ticked: no request
    assert asked == ["apologise"]
    assert not model.setData(model.index(2), "x", Qt.ItemDataRole.EditRole)


def test_another_caller_type_resets_and_cues_mark_a_step():
    model = ChecklistModel()
    model.set_run(start_run(definition(), T0))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_run(start_run(definition("storyteller"), T0))
    assert resets and model.row_of("steer_closed_question") == 1

    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, roles: changed.append(top.row()))
    model.set_cued("offer_solution")
    cued = model.row_of("offer_solution")
    assert model.index(cued).data(M.CuedRole) and not model.index(0).data(M.CuedRole)
    model.set_cued("listen")
    assert changed == [cued, cued, 0]
    model.set_run(None)
    assert model.rowCount() == 8 and model.index(0).data(Qt.ItemDataRole.CheckStateRole) is None


def test_elapsed_text():
    assert [elapsed_text(s) for s in (0, 9.9, 65, 3599, 3605, -3)] == \
        ["00:00", "00:09", "01:05", "59:59", "1:00:05", "00:00"]
