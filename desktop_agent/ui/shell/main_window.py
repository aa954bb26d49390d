"""The operator window. It composes; it decides nothing about calls, tickets or agents.

    ┌ menus: Call · Agent · View · Help ─────────────────────────────────────┐
    │ call bar (toolbar)                                  │ my KPIs (toolbar)│
    ├──────────────┬───────────────────────────────┬──────────────────────────┤
    │ left panes   │ central workspace (tabs)      │ right panes (wrap-up…)   │
    ├──────────────┴───────────────────────────────┴──────────────────────────┤
    │ status bar: notices · telephony backend · database                      │
    └─────────────────────────────────────────────────────────────────────────┘

Each pane arrives built (app.py injects its services) and becomes a QDockWidget named after its
`pane_id`. The layout is saved per user on close and restored on start; a layout saved for another
set of panes is not restored. Reset layout returns to the layout the window was composed with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QGuiApplication, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.ui.call.bar import CallBar
from desktop_agent.ui.kit.i18n import current_language, fill, system_language
from desktop_agent.ui.kit.pane import Pane
from desktop_agent.ui.shell import actions as A
from desktop_agent.ui.shell.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.shell.dock_title import give_title_bar
from desktop_agent.ui.shell.help_overlay import HelpOverlay
from desktop_agent.ui.shell.settings import UiSettings
from desktop_agent.ui.shell.theme import Tone, app_icon, set_dim, tone_colour

if TYPE_CHECKING:
    from desktop_agent.ui.shell.about_dialog import AboutDialog
    from desktop_agent.ui.shell.about_info import AboutInfo

LAYOUT_VERSION = 1  # bump when the default arrangement changes in a way old saved states would break


class MainWindow(QMainWindow):
    closed = Signal()  # the window accepted its close: app.py shuts down
    first_painted = Signal()  # the first frame is on screen: work that can wait starts now

    def __init__(
        self,
        *,
        call_bar: CallBar,
        kpi_strip: QWidget,
        panes: Sequence[Pane],
        settings: UiSettings,
        about: AboutInfo,
        on_language: Callable[[str], None],
        on_theme: Callable[[str], None],
        can_close: Callable[[], bool] = lambda: True,
        apply_settings: Callable[[UiSettings], None] | None = None,  # Settings… OK: all but language/theme
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operatorWindow")
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        self.settings = settings
        self.about_info = about
        self._on_language = on_language
        self._on_theme = on_theme
        self._can_close = can_close
        self._apply_settings = apply_settings
        self.registry = ActionRegistry(self)
        self.call_bar = call_bar
        self.panes = list(panes)
        self.docks: dict[str, QDockWidget] = {}

        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, call_bar)
        call_bar.register_actions(self.registry)
        self.kpi_bar = QToolBar(objectName="toolbar.kpi")
        self.kpi_bar.setMovable(True)
        self.kpi_bar.addWidget(kpi_strip)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.kpi_bar)
        self._compose_panes()
        self._register_window_actions()
        self._build_menus()
        self._build_status_bar()
        self.help_overlay = HelpOverlay(self.registry, self)
        self.retranslate()
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._set_default_geometry()
        self._restored = self.restore_layout()
        self._shown_once = False
        self._painted_once = False

    # ---- composition -----------------------------------------------------------------------
    def _compose_panes(self) -> None:
        central = [p for p in self.panes if p.default_area is None]
        if len(central) == 1:
            self.setCentralWidget(central[0])
        else:
            self.workspace = QTabWidget(objectName="workspace")
            self.workspace.setDocumentMode(True)
            for pane in central:
                self.workspace.addTab(pane, pane.title())
            if not central:
                self.workspace.addTab(self._placeholder(), "")
                self.workspace.tabBar().hide()
            self.setCentralWidget(self.workspace)
        for pane in self.panes:
            if pane.default_area is None:
                pane.register_actions(self.registry)
                continue
            dock = QDockWidget(pane.title(), self)
            dock.setObjectName(pane.pane_id)
            dock.setWidget(pane)
            dock.setMinimumWidth(pane.minimum_width)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable)
            give_title_bar(dock)
            self.addDockWidget(pane.default_area, dock)
            self.docks[pane.pane_id] = dock
            pane.register_actions(self.registry)
        # The right column (templates, checklist: needed during a call) keeps its full height; a pane
        # at the bottom (the leads' wallboard) takes the caller card's corner instead.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # Tab groups after all docks exist, so a pane may name one listed after it. The pane named
        # by `tab_with` stays in front; a pane that is needed later raises itself.
        for pane in self.panes:
            target = self.docks.get(pane.tab_with)
            dock = self.docks.get(pane.pane_id)
            if target is not None and dock is not None and target is not dock:
                self.tabifyDockWidget(target, dock)
                target.raise_()
        for pane in self.panes:
            if pane.focus_shortcut:
                spec = ActionSpec(f"pane.focus.{pane.pane_id}", pane.pane_id, (pane.focus_shortcut,),
                                  A.GROUP_PANES, title_fn=pane.title)
                self.registry.add(spec, partial(self.focus_pane, pane))

    def _placeholder(self) -> QWidget:
        page = QWidget(objectName="workspacePlaceholder")
        self.placeholder_text = QLabel()
        self.placeholder_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_dim(self.placeholder_text)
        self.placeholder_text.setWordWrap(True)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(icon)
        layout.addWidget(self.placeholder_text)
        layout.addStretch(2)
        return page

    def focus_pane(self, pane: Pane) -> None:
        dock = self.docks.get(pane.pane_id)
        if dock is not None:
            dock.show()
            dock.raise_()
        elif isinstance(self.centralWidget(), QTabWidget):
            self.workspace.setCurrentWidget(pane)
        pane.focus_target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _register_window_actions(self) -> None:
        r = self.registry
        r.add(A.VIEW_LANG_RU, partial(self._language, "ru"))
        r.add(A.VIEW_LANG_EN, partial(self._language, "en"))
        r.add(A.VIEW_THEME_LIGHT, partial(self._theme, "light"))
        r.add(A.VIEW_THEME_DARK, partial(self._theme, "dark"))
        r.add(A.VIEW_RESET_LAYOUT, self.reset_layout)
        r.add(A.HELP_SHORTCUTS, lambda: self.help_overlay.toggle())
        r.add(A.HELP_ABOUT, self.show_about)
        r.add(A.APP_QUIT, self.close)
        if self._apply_settings is not None:
            r.add(A.APP_SETTINGS, self.show_settings)
        for ids in (("view.lang.ru", "view.lang.en"), ("view.theme.light", "view.theme.dark")):
            group = QActionGroup(self)
            for action_id in ids:
                group.addAction(r.get(action_id))

    def _build_menus(self) -> None:
        r = self.registry
        bar = self.menuBar()
        self.menu_call = bar.addMenu("")
        for spec in A.CALL_ACTIONS:
            self.menu_call.addAction(r.get(spec.id))
        self.menu_agent = bar.addMenu("")
        for spec in (A.AGENT_READY, A.AGENT_NOT_READY):
            self.menu_agent.addAction(r.get(spec.id))
        if A.AGENT_DISPOSITION.id in r:
            self.menu_agent.addAction(r.get(A.AGENT_DISPOSITION.id))
        self.menu_agent.addSeparator()
        if A.APP_SETTINGS.id in r:
            self.menu_agent.addAction(r.get(A.APP_SETTINGS.id))
        self.menu_agent.addAction(r.get(A.APP_QUIT.id))
        self.menu_view = bar.addMenu("")
        self.menu_language = QMenu(self)
        self.menu_language.addAction(r.get("view.lang.ru"))
        self.menu_language.addAction(r.get("view.lang.en"))
        self.menu_view.addMenu(self.menu_language)
        self.menu_view.addAction(r.get("view.theme.light"))
        self.menu_view.addAction(r.get("view.theme.dark"))
        self.menu_view.addSeparator()
        self.menu_panes = QMenu(self)
        for pane in self.panes:
            action_id = f"pane.focus.{pane.pane_id}" if pane.focus_shortcut else pane.focus_action_id
            if action_id and action_id in r:
                self.menu_panes.addAction(r.get(action_id))
        self.menu_view.addMenu(self.menu_panes)
        self.menu_view.addAction(r.get(A.VIEW_RESET_LAYOUT.id))
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(r.get(A.HELP_SHORTCUTS.id))
        self.menu_help.addAction(r.get(A.HELP_ABOUT.id))

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.backend_label = QLabel(objectName="backendState")
        self.database_label = QLabel(objectName="databaseState")
        for label in (self.backend_label, self.database_label):
            label.setContentsMargins(6, 0, 6, 0)
        status.addPermanentWidget(self.backend_label)
        status.addPermanentWidget(self.database_label)
        self._backend = ("", "")
        self._database = ("", True)

    # ---- status ----------------------------------------------------------------------------
    def set_backend_state(self, state: str, detail: str = "") -> None:
        self._backend = (state, detail)
        ok = state in ("running", "registered", "started")
        words = {"running": self.tr("running"), "registered": self.tr("registered"),
                 "starting": self.tr("starting"), "stopped": self.tr("stopped"),
                 "unavailable": self.tr("unavailable"), "failed": self.tr("failed"),
                 "restarting": self.tr("restarting")}
        text = fill(self.tr("Telephony: %1"), words.get(state, state))
        self.backend_label.setText(f"● {text}")
        self.backend_label.setToolTip(detail)
        colour = tone_colour(self.palette(), Tone.READY if ok else Tone.DANGER).name()
        self.backend_label.setStyleSheet(f"color: {colour};")

    def set_database_state(self, where: str, ok: bool = True) -> None:
        self._database = (where, ok)
        text = fill(self.tr("Database: %1"), where)
        self.database_label.setText(f"● {text}" if ok else f"● {text} — {self.tr('not connected')}")
        colour = tone_colour(self.palette(), Tone.READY if ok else Tone.DANGER).name()
        self.database_label.setStyleSheet(f"color: {colour};")

    def show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # ---- language and theme ----------------------------------------------------------------
    def _language(self, language: str) -> None:
        self._on_language(language)
        self.sync_choices(language=language)

    def _theme(self, theme: str) -> None:
        self._on_theme(theme)
        self.sync_choices(theme=theme)

    def sync_choices(self, *, language: str | None = None, theme: str | None = None) -> None:
        if language:
            self.registry.get(f"view.lang.{language}").setChecked(True)
        if theme:
            self.registry.get(f"view.theme.{theme}").setChecked(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Desktop Agent — operator"))
        self.registry.retranslate()
        self.menu_call.setTitle(self.tr("&Call"))
        self.menu_agent.setTitle(self.tr("&Agent"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_panes.setTitle(self.tr("&Panes"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.kpi_bar.setWindowTitle(self.tr("My day"))
        for pane in self.panes:
            dock = self.docks.get(pane.pane_id)
            if dock is not None:
                dock.setWindowTitle(pane.title())
            elif isinstance(self.centralWidget(), QTabWidget):
                index = self.workspace.indexOf(pane)
                if index >= 0:
                    self.workspace.setTabText(index, pane.title())
        if hasattr(self, "placeholder_text"):
            self.placeholder_text.setText(self.tr(
                "Waiting for calls. The caller's card and the ticket appear here when a call rings.\n"
                "F1 lists every shortcut."))
        if self._backend[0]:
            self.set_backend_state(*self._backend)
        if self._database[0]:
            self.set_database_state(*self._database)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            if self._backend[0]:
                self.set_backend_state(*self._backend)
            if self._database[0]:
                self.set_database_state(*self._database)
        super().changeEvent(event)

    # ---- layout ----------------------------------------------------------------------------
    def layout_key(self) -> str:
        ids = sorted(p.pane_id for p in self.panes)
        return f"v{LAYOUT_VERSION}:" + ",".join(ids)

    def _set_default_geometry(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1366, 768)
            return
        area = screen.availableGeometry()
        width, height = min(area.width(), max(1280, int(area.width() * 0.9))), min(area.height(),
                                                                                   int(area.height() * 0.9))
        self.resize(min(width, 1680), min(height, 1020))
        self.move(area.center() - self.rect().center())

    def restore_layout(self) -> bool:
        """Restore the user's saved geometry and docks, if they were saved for these panes."""
        s = self.settings
        if s.layout_key != self.layout_key() or not s.window_state:
            return False
        if s.window_geometry:
            self.restoreGeometry(QByteArray(s.window_geometry))
        return self.restoreState(QByteArray(s.window_state), LAYOUT_VERSION)

    def save_layout(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().data())
        self.settings.window_state = bytes(self.saveState(LAYOUT_VERSION).data())
        self.settings.layout_key = self.layout_key()

    def _default_dock_widths(self) -> None:
        """Side columns in proportion to the window (docks start at their minimum width otherwise):
        the caller card about a quarter, templates and checklist a little more, the ticket the rest."""
        width = self.width()
        for area, share in ((Qt.DockWidgetArea.LeftDockWidgetArea, 0.24),
                            (Qt.DockWidgetArea.RightDockWidgetArea, 0.30)):
            docks = [d for d in self.docks.values() if self.dockWidgetArea(d) == area and d.isVisible()]
            if docks:
                self.resizeDocks([docks[0]], [int(width * share)], Qt.Orientation.Horizontal)
        # A pane at the bottom (the leads' wallboard) gets nearly half the height: its tiles need it.
        bottom = [d for d in self.docks.values()
                  if self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea and d.isVisible()]
        if bottom:
            self.resizeDocks([bottom[0]], [int(self.height() * 0.45)], Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._restored:
                QTimer.singleShot(0, self._default_dock_widths)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted_once:
            self._painted_once = True
            QTimer.singleShot(0, self.first_painted.emit)  # after this frame is flushed to the screen

    def reset_layout(self) -> None:
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._default_dock_widths()
        self.show_notice(self.tr("Layout reset"))

    def show_about(self) -> AboutDialog:
        from desktop_agent.ui.shell.about_dialog import (
            AboutDialog,  # with the licence list: not on the start path
        )

        dialog = AboutDialog(self.about_info, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_settings(self) -> QDialog:
        from desktop_agent.ui.shell.settings_dialog import open_settings_dialog  # not on the start path

        return open_settings_dialog(self, self.settings, self._settings_chosen, notice=self.show_notice)

    def _settings_chosen(self, chosen: UiSettings) -> None:
        """Language and theme through the menu actions' own path, so the menus stay in step; the
        rest (wrap-up policy, login, saving) is app.py's."""
        if chosen.theme != self.settings.theme:
            self._theme(chosen.theme)
        language = chosen.language or system_language()
        if language != current_language():
            self._language(language)
        if self._apply_settings is not None:
            self._apply_settings(chosen)

    def close_without_asking(self) -> None:
        """Close even during a call (shutdown paths that must not open a modal question)."""
        self._can_close = lambda: True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._can_close():
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
        self.closed.emit()


def confirm_quit_during_call(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("MainWindow", "Quit during a call?"),
        QCoreApplication.translate("MainWindow", "A call is still open. Quit anyway? "
                                                 "The call record keeps what was saved so far."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
