"""The wallboard's Qt models, tested without views: hand-built queue_log through the real KPI engine
and feed, then the figures, alarm levels, formulas and agent rows the models hand out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from test_wallboard_thresholds import T0, ListSource, rec, traffic

from desktop_agent.core.kpi import KpiEngine, KpiSettings, SurveyInput, all_formulas
from desktop_agent.core.ports import PauseReasonDTO
from desktop_agent.core.thresholds import DEFAULT_RULES, Level, ThresholdTracker
from desktop_agent.core.wallboard_feed import WallboardFeed
from desktop_agent.ui.wallboard import words
from desktop_agent.ui.wallboard.models import (
    TILE_KEYS,
    AgentGridModel,
    AgentRole,
    TileModel,
    TileRole,
    short_agent_name,
)

pytestmark = pytest.mark.gui
NOW = T0 + timedelta(minutes=12)


def agent_rows():  # noqa: ANN201
    """Five agents: ready, talking (two), paused mid-morning for lunch and for a long break, one gone."""
    return [
        rec(0, "NONE", "PJSIP/ready1", "ADDMEMBER"),
        rec(0, "NONE", "Local/talk1@agents", "ADDMEMBER"),
        rec(0, "NONE", "Agent/talk2", "ADDMEMBER"),
        rec(0, "NONE", "Agent/lunch", "ADDMEMBER"),
        rec(0, "NONE", "Agent/breaker", "ADDMEMBER"),
        rec(0, "NONE", "Agent/gone", "ADDMEMBER"),
        rec(60, "NONE", "Agent/breaker", "PAUSE", "break"),
        rec(500, "NONE", "Agent/lunch", "PAUSE", "lunch"),
        rec(600, "NONE", "Agent/gone", "REMOVEMEMBER"),
        rec(650, "k1", "NONE", "ENTERQUEUE", "", "", "1"),
        rec(660, "k1", "Local/talk1@agents", "CONNECT", "10", "u", "1"),
        rec(700, "k2", "NONE", "ENTERQUEUE", "", "", "1"),
        rec(702, "k2", "Agent/talk2", "CONNECT", "2", "u", "1"),
    ]


def frame_of(rows, *, surveys=()):  # noqa: ANN001, ANN201
    engine = KpiEngine(KpiSettings(), clock=lambda: NOW)
    engine.feed_surveys(surveys)
    feed = WallboardFeed(engine, lambda: ListSource(rows), clock=lambda: NOW)
    return feed.tick()


def tile_model(qapp) -> TileModel:  # noqa: ANN001
    return TileModel(ThresholdTracker(DEFAULT_RULES))


def value(model: TileModel, key: str, role=TileRole.VALUE):  # noqa: ANN001, ANN201
    return model.data(model.index(model.row_of(key)), role)


def test_tiles_show_the_engines_figures_with_their_levels(qapp):
    frame = frame_of(traffic())
    model = tile_model(qapp)
    model.update(frame)
    day = frame.snapshot.overall.day
    assert model.rowCount() == len(TILE_KEYS)
    assert value(model, "service_level") == pytest.approx(day.service_level)
    assert value(model, "service_level", Qt.ItemDataRole.DisplayRole) == f"{day.service_level:.0f} %"
    assert value(model, "asa", Qt.ItemDataRole.DisplayRole) == f"{day.asa:.0f} s"
    assert value(model, "aht", Qt.ItemDataRole.DisplayRole) == "1:00"
    assert value(model, "calls", TileRole.PARTS)[0][:2] == ("60", "offered")
    assert [p[0] for p in value(model, "calls", TileRole.PARTS)] == ["60", str(day.answered), str(day.abandoned)]
    # every waiting caller was answered in 15 s: SL under the default rule's 80 % goal is amber or red
    expected = ThresholdTracker(DEFAULT_RULES).update("service_level", day.service_level, 0)[0]
    assert Level(value(model, "service_level", TileRole.LEVEL)) is expected
    assert Level(value(model, "aht", TileRole.LEVEL)) is Level.GREEN
    assert Level(value(model, "calls", TileRole.LEVEL)) is Level.NONE      # counts carry no alarm
    assert "15 min" in value(model, "asa", TileRole.SUB)
    hint = frame.hint
    assert [p[0] for p in value(model, "staffing", TileRole.PARTS)] == [str(hint.needed), str(hint.staffed)]
    assert value(model, "staffing") == hint.gap


def test_every_tile_names_its_formula(qapp):
    model = tile_model(qapp)
    model.update(frame_of(traffic()))
    sl = value(model, "service_level", TileRole.FORMULA)
    assert sl.startswith("answered within 20 s / (answered + abandoned after 20 s")
    assert "abandons under 5 s left out" in sl
    assert value(model, "abandon_rate", Qt.ItemDataRole.ToolTipRole).startswith("abandoned after 5 s or longer")
    assert "Erlang A" in value(model, "staffing", TileRole.FORMULA)
    for key in TILE_KEYS:
        if key not in ("csat", "nps", "ces"):
            assert value(model, key, TileRole.FORMULA), key


def test_every_formula_code_of_the_engine_has_words():
    codes = {f.code for f in all_formulas(KpiSettings()).values()}
    assert codes <= words.FORMULA_CODES


def test_survey_tiles_appear_only_on_days_with_answers(qapp):
    model = tile_model(qapp)
    model.update(frame_of(traffic()))
    assert value(model, "csat", TileRole.SHOWN) is False
    answers = [SurveyInput(T0 + timedelta(minutes=1), "csat", s) for s in (5, 4, 2, 5)]
    answers += [SurveyInput(T0 + timedelta(minutes=2), "nps", s) for s in (10, 9, 3)]
    model.update(frame_of(traffic(), surveys=answers))
    assert value(model, "csat", TileRole.SHOWN) is True and value(model, "csat") == pytest.approx(75.0)
    assert value(model, "nps") == pytest.approx(100 * (2 - 1) / 3)
    assert value(model, "ces", TileRole.SHOWN) is False
    assert Level(value(model, "csat", TileRole.LEVEL)) is Level.AMBER   # 75 %: under 80, over 70


def test_a_tile_turning_red_is_announced_once(qapp):
    model = tile_model(qapp)
    red: list[str] = []
    model.entered_red.connect(red.append)
    queued = [rec(0, f"w{i}", "NONE", "ENTERQUEUE", "", "", str(i + 1)) for i in range(12)]  # nobody answers
    model.update(frame_of(queued))
    assert "waiting_now" in red and "longest_wait_now" in red
    before = len(red)
    model.update(frame_of(queued))
    assert len(red) == before   # still red: no new announcement


def test_agent_rows_are_logged_in_agents_by_state_then_time(qapp):
    frame = frame_of(agent_rows())
    model = AgentGridModel()
    model.update(frame.snapshot.agents, frame.snapshot.at)
    names = [model.data(model.index(i)) for i in range(model.rowCount())]
    assert names == ["ready1", "talk1", "talk2", "breaker", "lunch"]   # gone is logged out: not shown
    states = [model.data(model.index(i), AgentRole.STATE) for i in range(model.rowCount())]
    assert states == ["ready", "on_call", "on_call", "paused", "paused"]
    assert model.data(model.index(1), AgentRole.SECONDS) == pytest.approx(720 - 660)
    assert model.data(model.index(3), AgentRole.STATE_TEXT) == "Paused: break"
    assert model.data(model.index(3), AgentRole.TIME_TEXT) == "11:00"
    colours = {model.data(model.index(i), Qt.ItemDataRole.BackgroundRole).name() for i in (0, 1, 3)}
    assert len(colours) == 3   # ready, on a call and paused look different (and say so in words)
    assert "Agent/breaker" in model.data(model.index(3), Qt.ItemDataRole.ToolTipRole)


def test_pause_reason_titles_and_limits(qapp):
    frame = frame_of(agent_rows())
    model = AgentGridModel()
    model.update(frame.snapshot.agents, frame.snapshot.at)
    model.set_pause_reasons([PauseReasonDTO("break", "Coffee break", True, 10),
                             PauseReasonDTO("lunch", "Lunch", False, 45)])
    assert model.data(model.index(3), AgentRole.STATE_TEXT) == "Paused: Coffee break"
    assert model.data(model.index(3), AgentRole.OVER_LIMIT) is True     # 11 min of a 10-min break
    assert model.data(model.index(4), AgentRole.OVER_LIMIT) is False
    assert "longer than this pause reason allows" in model.data(model.index(3), Qt.ItemDataRole.ToolTipRole)


def test_same_agents_in_the_same_order_only_change_data(qapp):
    frame = frame_of(agent_rows())
    model = AgentGridModel()
    model.update(frame.snapshot.agents, frame.snapshot.at)
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b: changes.append((a.row(), b.row())))
    model.update(frame.snapshot.agents, frame.snapshot.at + timedelta(seconds=1))
    assert resets == [] and changes == [(0, 4)]
    assert model.data(model.index(3), AgentRole.TIME_TEXT) == "11:01"


def test_tiles_tell_views_only_of_what_changed(qapp):
    frame = frame_of(traffic())
    model = tile_model(qapp)
    model.update(frame)
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changes.append((a.row(), b.row())))
    model.update(frame)
    assert changes == []                       # the same frame again: nothing to redraw
    later = frame_of(traffic() + [rec(720, "late", "NONE", "ENTERQUEUE", "", "", "1")])
    model.update(later)
    first = TILE_KEYS.index("waiting_now")
    assert len(changes) == 1 and changes[0][0] == first and changes[0][1] < len(TILE_KEYS) - 1
    assert value(model, "waiting_now") == later.snapshot.overall.waiting_now


def test_agent_rows_follow_a_changed_agent(qapp):
    engine = KpiEngine(KpiSettings(), clock=lambda: NOW)
    feed = WallboardFeed(engine, lambda: ListSource(agent_rows()), clock=lambda: NOW)
    model = AgentGridModel()
    snap = feed.tick().snapshot
    model.update(snap.agents, snap.at)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    engine.feed([rec(710, "k1", "Local/talk1@agents", "COMPLETECALLER", "10", "50", "1")])  # talk1 is free again
    after = engine.snapshot(NOW)
    assert after.agents is not snap.agents
    model.update(after.agents, after.at)
    names = [model.data(model.index(i)) for i in range(model.rowCount())]
    assert resets == [1] and names == ["ready1", "talk1", "talk2", "breaker", "lunch"]   # ready longest first
    assert [model.data(model.index(i), AgentRole.STATE) for i in (0, 1, 2)] == ["ready", "ready", "on_call"]
    assert model.data(model.index(1), AgentRole.SECONDS) == pytest.approx(720 - 710)


@pytest.mark.parametrize("raw, short", [("PJSIP/1001", "1001"), ("Local/ivanova@agents", "ivanova"),
                                        ("sim07", "sim07"), ("SIP/", "SIP/")])
def test_short_agent_names(raw, short):
    assert short_agent_name(raw) == short


def test_russian_titles_formulas_and_states(qapp):
    from desktop_agent.ui.kit.i18n import Translations

    translations = Translations(qapp)
    assert translations.install("ru")
    try:
        frame = frame_of(traffic())
        model = tile_model(qapp)
        model.update(frame)
        assert value(model, "service_level", TileRole.TITLE) == "Уровень сервиса"
        assert value(model, "service_level", TileRole.FORMULA).startswith("отвечено за 20 с / (отвечено")
        assert value(model, "asa", TileRole.SUB).startswith("15 мин: ")
        agents = AgentGridModel()
        agents.update(frame_of(agent_rows()).snapshot.agents, NOW)
        assert agents.data(agents.index(3), AgentRole.STATE_TEXT) == "Пауза: break"
    finally:
        translations.install("en")


@pytest.mark.parametrize("n, dense, lines", [(12, "auto", 3), (60, "auto", 2), (60, "on", 2), (60, "off", 3),
                                             (180, "auto", 1)])
def test_the_agent_grid_picks_the_roomiest_cell_that_fits(n, dense, lines):
    from desktop_agent.ui.wallboard.agent_grid import GAP, choose_layout, columns

    width, height = 1130, 560      # the grid's share of a 1920x1080 board
    cell = choose_layout(n, width, height, 1.0, dense)
    assert cell.lines == lines
    rows = -(-n // columns(width, cell, GAP))
    if dense != "off":
        assert rows * (cell.height + GAP) - GAP <= height          # everyone is on screen
    assert columns(width, cell, GAP) * (cell.width + GAP) - GAP <= width
    assert cell.font_px >= 10
