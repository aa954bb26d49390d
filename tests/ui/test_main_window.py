"""The operator window's frame: composition, actions and shortcuts, layout save/restore/reset,
language and theme switching, the F1 overlay, the About dialog, and 1366x768."""

from __future__ import annotations

import pytest
from operator_harness import FakeSoftphone
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit

from desktop_agent import __version__
from desktop_agent.app import build_window
from desktop_agent.ui.kit.i18n import Translations, choose_language
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.actions import ActionRegistry, ActionSpec, ShortcutClash
from desktop_agent.ui.shell.settings import SettingsStore, UiSettings
from desktop_agent.ui.shell.theme import apply_theme, is_dark

pytestmark = pytest.mark.gui


@pytest.fixture
def make_window(qapp, sqlite_services):
    built = []
    translations = Translations(qapp)

    def make(settings: UiSettings | None = None):
        settings = settings or UiSettings()
        parts = build_window(
            services=sqlite_services, softphone=FakeSoftphone(), settings=settings, save_settings=lambda: None,
            on_language=translations.install, on_theme=lambda theme: apply_theme(qapp, theme),
            about=AboutInfo("/home/op/.local/share/desktop-agent/desktop-agent.sqlite3", "simulator",
                            "/home/op/.config/desktop-agent/ui-settings.json"),
            backend_label="fake")
        parts.window.resize(1366, 768)
        parts.window.show()
        built.append(parts)
        return parts

    yield make
    if translations.language != "en":
        translations.install("en")
    if is_dark(qapp.palette()):
        apply_theme(qapp, "light")
    QTest.qWait(10)  # let the windows take the language and palette change before they go
    for parts in built:
        parts.window.close_without_asking()
        parts.window.deleteLater()
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)


def test_every_action_has_a_unique_shortcut_shown_in_its_tooltip(make_window):
    window = make_window().window
    specs = list(window.registry)
    ids = {s.id for s in specs}
    for needed in ("call.answer", "call.hold", "call.mute", "call.transfer", "call.dtmf", "call.hangup",
                   "agent.ready", "agent.not_ready", "agent.disposition", "view.reset_layout", "help.shortcuts"):
        assert needed in ids
    seen: dict[str, str] = {}
    for spec in specs:
        action = window.registry.get(spec.id)
        assert action.shortcuts(), spec.id
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert shown and f"({shown})" in action.toolTip(), (spec.id, action.toolTip())
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} on both {seen.get(text)} and {spec.id}"
            seen[text] = spec.id
    assert window.registry.get("call.answer").shortcut().toString() == "Ctrl+Return"
    assert window.registry.get("call.hangup").shortcut().toString() == "Ctrl+E"
    assert window.registry.get("agent.ready").shortcut().toString() == "F9"


def test_the_registry_refuses_clashes_and_actions_without_keys(qapp, make_window):
    window = make_window().window
    registry = ActionRegistry(window)
    registry.add(ActionSpec("x.one", "One", ("Ctrl+Alt+J",), "View"))
    with pytest.raises(ShortcutClash):
        registry.add(ActionSpec("x.two", "Two", ("Ctrl+Alt+J",), "View"))
    with pytest.raises(ShortcutClash):
        registry.add(ActionSpec("x.three", "Three", (), "View"))
    with pytest.raises(ShortcutClash):
        registry.add(ActionSpec("x.one", "Again", ("Ctrl+Alt+K",), "View"))


def test_panes_are_docks_and_menus_hold_the_actions(make_window):
    window = make_window().window
    docks = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert "pane.wrapup" in docks
    for pane in window.panes:
        if pane.default_area is not None:
            assert window.docks[pane.pane_id].widget() is pane
    call_menu = [a.objectName() for a in window.menu_call.actions()]
    assert call_menu[:2] == ["call.answer", "call.hold"] and "call.hangup" in call_menu
    assert window.call_bar.objectName() == "callBar"
    assert window.toolBarArea(window.call_bar) == Qt.ToolBarArea.TopToolBarArea


def test_layout_is_saved_restored_and_reset(make_window, tmp_path):
    first = make_window()
    window = first.window
    dock = window.docks["pane.wrapup"]
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.resize(1300, 740)
    window.save_layout()
    store = SettingsStore(tmp_path / "ui-settings.json")
    store.save(window.settings)

    again = make_window(SettingsStore(tmp_path / "ui-settings.json").load()).window
    QTest.qWait(50)
    assert again.dockWidgetArea(again.docks["pane.wrapup"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    again.registry.get("view.reset_layout").trigger()
    assert again.dockWidgetArea(again.docks["pane.wrapup"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not again.docks["pane.wrapup"].isFloating()


def test_a_layout_saved_for_other_panes_is_not_restored(make_window):
    window = make_window().window
    window.save_layout()
    settings = window.settings
    settings.layout_key = "v1:pane.somebody_elses"
    other = make_window(settings).window
    assert not other.restore_layout()


def test_language_switch_retranslates_the_window(qapp, make_window):
    window = make_window().window
    window.registry.get("view.lang.ru").trigger()
    QTest.qWait(10)  # LanguageChange reaches widgets as a posted event
    assert window.menu_call.title() == "&Звонок"
    assert window.registry.get("call.answer").text() == "Ответить"
    assert "(Ctrl+Return)" in window.registry.get("call.answer").toolTip()
    assert window.docks["pane.wrapup"].windowTitle() == "Постобработка"
    assert window.call_bar.state_pill.text() in ("Не в системе", "Готов")
    assert window.registry.get("view.lang.ru").isChecked()
    window.registry.get("view.lang.en").trigger()
    QTest.qWait(10)
    assert window.menu_call.title() == "&Call"
    assert window.registry.get("call.answer").text() == "Answer"


def test_language_choice_order():
    assert choose_language("en", "ru") == "en"          # --lang wins
    assert choose_language(None, "ru") == "ru"          # then the menu choice
    from PySide6.QtCore import QLocale

    assert choose_language(None, "", QLocale(QLocale.Language.Russian)) == "ru"
    assert choose_language(None, "", QLocale(QLocale.Language.German)) == "en"


def test_theme_switch_changes_the_palette(qapp, make_window):
    window = make_window().window
    window.registry.get("view.theme.dark").trigger()
    assert is_dark(qapp.palette())
    text = qapp.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightness() > 180  # readable on the dark window
    window.registry.get("view.theme.light").trigger()
    assert not is_dark(qapp.palette())


def test_f1_overlay_lists_every_action(make_window):
    window = make_window().window
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    overlay = window.help_overlay
    assert overlay.isVisible()
    listed = {what for rows in overlay.rows().values() for _keys, what in rows}
    for spec in window.registry:
        assert window.registry.title(spec) in listed, spec.id
    assert overlay.card.geometry().bottom() <= window.height()  # fits at 1366x768
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_about_dialog_names_version_database_and_licences(make_window):
    dialog = make_window().window.show_about()
    text = dialog.findChild(object, "aboutText").text()
    assert __version__ in text and "desktop-agent.sqlite3" in text
    notice = dialog.findChild(object, "qtNotice").text()
    assert "LGPL" in notice and "Qt" in notice
    table = dialog.findChild(object, "componentsTable")
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert any("PySide6" in n for n in names) and "SQLAlchemy" in names
    assert all(table.item(r, 2).text() for r in range(table.rowCount()))
    dialog.close()


def test_the_call_bar_fits_at_1366_wide(make_window):
    window = make_window().window
    QTest.qWait(50)
    assert window.minimumSizeHint().height() <= 768 and window.minimumSizeHint().width() <= 1366
    for action_id, button in window.call_bar.buttons.items():
        assert button.isVisible(), f"{action_id} is pushed into the toolbar's overflow at 1366 px"


def test_call_keys_win_over_a_text_field(make_window):
    """On Linux a QLineEdit claims Ctrl+E (end of line): the hang-up key must still reach the call."""
    window = make_window().window
    field = QLineEdit(window)
    field.show()
    window.activateWindow()
    field.setFocus()
    QTest.qWait(10)
    assert QApplication.focusWidget() is field
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    hangup = window.registry.get("call.hangup")
    hangup.setEnabled(True)
    assert QApplication.sendEvent(field, override)  # stopped before the field could claim it
    hangup.setEnabled(False)
    left = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(field, left)  # a disabled call action leaves the key to the field
    plain = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(field, plain)
    assert plain.isAccepted()  # Ctrl+A (select all) stays the field's


def test_company_name_for_templates_arrives_after_the_window(make_window, sqlite_services, qtbot):
    # app.build_services leaves company_names to be read from the shipped defaults after the window
    # shows (YAML is not worth delaying the start for); the templates pane gets it shortly after.
    from desktop_agent.app import read_company_names
    from desktop_agent.ui.templates.pane import TemplatesPane

    names = read_company_names()
    assert names.get("en")  # demo.yaml names the company in both languages
    sqlite_services.company_names = None
    parts = make_window()
    templates = next(p for p in parts.panes if isinstance(p, TemplatesPane))
    qtbot.waitUntil(lambda: templates.company_name in set(names.values()), timeout=5000)
