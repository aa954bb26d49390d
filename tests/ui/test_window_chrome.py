"""The window's chrome without an application style sheet: pane title bars (float, close, title in
both languages), secondary text in the palette's dim colour, the call bar's own small style sheet
following the theme, and the first-frame signal the start waits for."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from test_main_window import make_window  # noqa: F401 - the fixture

from desktop_agent.ui.shell.dock_title import DockTitleBar
from desktop_agent.ui.shell.theme import apply_theme, call_bar_sheet, keep_sheet, scheme, set_dim

pytestmark = pytest.mark.gui


def test_no_application_style_sheet_and_dim_text_follows_the_theme(qapp):
    apply_theme(qapp, "light")
    assert qapp.styleSheet() == ""  # one would route every widget through Qt's style-sheet engine
    label = QLabel("hint")
    set_dim(label)
    assert label.foregroundRole() == QPalette.ColorRole.PlaceholderText
    assert label.palette().color(label.foregroundRole()).name() == scheme("light").dim_text
    apply_theme(qapp, "dark")
    try:
        QTest.qWait(10)  # the application palette reaches widgets as a posted event
        assert label.palette().color(label.foregroundRole()).name() == scheme("dark").dim_text
    finally:
        apply_theme(qapp, "light")
        QTest.qWait(10)
    set_dim(label, False)
    assert label.foregroundRole() == QPalette.ColorRole.WindowText


def test_a_kept_sheet_is_set_again_when_the_theme_changes(qapp, qtbot):
    apply_theme(qapp, "light")
    label = QLabel()
    qtbot.addWidget(label)
    keep_sheet(label, call_bar_sheet)
    assert scheme("light").border in label.styleSheet()
    apply_theme(qapp, "dark")
    try:
        QTest.qWait(10)
        assert scheme("dark").border in label.styleSheet()
        assert scheme("light").border not in label.styleSheet()
    finally:
        apply_theme(qapp, "light")


def test_pane_title_bars_float_close_and_translate(make_window, qtbot):  # noqa: F811
    parts = make_window()
    window = parts.window
    dock = window.docks["pane.templates"]
    bar = dock.titleBarWidget()
    assert isinstance(bar, DockTitleBar)
    assert bar.title.text() == dock.windowTitle() == "Templates"
    assert bar.float_button.toolTip() == "Detach into its own window"
    bar.float_button.click()
    qtbot.waitUntil(dock.isFloating, timeout=2000)
    assert bar.float_button.toolTip() == "Put back into the window"
    bar.float_button.click()
    qtbot.waitUntil(lambda: not dock.isFloating(), timeout=2000)
    window.registry.get("view.lang.ru").trigger()
    QTest.qWait(10)
    assert bar.title.text() == "Шаблоны"
    assert bar.close_button.toolTip().startswith("Закрыть панель")
    window.registry.get("view.lang.en").trigger()
    QTest.qWait(10)
    bar.close_button.click()
    assert not dock.isVisible()
    window.reset_layout()
    assert dock.isVisible()


def test_the_window_says_when_its_first_frame_is_painted(make_window, qtbot):  # noqa: F811
    parts = make_window()  # shown, but no event has been processed yet: nothing is painted
    assert not parts.window._painted_once
    with qtbot.waitSignal(parts.window.first_painted, timeout=5000):
        pass  # the start logs "interactive" and lets deferred work begin on this signal
