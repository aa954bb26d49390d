"""The composition root of `desktop-agent wallboard [--kiosk] [--screen N]`: database, KPI engine,
feed and the wallboard window. Like app.py, it is allowed to know both the store and Qt.

    desktop-agent wallboard                   a window on the embedded file or --db
    desktop-agent wallboard --kiosk --screen 1   full screen on the second screen, no chrome

The database may be down when the board starts (a kiosk PC boots before the server): the board
comes up anyway, says how old its data is, and connects by itself once the server answers.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from desktop_agent import paths

log = logging.getLogger(__name__)


def _local_midnight(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def queue_log_source(db: Any, clock: Callable[[], datetime]) -> Callable[[], Any]:
    """Opens the store's queue_log feed from today's first row; raises (one line) while the database
    cannot be used, and the wallboard feed tries again."""
    from desktop_agent.store.database import check_connection
    from desktop_agent.store.errors import StoreError
    from desktop_agent.store.kpi_feed import QueueLogFeed
    from desktop_agent.store.migrate import is_current, upgrade

    def open_source() -> Any:
        check_connection(db.engine)
        if not is_current(db.engine):
            if not db.is_sqlite:
                raise StoreError("the database schema is not current: run `desktop-agent db upgrade`")
            upgrade(db.engine)
        return QueueLogFeed.since(db, _local_midnight(clock()))

    return open_source


def survey_reader(db: Any) -> Callable[[datetime, datetime], Any]:
    from desktop_agent.store.kpi_feed import read_survey_answers

    return lambda since, until: read_survey_answers(db, since, until)


def pause_reason_reader(db: Any) -> Callable[[str], Any]:
    from desktop_agent.store.reference import ReferenceStore

    reference = ReferenceStore(db, origin="wallboard")
    return reference.pause_reasons


def build_wallboard(db: Any, *, kpi_settings: Any, settings_store: Any, clock: Callable[[], datetime] | None = None,
                    open_source: Callable[[], Any] | None = None, **widget_kwargs: Any) -> Any:
    """The WallboardWidget over a database: engine, feed and saved thresholds. Tests, benchmarks and
    the main window's lead tab use this too (`open_source` replaces the store's feed)."""
    from desktop_agent.core.domain import utcnow
    from desktop_agent.core.kpi import KpiEngine
    from desktop_agent.core.thresholds import service_level_goal
    from desktop_agent.core.wallboard_feed import WallboardFeed
    from desktop_agent.ui.wallboard import WallboardWidget

    clock = clock or utcnow
    settings = settings_store.load()
    engine = KpiEngine(kpi_settings, clock=clock)
    feed = WallboardFeed(engine, open_source or queue_log_source(db, clock), clock=clock,
                         goal=lambda: service_level_goal(settings.rules),
                         surveys=survey_reader(db) if db is not None else None)
    if db is not None:
        widget_kwargs.setdefault("pause_reasons", pause_reason_reader(db))
    board = WallboardWidget(feed.tick, settings, save_settings=settings_store.save, close_feed=feed.close,
                            **widget_kwargs)
    board.feed = feed
    return board


def run_wallboard(args: argparse.Namespace) -> int:
    from desktop_agent.core.kpi import KpiSettings
    from desktop_agent.store.database import open_database
    from desktop_agent.store.errors import StoreError

    try:
        kpi_settings = KpiSettings(sl_target=args.sl_target, short_abandon=args.short_abandon,
                                   sl_variant=args.sl_variant, tz=datetime.now().astimezone().tzinfo)
    except ValueError as exc:
        print(f"desktop-agent: {exc}", file=sys.stderr)
        return 2
    try:
        db = open_database(getattr(args, "db", None))   # no connection yet: that is the feed's job
    except StoreError as exc:
        print(f"desktop-agent: {exc}", file=sys.stderr)
        return 2
    try:
        return _run_qt(args, db, kpi_settings)
    finally:
        db.dispose()


def _run_qt(args: argparse.Namespace, db: Any, kpi_settings: Any) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop_agent.ui.kit.i18n import Translations, choose_language
    from desktop_agent.ui.shell.settings import FILE_NAME, SettingsStore
    from desktop_agent.ui.shell.theme import app_icon
    from desktop_agent.ui.wallboard import WallboardSettingsStore, WallboardWindow
    from desktop_agent.ui.wallboard.thresholds import FILE_NAME as WALLBOARD_FILE

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Desktop Agent")
    app.setOrganizationName("DesktopAgent")
    app.setWindowIcon(app_icon())
    screens = QGuiApplication.screens()
    if args.screen is not None and not 0 <= args.screen < len(screens):
        print(f"desktop-agent: no screen {args.screen}: this computer has {len(screens)} (0-{len(screens) - 1})",
              file=sys.stderr)
        return 2
    ui_settings = SettingsStore(paths.config_dir() / FILE_NAME).load()
    translations = Translations(app)
    translations.install(choose_language(getattr(args, "lang", None), ui_settings.language))
    app.setStyle("Fusion")
    store = WallboardSettingsStore(paths.config_dir() / WALLBOARD_FILE)
    board = build_wallboard(db, kpi_settings=kpi_settings, settings_store=store)
    window = WallboardWindow(board, kiosk=bool(args.kiosk), screen=args.screen)
    window.closed.connect(app.quit)
    window.place()
    if getattr(args, "smoke_test", False):
        _quit_after_frames(app, board)
    return int(app.exec())


SMOKE_FRAMES = 3
SMOKE_TIMEOUT_MS = 60_000


def _quit_after_frames(app: Any, board: Any) -> None:
    """--smoke-test (installers, CI): exit 0 once the board has shown SMOKE_FRAMES frames computed from
    queue_log and painted them (tiles, the pyqtgraph trend and the agent grid), 1 if that takes too long."""
    from PySide6.QtCore import QTimer

    def applied(frame: Any) -> None:
        if frame.snapshot is None or board.ticks < SMOKE_FRAMES:
            return
        board.grab()  # paints every part, the chart's NumPy buffers included
        print(f"wallboard smoke test: {board.ticks} frames, {len(board.agent_model.rows)} agents logged in",
              flush=True)
        app.exit(0)

    def timed_out() -> None:
        print(f"desktop-agent: wallboard smoke test: fewer than {SMOKE_FRAMES} frames in "
              f"{SMOKE_TIMEOUT_MS // 1000} s", file=sys.stderr)
        app.exit(1)

    board.frame_applied.connect(applied)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, timed_out)
