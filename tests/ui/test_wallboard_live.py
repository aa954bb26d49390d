"""The real wallboard, offscreen: driven by a LIVE simulator writing queue_log into SQLite, and its
behaviour as a window (hidden tab, formulas on request, thresholds, stale data, kiosk, command line)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from operator_harness import until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget
from test_wallboard_thresholds import T0, ListSource, traffic

from desktop_agent import cli
from desktop_agent.core.domain import utcnow
from desktop_agent.core.kpi import KpiEngine, KpiSettings
from desktop_agent.core.thresholds import Level, ThresholdRule, Worse
from desktop_agent.core.wallboard_feed import WallboardFeed
from desktop_agent.store import queue_log
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.migrate import upgrade
from desktop_agent.telephony.simulator import SimConfig, SimulatorSoftphone
from desktop_agent.testing import free_port
from desktop_agent.ui.wallboard import (
    WallboardSettings,
    WallboardSettingsStore,
    WallboardWidget,
    WallboardWindow,
)
from desktop_agent.ui.wallboard.thresholds import ThresholdDialog
from desktop_agent.wallboard_app import build_wallboard

pytestmark = pytest.mark.gui
NOW = T0 + timedelta(minutes=12)


@pytest.fixture
def sqlite_db(sqlite_url):  # noqa: ANN001, ANN201
    db = Database(make_engine(parse_url(sqlite_url)))
    upgrade(db.engine)
    yield db
    db.dispose()


def tile_text(board: WallboardWidget, key: str, part: int = 0) -> str:
    return board.tiles.tiles[key].values[part].text()


def test_the_wallboard_follows_a_live_simulator(qtbot, qloop, sqlite_db, tmp_path):
    config = SimConfig(agents=6, calls_per_hour=1800, aht=45, wrapup=5, patience=40, queues=("support", "sales"),
                       pause_every=240, pause_length=60, seed=11)
    phone = SimulatorSoftphone(config, ["+79161234567"], speed=30.0,
                               records=lambda rows: queue_log.append(sqlite_db.engine, rows))
    board = build_wallboard(sqlite_db, kpi_settings=KpiSettings(), settings_store=WallboardSettingsStore(tmp_path / "w.json"),
                            clock=lambda: phone.engine.dt() if phone.engine else utcnow(), refresh_ms=200,
                            beep=lambda: None)
    qtbot.addWidget(board)
    seen: list = []
    board.frame_applied.connect(seen.append)

    async def scenario() -> None:
        await phone.start()
        board.resize(1280, 720)
        board.show()
        await until(lambda: board.frame is not None and board.frame.snapshot is not None, 10, "a first frame")
        first_offered = tile_text(board, "calls")
        await until(lambda: board.frame.snapshot.overall.day.answered >= 15, 30, "15 answered calls on the board")
        await until(lambda: len(seen) >= 3, 5, "more frames")
        await phone.stop()
        snap = board.frame.snapshot
        # the tile widgets show what the engine counted from the rows the simulator wrote
        assert first_offered != tile_text(board, "calls")
        assert int(tile_text(board, "calls")) >= 15
        assert tile_text(board, "calls", 1) == str(snap.overall.day.answered)
        assert tile_text(board, "waiting_now") == str(snap.overall.waiting_now)
        assert tile_text(board, "service_level") not in ("", "–")
        assert board.agent_model.rowCount() == 6   # the simulated agents; the absent operator is not listed
        assert board.frame.error is None and board.data_age() < 3
        assert board.status.text().endswith("live")
        stored = len(queue_log.read_after(sqlite_db.engine, 0))
        assert board.feed.rows_total <= stored and board.feed.rows_total > 15 * 3

    try:
        qloop.run_until_complete(scenario())
    finally:
        board.shutdown()


def static_board(qtbot, rows=None, *, settings=None, **kwargs) -> WallboardWidget:  # noqa: ANN001
    engine = KpiEngine(KpiSettings(), clock=lambda: NOW)
    feed = WallboardFeed(engine, lambda: ListSource(traffic() if rows is None else rows), clock=lambda: NOW)
    board = WallboardWidget(feed.tick, settings or WallboardSettings(), close_feed=feed.close, refresh_ms=100,
                            beep=lambda: None, **kwargs)
    qtbot.addWidget(board)
    return board


def test_a_hidden_tab_does_not_refresh(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    board = static_board(qtbot)
    tabs.addTab(QWidget(), "operator")
    tabs.addTab(board, "wallboard")
    tabs.resize(1000, 600)
    tabs.show()
    assert not board.refreshing and board.ticks == 0          # the operator tab is in front
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: board.ticks >= 2, timeout=3000)
    tabs.setCurrentIndex(0)
    assert not board.refreshing
    ticks = board.ticks
    qtbot.wait(400)
    assert board.ticks <= ticks + 1                            # at most the tick already under way
    board.shutdown()


def test_a_tile_shows_its_formula_on_click_enter_and_f1(qtbot):
    board = static_board(qtbot)
    board.resize(1280, 720)
    board.show()
    qtbot.waitUntil(lambda: board.frame is not None, timeout=3000)
    qtbot.mouseClick(board.tiles.tiles["service_level"], Qt.MouseButton.LeftButton)
    assert board.formula.isVisible()
    assert "answered within 20 s" in board.formula.text() and board.formula.text().startswith("Service level")
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert not board.formula.isVisible()
    tile = board.tiles.tiles["abandon_rate"]
    tile.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert "abandoned after 5 s or longer" in board.formula.text()
    board.hide_formula()
    board.tiles.tiles["aht"].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(board, Qt.Key.Key_F1)            # F1 names the focused tile's formula
    assert board.formula.text().startswith("AHT\n(talk + hold + wrap-up)")
    board.shutdown()


def test_thresholds_are_edited_checked_and_saved_per_user(qtbot, tmp_path):
    store = WallboardSettingsStore(tmp_path / "wallboard.json")
    settings = store.load()
    board = static_board(qtbot, settings=settings, save_settings=store.save)
    dialog = ThresholdDialog(settings, board)
    qtbot.addWidget(dialog)
    amber, red, band, hold, _on = dialog._editors["aht"]
    amber.setValue(50)
    red.setValue(40)            # red below amber for a higher-is-worse KPI
    dialog.accept()
    assert dialog.error.text() == "AHT, s: red must be beyond amber in the worse direction"
    assert dialog.result() == 0 and settings.rules["aht"].amber == 300   # nothing applied, nothing lost
    assert amber.value() == 50
    red.setValue(55)
    dialog.accept()
    assert dialog.result() == 1 and settings.rules["aht"] == ThresholdRule("aht", 50, 55, Worse.HIGHER, 10, 10)
    board.apply_rules()
    assert WallboardSettingsStore(tmp_path / "wallboard.json").load().rules["aht"].amber == 50
    board.show()
    qtbot.waitUntil(lambda: board.frame is not None, timeout=3000)
    # AHT is 60 s in the traffic fixture: past the new red boundary
    assert board.tiles.tiles["aht"].level is Level.RED and board.tiles.tiles["aht"].badge.text() == "ALARM"
    board.shutdown()


def test_settings_file_damage_is_set_aside(tmp_path):
    path = tmp_path / "wallboard.json"
    path.write_text("{not json", encoding="utf-8")
    settings = WallboardSettingsStore(path).load()
    assert settings.sound_on_red is True and settings.rules["aht"].amber == 300
    assert (tmp_path / "wallboard.bad").read_text(encoding="utf-8") == "{not json"


def test_a_database_that_does_not_answer_shows_how_old_the_data_is(qtbot, tmp_path):
    # a real PostgreSQL URL on a port nobody listens on: the feed fails, keeps trying, and says so
    db = Database(make_engine(parse_url(f"postgresql://app@127.0.0.1:{free_port()}/nowhere")))
    board = build_wallboard(db, kpi_settings=KpiSettings(), settings_store=WallboardSettingsStore(tmp_path / "w.json"),
                            refresh_ms=100, stale_after=0.3, beep=lambda: None)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.frame is not None and board.frame.error is not None, timeout=5000)
    qtbot.waitUntil(lambda: "s old" in board.status.text(), timeout=3000)
    assert board.status.text().startswith("data is ") and "reconnecting" in board.status.text()
    assert "\n" not in board.frame.error
    board.shutdown()
    db.dispose()


def test_kiosk_window_is_full_screen_without_chrome(qtbot):
    board = static_board(qtbot)
    window = WallboardWindow(board, kiosk=True, screen=0)
    qtbot.addWidget(window)
    window.place()
    qtbot.waitUntil(lambda: board.frame is not None, timeout=3000)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not board.hints.isVisible()          # nothing to read about keys on a wall
    window.close()
    assert board._closed


def test_wallboard_command_refuses_a_screen_that_is_not_there(qapp, capsys):
    assert cli.main(["wallboard", "--screen", "7"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("desktop-agent: no screen 7: this computer has 1") and err.count("\n") == 1


@pytest.mark.parametrize("sound", [True, False])
def test_a_tile_turning_red_beeps_once_when_sound_is_on(qtbot, sound):
    from test_wallboard_thresholds import rec

    beeps: list[int] = []
    queued = [rec(0, f"w{i}", "NONE", "ENTERQUEUE", "", "", str(i + 1)) for i in range(12)]  # nobody answers
    board = static_board(qtbot, queued, settings=WallboardSettings(sound_on_red=sound))
    board._beep = lambda: beeps.append(1)
    board.show()
    qtbot.waitUntil(lambda: board.ticks >= 3, timeout=3000)
    assert board.tiles.tiles["waiting_now"].level is Level.RED
    assert beeps == ([1] if sound else [])       # two tiles turned red on one frame: one beep, not two
    board.shutdown()
