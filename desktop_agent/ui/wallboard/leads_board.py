"""The team lead's wallboard inside the operator window: a dock pane "Wallboard".

A lead runs the desk all day and takes calls now and then, so the board is a dock, not a window of
its own: it sits under the caller card and the ticket by default (templates and checklist keep the
full height on the right), F7 brings it forward, and F11 floats it full size onto the second screen
(or this one, when there is no other) and docks it back.

Who gets it: agents whose role is lead, trainer or admin (`sees_wallboard`); operators do not. The
role lives in the central database, so it is the centre's decision, not a per-desk setting a user
could switch on. app.py leaves the pane out for operators: they pay nothing for it.

Start-up: the board is the one part of the window that needs NumPy and pyqtgraph (about a second of
imports). The pane is built with a factory and creates the board the first time it can be seen,
a moment after the window is up, with the heavy modules imported on a worker thread first, so the
operator window stays interactive. The board itself stops refreshing whenever it cannot be seen
(dock closed, tab behind another, window minimised); `shutdown()` ends its worker on quit.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen, QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QVBoxLayout, QWidget

from desktop_agent.core.domain import Role
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.kit.pane import Area, Pane, on_screen
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell import actions as A
from desktop_agent.ui.shell.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.shell.theme import set_dim

log = logging.getLogger(__name__)

BOARD_ROLES = frozenset({Role.LEAD.value, Role.TRAINER.value, Role.ADMIN.value})
# F1 is the operator window's shortcut overlay; the embedded board names a tile's formula on
# Shift+F1 (Qt's "What's This?" key). No registry action may take it (a test checks).
FORMULA_KEY = "Shift+F1"
CREATE_DELAY_MS = 300     # after the pane is first seen: the window paints and goes interactive first

WALLBOARD_OWN_SCREEN = ActionSpec(
    "wallboard.own_screen", QT_TRANSLATE_NOOP("Actions", "Wallboard on its own screen"), ("F11",), A.GROUP_VIEW,
    QT_TRANSLATE_NOOP("Actions", "Float the wallboard full size onto the second screen, or dock it back"),
    checkable=True)


def sees_wallboard(role: str) -> bool:
    """Leads run the board; trainers watch a role-play's queue; admins tune its thresholds."""
    return role in BOARD_ROLES


def import_board_modules() -> None:
    """Runs on a worker thread: the board's modules and their NumPy and pyqtgraph, which only
    define classes at import time; the widgets are created on the GUI thread afterwards."""
    importlib.import_module("desktop_agent.ui.wallboard")


class LeadsBoardPane(Pane):
    pane_id: ClassVar[str] = "pane.leads_board"
    default_area: ClassVar[Area | None] = Area.BottomDockWidgetArea
    focus_shortcut: ClassVar[str] = "F7"
    minimum_width: ClassVar[int] = 480

    def __init__(self, factory: Callable[[], Any], *, preload: Callable[[], object] = import_board_modules,
                 create_delay_ms: int = CREATE_DELAY_MS, parent: QWidget | None = None) -> None:
        """factory: builds the WallboardWidget (app.py: wallboard_app.build_wallboard over the
        database); called once, on the GUI thread, after `preload` ran on a worker."""
        super().__init__(parent)
        self.setObjectName("leadsBoard")
        self._factory = factory
        self._preload = preload
        self._delay_ms = create_delay_ms
        self.board: Any = None
        self._loading = False
        self._closed = False
        self._error = ""
        self._runner: ServiceRunner | None = None
        self._own_screen: Any = None   # the F11 action, once registered
        self.placeholder = QLabel(self, objectName="leadsBoardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        set_dim(self.placeholder)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)
        self.retranslate()

    # ---- pane ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Wallboard")

    def retranslate(self) -> None:
        if self._error:
            self.placeholder.setText(fill(self.tr("The wallboard could not start: %1"), self._error))
        else:
            self.placeholder.setText(self.tr("Loading the wallboard…"))

    def focus_target(self) -> QWidget:
        return self.board if self.board is not None else self

    def register_actions(self, registry: ActionRegistry) -> None:
        self._own_screen = registry.add(WALLBOARD_OWN_SCREEN, self.toggle_own_screen)
        dock = self.dock()
        if dock is not None:
            dock.topLevelChanged.connect(self._own_screen.setChecked)
            # A dock whose tab goes behind another is moved out of sight, not hidden: no hide or
            # show event reaches the board, only this signal.
            dock.visibilityChanged.connect(self._dock_visibility)

    def dock(self) -> QDockWidget | None:
        parent = self.parentWidget()
        return parent if isinstance(parent, QDockWidget) else None

    # ---- the board, created once it can be seen ---------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._want_board()

    def _dock_visibility(self, visible: bool) -> None:
        if not visible:
            if self.board is not None:
                self.board.stop()
            return
        if self.board is not None:
            if self.board.isVisible():
                self.board.start()
        else:
            self._want_board()

    def _want_board(self) -> None:
        if self.board is None and not self._loading and not self._closed:
            self._loading = True
            QTimer.singleShot(self._delay_ms, self, self._start_loading)

    def seen(self) -> bool:
        return on_screen(self)

    def _start_loading(self) -> None:
        if self._closed:
            return
        if not self.seen():   # out of sight again: the next show or tab change tries again
            self._loading = False
            return
        self._runner = ServiceRunner("wallboard-load", self)
        self._runner.submit(self._preload, on_result=lambda _: self._create(), on_error=self._failed, owner=self)

    def _create(self) -> None:
        self._stop_loader()
        if self._closed:
            return
        try:
            board = self._factory()
        except Exception as exc:  # noqa: BLE001 - the desk keeps working without its board
            self._failed(exc)
            return
        had_focus = self._holds_focus()
        board.set_formula_key(FORMULA_KEY)
        self.board = board
        self._error = ""
        self.placeholder.hide()
        self._layout.addWidget(board)
        board.show()   # starts refreshing only if the pane can be seen now
        if had_focus:
            board.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        self._stop_loader()
        self._loading = False     # the next time the pane is shown, it tries again
        lines = str(exc).splitlines()
        self._error = lines[0] if lines else type(exc).__name__
        log.warning("the wallboard could not start: %s", self._error, exc_info=exc)
        self.retranslate()

    def _stop_loader(self) -> None:
        if self._runner is not None:
            self._runner.shutdown(wait=False)
            self._runner = None

    def _holds_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self or self.isAncestorOf(focused))

    def shutdown(self) -> None:
        """On quit: stop the board's refresh and its worker (closing the feed). Safe to call twice."""
        self._closed = True
        self._stop_loader()
        if self.board is not None:
            self.board.shutdown()

    # ---- its own screen ----------------------------------------------------------------------
    def toggle_own_screen(self) -> None:
        dock = self.dock()
        if dock is None:
            return
        if dock.isFloating():
            dock.setFloating(False)
        else:
            dock.show()
            dock.setFloating(True)
            dock.setGeometry(self._target_screen(dock).availableGeometry())
            dock.raise_()
            dock.activateWindow()
        if self._own_screen is not None:
            self._own_screen.setChecked(dock.isFloating())

    @staticmethod
    def _target_screen(dock: QDockWidget) -> QScreen:
        """Another screen than the operator window's when there is one: that is what a lead's
        second monitor is for."""
        main = dock.parentWidget()
        here = (main.screen() if main is not None else None) or QGuiApplication.primaryScreen()
        others = [s for s in QGuiApplication.screens() if s is not here]
        return others[0] if others else here
