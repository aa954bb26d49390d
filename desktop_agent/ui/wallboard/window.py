"""The wallboard: tiles on top, the day's trend and the agent grid below, a status line that says how
old the data is. `WallboardWidget` is the whole board (the main window embeds it as a tab for
leads); `WallboardWindow` is the top-level window of `desktop-agent wallboard [--kiosk]`.

Refresh: a one-second timer asks the injected `tick` (core.wallboard_feed.WallboardFeed.tick) for
a frame on a worker thread of its own; the frame comes back to the GUI thread and every part takes
what it shows from it. A tick still running when the timer fires is not doubled up. While the board
cannot be seen (a hidden tab, a minimised window) the timer stops: nobody reads, nothing refreshes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_agent.core.ports import PauseReasonDTO
from desktop_agent.core.thresholds import Level, ThresholdTracker, service_level_goal
from desktop_agent.core.wallboard_feed import WallboardFrame
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.kit.pane import on_screen
from desktop_agent.ui.kit.qt_bridge import ServiceRunner, assert_gui_thread
from desktop_agent.ui.wallboard.agent_grid import AgentGrid
from desktop_agent.ui.wallboard.models import TILE_TITLES, AgentGridModel, TileModel, TileRole
from desktop_agent.ui.wallboard.palette import BOARD, DIM_TEXT, LEVEL_COLOURS, PANEL, TEXT
from desktop_agent.ui.wallboard.thresholds import DENSE_CHOICES, ThresholdDialog, WallboardSettings
from desktop_agent.ui.wallboard.tiles import TileBoard
from desktop_agent.ui.wallboard.trend_chart import TrendChart

REFRESH_MS = 1000
STALE_AFTER = 3.0          # seconds without an answer from the database before the board says so
FORMULA_SHOWN_MS = 30_000


class WallboardWidget(QWidget):
    frame_applied = Signal(object)   # the WallboardFrame just shown (tests and benchmarks listen)

    def __init__(self, tick: Callable[[], WallboardFrame], settings: WallboardSettings, *,
                 save_settings: Callable[[WallboardSettings], None] | None = None,
                 close_feed: Callable[[], None] | None = None, title: str = "",
                 pause_reasons: Callable[[str], Sequence[PauseReasonDTO]] | None = None,
                 beep: Callable[[], None] | None = None, refresh_ms: int = REFRESH_MS,
                 stale_after: float = STALE_AFTER, monotonic: Callable[[], float] = time.monotonic,
                 auto_start: bool = True, parent: QWidget | None = None) -> None:
        """tick: blocking, returns the next frame; runs on this widget's worker thread only.
        auto_start=False: showing the board does not start the timer (benchmarks drive it by hand).
        close_feed: runs on that thread when the board shuts down. pause_reasons(language): the
        reasons' titles and limits (blocking; asked on the worker at start and on a language change)."""
        super().__init__(parent)
        self.setObjectName("wallboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"QWidget#wallboard {{ background: {BOARD}; }} QLabel {{ color: {TEXT}; }}"
                           f"QLabel[dim='true'] {{ color: {DIM_TEXT}; }}")
        self._tick = tick
        self._close_feed = close_feed
        self._pause_reasons = pause_reasons
        self._reasons_language = ""
        self.settings = settings
        self._save = save_settings
        self._title = title
        self._beep = beep or QApplication.beep
        self._mono = monotonic
        self.stale_after = stale_after
        self.frame: WallboardFrame | None = None
        self._frame_at = monotonic()
        self._pending = False
        self._closed = False
        self._auto_start = auto_start
        self.ticks = 0
        self.beeps = 0

        self.tracker = ThresholdTracker(settings.rules.values())
        self.tile_model = TileModel(self.tracker, parent=self)
        self.agent_model = AgentGridModel(self)
        self.runner = ServiceRunner("wallboard", self)
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self._on_timer)

        self.heading = QLabel(self, objectName="wallboardTitle")
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = QLabel(self, objectName="wallboardStatus")
        self.clock = QLabel(self, objectName="wallboardClock")
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.status)
        header.addSpacing(24)
        header.addWidget(self.clock)
        self.tiles = TileBoard(self.tile_model, self)
        self.tiles.formula_requested.connect(self.show_formula)
        self.chart = TrendChart(self)
        self.agents_title = QLabel(self, objectName="agentsTitle")
        self.agents_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.agent_grid = AgentGrid(self.agent_model, self)
        self.agent_grid.set_dense(settings.dense)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.agents_title)
        right.addWidget(self.agent_grid, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.chart, 4)
        lower.addLayout(right, 6)
        self.formula = QLabel(self, objectName="formulaPanel")
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.PlainText)
        self.formula.setStyleSheet(f"QLabel#formulaPanel {{ background: {PANEL}; color: {TEXT}; "
                                   f"border: 2px solid #ffd84d; border-radius: 8px; padding: 10px; }}")
        self.formula.hide()
        self._formula_key = ""
        self._formula_timer = QTimer(self, singleShot=True, interval=FORMULA_SHOWN_MS)
        self._formula_timer.timeout.connect(self.hide_formula)
        self.hints = QLabel(self, objectName="wallboardHints")
        self.hints.setProperty("dim", True)
        self.hints.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(header)
        self._layout.addWidget(self.tiles, 36)
        self._layout.addLayout(lower, 52)
        self._layout.addWidget(self.formula)
        self._layout.addWidget(self.hints)
        self.tile_model.entered_red.connect(self._on_red)
        self._red_this_frame = False
        self._shortcuts()
        self.retranslate()
        self._apply_scale()

    # ------------------------------------------------------------------ refresh cycle
    def start(self) -> None:
        if self._closed:
            return
        if not self.timer.isActive():
            self.timer.start()
        self._load_pause_reasons()
        self.tick_now()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def refreshing(self) -> bool:
        return self.timer.isActive()

    def tick_now(self) -> None:
        if self._pending or self._closed:
            return
        self._pending = True
        self.runner.submit(self._tick, on_result=self.apply_frame, on_error=self._tick_failed, owner=self)

    def _load_pause_reasons(self) -> None:
        language = current_language()
        if self._pause_reasons is None or language == self._reasons_language or self._closed:
            return
        self._reasons_language = language

        def failed(exc: BaseException) -> None:
            self._reasons_language = ""   # try again at the next start; codes are shown meanwhile

        def loaded(reasons: Sequence[PauseReasonDTO]) -> None:
            self.agent_model.set_pause_reasons(reasons)
            self.tile_model.set_pause_reasons(reasons)

        self.runner.submit(self._pause_reasons, language, on_result=loaded, on_error=failed, owner=self)

    def _on_timer(self) -> None:
        if not self._seen():
            self.stop()
            return
        self._show_status()
        self.tick_now()

    def _seen(self) -> bool:
        return on_screen(self)

    def _tick_failed(self, exc: BaseException) -> None:
        self._pending = False
        lines = str(exc).splitlines()
        self.status.setText(fill(QCoreApplication.translate("Wallboard", "Wallboard error: %1"),
                                 lines[0] if lines else type(exc).__name__))

    def apply_frame(self, frame: WallboardFrame) -> None:
        assert_gui_thread()
        self._pending = False
        self.frame = frame
        self._frame_at = self._mono()
        self.ticks += 1
        snap = frame.snapshot
        if snap is not None:
            self._red_this_frame = False
            self.tile_model.update(frame)
            self.agent_model.update(snap.agents, snap.at)
            self.chart.set_goal(service_level_goal(self.tracker.rules) * 100)
            if frame.history:
                self.chart.backfill(snap.overall.intervals)
            if not frame.catching_up:
                self.chart.add_sample(snap.at, snap.overall.waiting_now, snap.overall.rolling.service_level,
                                      snap.overall.day.start)
            if self._seen():
                self.chart.redraw()
            self.clock.setText(snap.at.astimezone().strftime("%H:%M:%S"))
            self.agents_title.setText(fill(QCoreApplication.translate("Wallboard", "Agents logged in: %1"), len(self.agent_model.rows)))
        self._show_status()
        self.frame_applied.emit(frame)

    def data_age(self) -> float:
        """Seconds since the database last answered, as far as the board knows now."""
        if self.frame is None:
            return self._mono() - self._frame_at
        return self.frame.staleness + (self._mono() - self._frame_at)

    def _show_status(self) -> None:
        frame = self.frame
        age = self.data_age()
        if frame is not None and frame.catching_up:
            text, colour = QCoreApplication.translate("Wallboard", "reading today's calls…"), DIM_TEXT
        elif age >= self.stale_after or (frame is not None and frame.error):
            text = fill(QCoreApplication.translate("Wallboard", "data is %1 s old"), int(age))
            if frame is not None and frame.error:
                text += " · " + QCoreApplication.translate("Wallboard", "reconnecting")
            colour = LEVEL_COLOURS[Level.RED if frame is not None and frame.error else Level.AMBER]
        elif frame is None:
            text, colour = QCoreApplication.translate("Wallboard", "connecting…"), DIM_TEXT
        else:
            text, colour = "● " + QCoreApplication.translate("Wallboard", "live"), "#8fd19e"
        if self.status.text() != text:
            self.status.setText(text)
        css = f"color: {colour};"
        if self.status.styleSheet() != css:   # a style sheet set every second would re-polish every second
            self.status.setStyleSheet(css)

    # ------------------------------------------------------------------ alarms and formulas
    def _on_red(self, _key: str) -> None:
        if self.settings.sound_on_red and not self._red_this_frame:
            self._red_this_frame = True   # one beep per frame, however many tiles turn red
            self.beeps += 1
            self._beep()

    def show_formula(self, key: str) -> None:
        m = self.tile_model
        idx = m.index(m.row_of(key))
        text = m.data(idx, TileRole.FORMULA) or QCoreApplication.translate("Wallboard", "No formula: this tile shows a count.")
        self._formula_key = key
        self.formula.setText(f"{m.data(idx, TileRole.TITLE)}\n{text}")
        self.formula.show()
        self._formula_timer.start()

    def hide_formula(self) -> None:
        self.formula.hide()
        self._formula_key = ""

    def _formula_for_focus(self) -> None:
        focused = QApplication.focusWidget()
        key = getattr(focused, "key", None)
        if key in TILE_TITLES:
            self.show_formula(key)
        elif self.formula.isVisible():
            self.hide_formula()
        else:
            self.show_formula("service_level")

    # ------------------------------------------------------------------ keys and settings
    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in ((Qt.Key.Key_F1, self._formula_for_focus), (Qt.Key.Key_Escape, self.hide_formula),
                          (Qt.Key.Key_D, self.cycle_dense), (Qt.Key.Key_T, self.edit_thresholds),
                          (Qt.Key.Key_S, self.toggle_sound)):
            sc = QShortcut(QKeySequence(key), self, context=ctx)
            sc.activated.connect(slot)
            if key == Qt.Key.Key_F1:
                self._formula_shortcut = sc

    def set_formula_key(self, key: str) -> None:
        """Name the formula of the focused tile on another key. Embedded in the operator window,
        F1 is the window's help: two shortcuts on one key would make Qt run neither."""
        self._formula_shortcut.setKey(QKeySequence(key))
        self.retranslate()

    def cycle_dense(self) -> None:
        i = DENSE_CHOICES.index(self.settings.dense) if self.settings.dense in DENSE_CHOICES else 0
        self.settings.dense = DENSE_CHOICES[(i + 1) % len(DENSE_CHOICES)]
        self.agent_grid.set_dense(self.settings.dense)
        self._saved()
        self.retranslate()

    def toggle_sound(self) -> None:
        self.settings.sound_on_red = not self.settings.sound_on_red
        self._saved()
        self.retranslate()

    def edit_thresholds(self) -> None:
        dialog = ThresholdDialog(self.settings, self)
        if dialog.exec():
            self.apply_rules()

    def apply_rules(self) -> None:
        """After settings.rules changed: judge again from the next frame, and save."""
        self.tracker.set_rules(self.settings.rules.values())
        if self.frame is not None:
            self.tile_model.update(self.frame)
        self._saved()

    def _saved(self) -> None:
        if self._save is not None:
            try:
                self._save(self.settings)
            except OSError as exc:
                self.status.setText(fill(QCoreApplication.translate("Wallboard", "Could not save the wallboard settings: %1"),
                                        str(exc).splitlines()[0]))

    # ------------------------------------------------------------------ Qt events
    def retranslate(self) -> None:
        self.heading.setText(self._title or QCoreApplication.translate("Wallboard", "Wallboard · all queues"))
        dense = {"auto": QCoreApplication.translate("Wallboard", "auto"), "on": QCoreApplication.translate("Wallboard", "on"), "off": QCoreApplication.translate("Wallboard", "off")}[self.settings.dense]
        sound = QCoreApplication.translate("Wallboard", "on") if self.settings.sound_on_red else QCoreApplication.translate("Wallboard", "off")
        formula_key = self._formula_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        self.hints.setText(fill(QCoreApplication.translate("Wallboard", "Click a tile or press %1 for its formula · D: dense grid (%2) · "
                                                     "T: thresholds · S: sound on red (%3)"), formula_key, dense, sound))
        self.chart.retranslate()
        if self.timer.isActive():
            self._load_pause_reasons()
        self.tile_model.retranslate()
        self.agent_model.retranslate()
        if self.formula.isVisible() and self._formula_key:
            self.show_formula(self._formula_key)
        if self.frame is not None:
            self.agents_title.setText(fill(QCoreApplication.translate("Wallboard", "Agents logged in: %1"), len(self.agent_model.rows)))
        self._show_status()

    def set_show_hints(self, shown: bool) -> None:
        self.hints.setVisible(shown)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._auto_start:
            self.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        if not event.spontaneous():
            self.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_scale()

    def _apply_scale(self) -> None:
        scale = max(0.5, min(self.width() / 1920, self.height() / 1080))
        for label, px, bold in ((self.heading, 30, True), (self.status, 26, True), (self.clock, 30, True),
                                (self.agents_title, 18, True), (self.formula, 22, False), (self.hints, 14, False)):
            f = label.font()
            f.setPixelSize(max(10, int(px * scale)))
            f.setBold(bold)
            label.setFont(f)
        gap = max(4, int(10 * scale))
        self._layout.setContentsMargins(gap, gap // 2, gap, gap // 2)
        self._layout.setSpacing(gap)
        self.tiles.set_spacing(gap)
        self.chart.set_scale(scale)
        self.agent_grid.set_scale(scale)

    def shutdown(self) -> None:
        """Stop refreshing and end the worker (closing the feed on it). Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        if self._close_feed is not None:
            self.runner.submit(self._close_feed)
        self.runner.shutdown(wait=True)


class WallboardWindow(QWidget):
    """The top-level window of `desktop-agent wallboard`. Kiosk: full screen on the chosen screen,
    no window chrome, no mouse pointer; Ctrl+Q quits (F11 toggles full screen outside kiosk)."""

    closed = Signal()

    def __init__(self, board: WallboardWidget, *, kiosk: bool = False, screen: int | None = None) -> None:
        super().__init__()
        self.setObjectName("wallboardWindow")
        self.board = board
        self.kiosk = kiosk
        board.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(board)
        board.set_show_hints(not kiosk)
        self.setStyleSheet(f"QWidget#wallboardWindow {{ background: {BOARD}; }}")
        QShortcut(QKeySequence("Ctrl+Q"), self, activated=self.close)
        if not kiosk:
            QShortcut(QKeySequence(Qt.Key.Key_F11), self, activated=self.toggle_full_screen)
        self._screen = screen
        self.retranslate()
        if kiosk:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setCursor(Qt.CursorShape.BlankCursor)
        self.resize(1600, 900)

    def place(self) -> None:
        """Move to the chosen screen; in kiosk mode fill it (also where no window manager would)."""
        screens = QGuiApplication.screens()
        target = None
        if self._screen is not None and 0 <= self._screen < len(screens):
            target = screens[self._screen]
        elif self.kiosk:
            target = QGuiApplication.primaryScreen()
        if target is not None:
            self.move(target.geometry().topLeft())
            if self.kiosk:
                self.setGeometry(target.geometry())
        if self.kiosk:
            self.showFullScreen()
        else:
            self.show()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Wallboard", "Desktop Agent — Wallboard"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.board.shutdown()
        super().closeEvent(event)
        self.closed.emit()


def screen_count() -> int:
    return len(QGuiApplication.screens())
