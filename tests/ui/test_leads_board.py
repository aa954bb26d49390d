"""The leads' wallboard pane in the operator window: who gets it, that the board is built only when
the pane is first seen (and pyqtgraph stays off the start path), that it follows a live simulator
while visible and rests while hidden, its keys, its second screen, privacy, and shutdown on quit."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import re
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from operator_harness import FakeSoftphone, until
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget
from test_wallboard_privacy import assert_clean, customer_rows
from test_wallboard_thresholds import T0, ListSource, traffic

from desktop_agent.app import build_window
from desktop_agent.core.domain import Role
from desktop_agent.core.kpi import KpiSettings
from desktop_agent.store import queue_log
from desktop_agent.telephony.simulator import SimConfig, SimulatorSoftphone
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.settings import UiSettings
from desktop_agent.ui.wallboard import WallboardSettingsStore
from desktop_agent.ui.wallboard.leads_board import FORMULA_KEY, LeadsBoardPane, sees_wallboard
from desktop_agent.ui.wallboard.models import TILE_KEYS
from desktop_agent.wallboard_app import build_wallboard

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
PANE = "pane.leads_board"


def as_role(services, role: Role):  # noqa: ANN001, ANN201
    agent = services.reference.get_or_create_agent(f"{role.value}.sokolova", "Анна Соколова", role=role.value)
    assert agent.role == role.value
    return dataclasses.replace(services, agent=agent)


class CountingFactory:
    """Builds a real board over a fixed queue_log (or the given factory) and counts the calls."""

    def __init__(self, tmp_path: Path, rows=None, clock=None, build=None) -> None:  # noqa: ANN001
        self.calls = 0
        self.boards: list = []
        self._build = build or (lambda: build_wallboard(
            None, kpi_settings=KpiSettings(), settings_store=WallboardSettingsStore(tmp_path / "wallboard.json"),
            clock=clock or (lambda: T0 + timedelta(minutes=12)),
            open_source=lambda: ListSource(traffic() if rows is None else rows), refresh_ms=100, beep=lambda: None))

    def __call__(self):  # noqa: ANN204
        self.calls += 1
        board = self._build()
        self.boards.append(board)
        return board


@pytest.fixture
def make_window(qapp, sqlite_services):
    built = []

    def make(role: Role = Role.LEAD, factory=None, *, show: bool = True):  # noqa: ANN001, ANN202
        parts = build_window(
            services=as_role(sqlite_services, role), softphone=FakeSoftphone(), settings=UiSettings(),
            save_settings=lambda: None, on_language=lambda _lang: None, on_theme=lambda _theme: None,
            about=AboutInfo("desktop-agent.sqlite3", "fake", ""), backend_label="fake", wallboard_factory=factory)
        parts.window.resize(1600, 1000)
        if show:
            parts.window.show()
        built.append(parts)
        return parts

    yield make
    for parts in built:
        parts.window.close_without_asking()
        parts.window.deleteLater()
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)
    QTest.qWait(10)


def pane_of(parts) -> LeadsBoardPane | None:  # noqa: ANN001
    return next((p for p in parts.panes if isinstance(p, LeadsBoardPane)), None)


def test_who_sees_the_wallboard():
    assert [r.value for r in Role if sees_wallboard(r.value)] == ["lead", "trainer", "admin"]
    assert not sees_wallboard("operator") and not sees_wallboard("") and not sees_wallboard("LEAD")


def test_a_lead_gets_the_pane_and_its_keys_an_operator_does_not(make_window, tmp_path):
    lead = make_window(Role.LEAD, CountingFactory(tmp_path)).window
    assert PANE in lead.docks and isinstance(lead.docks[PANE].widget(), LeadsBoardPane)
    assert lead.dockWidgetArea(lead.docks[PANE]) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert lead.docks[PANE].windowTitle() == "Wallboard"
    assert lead.registry.get(f"pane.focus.{PANE}").shortcut().toString() == "F7"
    assert lead.registry.get("wallboard.own_screen").shortcut().toString() == "F11"
    assert "(F11)" in lead.registry.get("wallboard.own_screen").toolTip()
    assert f"pane.focus.{PANE}" in [a.objectName() for a in lead.menu_panes.actions()]
    overlay = [title for rows in lead.help_overlay.rows().values() for _keys, title in rows]
    assert "Wallboard on its own screen" in overlay and "Wallboard" in overlay
    # the embedded board's formula key is no window action (two shortcuts on one key: Qt runs neither)
    taken = {k.toString() for spec in lead.registry for k in lead.registry.get(spec.id).shortcuts()}
    assert QKeySequence(FORMULA_KEY).toString() not in taken

    operator = make_window(Role.OPERATOR, CountingFactory(tmp_path)).window
    assert PANE not in operator.docks and not operator.findChildren(LeadsBoardPane)
    assert "wallboard.own_screen" not in operator.registry and f"pane.focus.{PANE}" not in operator.registry

    trainer = make_window(Role.TRAINER, CountingFactory(tmp_path)).window
    assert PANE in trainer.docks


def test_the_board_is_built_only_when_the_pane_is_first_seen(make_window, tmp_path, qtbot):
    factory = CountingFactory(tmp_path)
    parts = make_window(Role.LEAD, factory, show=False)
    window, pane = parts.window, pane_of(parts)
    window.docks[PANE].hide()            # a lead who closed the pane last time
    window.show()
    QTest.qWait(600)                     # longer than the pane's delay after being seen
    assert factory.calls == 0 and pane.board is None
    window.registry.get(f"pane.focus.{PANE}").trigger()    # F7
    assert window.docks[PANE].isVisible()
    assert pane.placeholder.text() == "Loading the wallboard…"
    qtbot.waitUntil(lambda: pane.board is not None, timeout=5000)
    qtbot.waitUntil(lambda: pane.board.frame is not None, timeout=3000)
    assert factory.calls == 1 and pane.board.refreshing and not pane.placeholder.isVisible()
    assert pane.board.tiles.tiles["calls"].values[0].text() == "60"     # the fixed queue_log's calls
    window.docks[PANE].hide()
    window.registry.get(f"pane.focus.{PANE}").trigger()
    QTest.qWait(400)
    assert factory.calls == 1            # built once, shown again


def test_a_failing_factory_says_so_in_one_line_and_the_desk_works_on(make_window, qtbot):
    def broken():  # noqa: ANN202
        raise RuntimeError("the database is not reachable\nsecond line")

    parts = make_window(Role.LEAD, broken)
    pane = pane_of(parts)
    qtbot.waitUntil(lambda: "could not start" in pane.placeholder.text(), timeout=5000)
    assert pane.placeholder.text() == "The wallboard could not start: the database is not reachable"
    assert pane.board is None and parts.window.isVisible()


def tile(board, key: str) -> str:  # noqa: ANN001
    return board.tiles.tiles[key].values[0].text()


def test_the_pane_follows_a_live_simulator_and_rests_while_it_cannot_be_seen(make_window, sqlite_services, qloop,
                                                                             tmp_path):
    db = sqlite_services.db
    config = SimConfig(agents=5, calls_per_hour=7200, aht=3, patience=None, queues=("support",), seed=5)
    phone = SimulatorSoftphone(config, ["+79161234567"], records=lambda rows: queue_log.append(db.engine, rows))
    # the app's own factory, with a faster refresh so the test takes seconds
    factory = CountingFactory(tmp_path, build=lambda: build_wallboard(
        db, kpi_settings=KpiSettings(), settings_store=WallboardSettingsStore(tmp_path / "w.json"), refresh_ms=250,
        beep=lambda: None))
    parts = make_window(Role.LEAD, factory)
    window, pane, dock = parts.window, pane_of(parts), parts.window.docks[PANE]

    async def frozen_for(seconds: float) -> None:
        ticks = pane.board.ticks
        await asyncio.sleep(seconds)
        assert not pane.board.refreshing
        assert pane.board.ticks <= ticks + 1        # at most the tick already under way

    async def scenario() -> None:
        await phone.start()
        await until(lambda: pane.board is not None and pane.board.frame is not None, 10, "the board's first frame")
        board = pane.board
        await until(lambda: int(tile(board, "calls") or 0) >= 3, 10, "calls on the board")
        assert board.agent_model.rowCount() == 5 and board.refreshing
        # the dock closed: nothing refreshes while the simulator goes on writing
        dock.close()
        seen = tile(board, "calls")
        await frozen_for(1.0)
        assert tile(board, "calls") == seen
        window.registry.get(f"pane.focus.{PANE}").trigger()
        await until(lambda: board.refreshing and tile(board, "calls") != seen, 5, "the board to catch up")
        # behind another dock's tab
        window.tabifyDockWidget(window.docks["pane.templates"], dock)
        window.docks["pane.templates"].raise_()
        await until(lambda: not pane.seen() and not board.refreshing, 2, "the board to rest behind a tab")
        assert board.isVisible()        # Qt moves a dock behind a tab out of sight; it does not hide it
        await frozen_for(1.0)
        seen = tile(board, "calls")
        dock.raise_()
        await until(lambda: board.refreshing and tile(board, "calls") != seen, 3, "the board in front again")
        # the window minimised: the board notices at its next tick and stops
        window.showMinimized()
        await until(lambda: not board.refreshing, 2, "the board to stop while minimised")
        await frozen_for(0.8)
        window.showNormal()
        await phone.stop()
        assert factory.calls == 1

    try:
        qloop.run_until_complete(scenario())
    finally:
        qloop.run_until_complete(phone.stop())
    window.close_without_asking()
    assert pane.board._closed and pane.board.runner._closed      # shutdown on quit


def test_f1_stays_the_window_help_and_shift_f1_names_the_tiles_formula(make_window, tmp_path, qtbot):
    parts = make_window(Role.LEAD, CountingFactory(tmp_path))
    window, pane = parts.window, pane_of(parts)
    qtbot.waitUntil(lambda: pane.board is not None and pane.board.frame is not None, timeout=5000)
    window.activateWindow()
    board = pane.board
    aht = board.tiles.tiles["aht"]
    aht.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(aht, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert board.formula.isVisible() and board.formula.text().startswith("AHT\n(talk + hold + wrap-up)")
    assert not window.help_overlay.isVisible()
    QTest.keyClick(aht, Qt.Key.Key_Escape)
    assert not board.formula.isVisible()
    QTest.keyClick(aht, Qt.Key.Key_F1)
    assert window.help_overlay.isVisible() and not board.formula.isVisible()
    assert board.hints.text().startswith("Click a tile or press Shift+F1 for its formula")


def test_f11_floats_the_board_onto_its_own_screen_and_back(make_window, tmp_path, qtbot):
    parts = make_window(Role.LEAD, CountingFactory(tmp_path))
    window, dock = parts.window, parts.window.docks[PANE]
    action = window.registry.get("wallboard.own_screen")
    action.trigger()
    assert dock.isFloating() and action.isChecked()
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: dock.width() >= screen.width() * 0.9, timeout=2000)
    assert dock.height() >= screen.height() * 0.8
    qtbot.waitUntil(lambda: pane_of(parts).board is not None, timeout=5000)
    assert pane_of(parts).board.isVisible()
    action.trigger()
    assert not dock.isFloating() and not action.isChecked()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea


def pane_texts(dock: QDockWidget, board) -> list[str]:  # noqa: ANN001
    """Everything a person could read in the pane (see test_wallboard_privacy)."""
    from test_wallboard_privacy import visible_texts

    return visible_texts(board, dock)


def test_the_pane_never_shows_a_customer_name_or_number(make_window, tmp_path, qtbot):
    clock = [T0 + timedelta(seconds=20)]
    factory = CountingFactory(tmp_path, rows=customer_rows(), clock=lambda: clock[0])
    parts = make_window(Role.LEAD, factory)
    window, pane, dock = parts.window, pane_of(parts), parts.window.docks[PANE]
    qtbot.waitUntil(lambda: pane.board is not None and pane.board.frame is not None
                    and pane.board.frame.snapshot.overall.day.offered == 3, timeout=5000)
    board = pane.board
    texts = pane_texts(dock, board)
    for key in TILE_KEYS:
        board.show_formula(key)
        texts.append(board.formula.text())
    clock[0] = T0 + timedelta(minutes=3)
    ticks = board.ticks
    qtbot.waitUntil(lambda: board.ticks > ticks + 1, timeout=3000)
    texts += pane_texts(dock, board)
    window.registry.get("wallboard.own_screen").trigger()     # floating on its own screen, too
    texts += pane_texts(dock, board)
    texts += [window.registry.get(spec.id).toolTip() for spec in window.registry]
    texts.append(str(board.frame.snapshot.to_json()))
    assert len(texts) > 200 and any("ivanova" in t for t in texts)   # the board did show agents
    assert_clean(texts)


START_PATH = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    sys.path.insert(0, {tests!r})
    from conftest import make_services
    from desktop_agent.store.database import Database, make_engine, parse_url
    from desktop_agent.store.migrate import upgrade
    from desktop_agent.app import build_window
    from desktop_agent.ui.shell.about_dialog import AboutInfo
    from desktop_agent.ui.wallboard.leads_board import LeadsBoardPane
    from desktop_agent.ui.shell.settings import UiSettings
    from operator_harness import FakeSoftphone
    import dataclasses

    db = Database(make_engine(parse_url({url!r})))
    upgrade(db.engine)
    services = make_services(db)
    agent = services.reference.get_or_create_agent("lead.x", "Lead", role={role!r})
    services = dataclasses.replace(services, agent=agent)

    def heavy():
        return sorted(m for m in ("numpy", "pyqtgraph") if m in sys.modules)

    parts = build_window(services=services, softphone=FakeSoftphone(), settings=UiSettings(),
                         save_settings=lambda: None, on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("", "", ""), backend_label="fake")
    parts.window.show()
    app.processEvents()
    print("shown", heavy())
    pane = next((p for p in parts.panes if isinstance(p, LeadsBoardPane)), None)
    # an operator's window runs a second; a lead's until the board shows its first frame
    deadline = time.monotonic() + (15 if pane is not None else 1)
    while time.monotonic() < deadline and (pane is None or pane.board is None or pane.board.frame is None):
        app.processEvents()
        time.sleep(0.01)
    print("later", heavy(), pane is not None and pane.board is not None and pane.board.frame is not None)
    parts.window.close_without_asking()
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)
""")


@pytest.mark.parametrize("role, later", [("lead", "later ['numpy', 'pyqtgraph'] True"),
                                         ("operator", "later [] False")])
def test_numpy_and_pyqtgraph_stay_off_the_start_path(tmp_path, role, later):
    """In a fresh process: the window is built and shown without NumPy or pyqtgraph; a lead's pane
    brings them (through the app's own factory) only once the pane is seen, and shows a frame."""
    script = START_PATH.format(tests=str(ROOT / "tests" / "ui"), url=f"sqlite:///{tmp_path / 'start.sqlite3'}",
                               role=role)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKTOP_AGENT_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = [line for line in out.stdout.splitlines() if re.match(r"(shown|later) ", line)]
    assert lines == ["shown []", later], out.stdout
    if role == "lead":
        assert (tmp_path / "home").exists()     # the settings store lives under the user's config dir
