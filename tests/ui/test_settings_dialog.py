"""Agent ▸ Settings… (Ctrl+,): the form shows the current values and cannot hold a bad one; OK
applies and saves (the running call flow's wrap-up policy changes at once, and auto-Ready then
fires at the new limit on a real simulated call); Cancel changes nothing; defaults restore."""

from __future__ import annotations

import contextlib
import json
import math

import pytest
from operator_harness import until
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from window_fixtures import quiet_simulator_window

from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.call_session import CallState, WrapupPolicy, running_wrapup_limit
from desktop_agent.telephony.protocol import TelephonyError
from desktop_agent.ui.kit.i18n import Translations, current_language
from desktop_agent.ui.shell.settings import SettingsError, SettingsStore, UiSettings, set_value
from desktop_agent.ui.shell.settings_dialog import SettingsDialog
from desktop_agent.ui.shell.theme import apply_theme, is_dark

pytestmark = pytest.mark.gui

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def press(dialog: SettingsDialog, button: QDialogButtonBox.StandardButton) -> None:
    QTest.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def type_into(widget, text: str) -> None:  # noqa: ANN001
    """Replace the widget's text by typing, as a keyboard would (QTest.keyClicks is Latin-1 only)."""
    widget.setFocus()
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    line.selectAll()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(line, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def desk(qapp, qloop, sqlite_services, tmp_path):
    """The real window over the built-in simulator (the operator is its only agent, no random
    caller comes), its settings saved to a real file."""
    store = SettingsStore(tmp_path / "ui-settings.json")
    settings = UiSettings(wrapup_limit_seconds=120, wrapup_auto_ready=False, language="en")
    store.save(settings)
    translations = Translations(qapp)
    translations.install("en")

    def on_language(lang: str) -> None:
        translations.install(lang)
        settings.language = lang
        store.save(settings)

    def on_theme(theme: str) -> None:
        apply_theme(qapp, theme)
        settings.theme = theme
        store.save(settings)

    services = sqlite_services
    parts, phone = quiet_simulator_window(services, settings, seed=5, save_settings=lambda: store.save(settings),
                                          on_language=on_language, on_theme=on_theme)
    yield parts, phone, services, store
    for widget in QApplication.topLevelWidgets():  # a dialog a failed test left open
        if isinstance(widget, SettingsDialog):
            widget.close()
    translations.install("en")
    if is_dark(qapp.palette()):
        apply_theme(qapp, "light")
    QTest.qWait(10)
    parts.window.close_without_asking()
    parts.window.deleteLater()
    with contextlib.suppress(RuntimeError, TelephonyError):  # stopped by the test, or never started
        parts.flow.stop()
        qloop.run_until_complete(phone.stop())
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)


def open_by_shortcut(parts) -> SettingsDialog:  # noqa: ANN001
    window = parts.window
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible() and dialog.isModal(), "Ctrl+, opens the settings"
    return dialog


def saved(store: SettingsStore) -> dict:
    return json.loads(store.path.read_text(encoding="utf-8"))


def pane(parts, pane_id: str):  # noqa: ANN001
    return next(p for p in parts.panes if p.pane_id == pane_id)


# ---- the form ---------------------------------------------------------------------------------

def test_the_form_shows_the_current_values_with_our_labels(qtbot):
    current = UiSettings(wrapup_limit_seconds=45, wrapup_auto_ready=True, language="ru", theme="dark",
                         agent_login="op.petrova", window_state=b"\x01layout")
    dialog = SettingsDialog(current)
    qtbot.addWidget(dialog)
    e = dialog.editors
    assert set(e) == {"wrapup_limit_seconds", "wrapup_auto_ready", "language", "theme", "agent_login"}
    assert e["wrapup_limit_seconds"].value() == 45 and e["wrapup_auto_ready"].isChecked()
    assert e["language"].currentData() == "ru" and e["language"].currentText() == "Русский"
    assert e["theme"].currentData() == "dark" and e["theme"].currentText() == "Dark"
    assert e["agent_login"].text() == "op.petrova"
    shown = [w.text() for w in dialog.findChildren(object) if hasattr(w, "text") and isinstance(w.text(), str)]
    for title in UiSettings.titles().values():  # translated labels, never the metadata titles
        assert title not in shown
    assert dialog.chosen() == current  # unchanged form: the same settings, geometry blobs kept


def test_the_settings_file_refuses_what_the_form_cannot_enter(tmp_path):
    s = UiSettings()
    with pytest.raises(SettingsError, match="at most 3600"):
        set_value(s, "wrapup_limit_seconds", 3601)
    with pytest.raises(SettingsError, match="only letters, digits"):
        set_value(s, "agent_login", "op|ivanova")
    set_value(s, "agent_login", "Иванова.И@call-1")
    path = tmp_path / "ui.json"
    path.write_text(json.dumps({"schema_version": 1, "wrapup_limit_seconds": 7200, "agent_login": "a b",
                                "theme": "dark"}), encoding="utf-8")
    loaded = SettingsStore(path).load()  # each bad value falls back to its default, the rest is kept
    assert (loaded.wrapup_limit_seconds, loaded.agent_login, loaded.theme) == (60, "", "dark")


def test_out_of_range_values_cannot_be_entered(qtbot):
    dialog = SettingsDialog(UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    limit = dialog.editors["wrapup_limit_seconds"]
    assert (limit.minimum(), limit.maximum(), limit.singleStep()) == (0, 3600, 5)
    type_into(limit, "99999")
    assert limit.value() <= 3600
    type_into(limit, "-5")
    assert limit.value() >= 0
    limit.setValue(0)
    assert limit.text() == "No limit"
    QTest.keyClick(limit, Qt.Key.Key_Up)
    assert limit.value() == 5

    login = dialog.editors["agent_login"]
    type_into(login, "op ivanova|x")
    assert login.text() == "opivanovax"  # a space or `|` would break the queue_log agent field
    type_into(login, "Иванова.И@call-1")
    assert login.text() == "Иванова.И@call-1"
    validator = login.validator()
    assert validator.validate("a" * 65, 65)[0] is QValidator.State.Invalid
    assert dialog.chosen().agent_login == "Иванова.И@call-1"
    assert [dialog.editors["theme"].itemData(i) for i in range(dialog.editors["theme"].count())] == ["light", "dark"]
    assert [dialog.editors["language"].itemData(i) for i in range(3)] == ["", "ru", "en"]


def test_restore_defaults_refills_the_form_and_applies_only_on_ok(qtbot):
    current = UiSettings(wrapup_limit_seconds=300, wrapup_auto_ready=True, language="ru", theme="dark",
                         agent_login="lead.kim")
    dialog = SettingsDialog(current)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    defaults = UiSettings()
    e = dialog.editors
    assert (e["wrapup_limit_seconds"].value(), e["wrapup_auto_ready"].isChecked(), e["language"].currentData(),
            e["theme"].currentData(), e["agent_login"].text()) == (60, False, "", "light", "")
    assert current.wrapup_limit_seconds == 300 and current.theme == "dark"  # nothing applied yet
    chosen = dialog.chosen()
    assert [getattr(chosen, n) for n in e] == [getattr(defaults, n) for n in e]


def test_running_wrapup_takes_the_longer_limit():
    assert running_wrapup_limit(60, 120) == 120   # more time: at once
    assert running_wrapup_limit(120, 30) == 120   # never cut short
    assert running_wrapup_limit(60, 0) == 0       # the limit lifted: at once
    assert running_wrapup_limit(0, 30) == 0       # no limit stays no limit until the next call


# ---- in the window ----------------------------------------------------------------------------

def test_the_shortcut_opens_it_and_cancel_changes_nothing(desk, qloop):
    parts, _phone, _services, store = desk
    before_file = store.path.read_text(encoding="utf-8")
    before_policy = parts.flow.policy
    assert "app.settings" in [a.objectName() for a in parts.window.menu_agent.actions()]
    dialog = open_by_shortcut(parts)
    assert dialog.editors["wrapup_limit_seconds"].value() == 120
    type_into(dialog.editors["wrapup_limit_seconds"], "15")
    dialog.editors["wrapup_auto_ready"].setChecked(True)
    dialog.editors["theme"].setCurrentIndex(1)
    dialog.editors["language"].setCurrentIndex(1)
    press(dialog, CANCEL)
    QTest.qWait(10)
    assert parts.window.findChild(SettingsDialog) is None  # closed, and deleted with it
    assert store.path.read_text(encoding="utf-8") == before_file
    assert parts.flow.policy == before_policy == WrapupPolicy(120, False)
    assert not is_dark(QApplication.instance().palette()) and current_language() == "en"
    assert not pane(parts, "pane.wrapup").auto_ready.isChecked()
    dialog = open_by_shortcut(parts)  # Esc is Cancel too
    type_into(dialog.editors["wrapup_limit_seconds"], "15")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert store.path.read_text(encoding="utf-8") == before_file and parts.flow.policy == before_policy


async def call_into_wrapup(parts, phone, services) -> str:  # noqa: ANN001
    """A simulated caller rings, is answered and hung up; wrap-up starts with the first disposition picked."""
    flow, wrapup = parts.flow, pane(parts, "pane.wrapup")
    call_id = phone.offer_call(services.numbers[0], "Smirnov", talk=math.inf, patience=math.inf)
    await until(lambda: flow.current is not None and flow.current.state is CallState.RINGING, what="the ring")
    flow.answer()
    await until(lambda: flow.current.state is CallState.TALKING, what="answer")
    flow.hangup()
    await until(lambda: flow.current.state is CallState.WRAPUP, what="wrap-up")
    await until(lambda: wrapup.list.count() > 0, what="dispositions")
    wrapup.list.setCurrentRow(0)
    return call_id


def test_ok_saves_and_auto_ready_fires_at_the_new_limit_on_a_real_call(desk, qloop):
    parts, phone, services, store = desk
    flow, wrapup = parts.flow, pane(parts, "pane.wrapup")
    finished = []
    flow.call_finished.connect(finished.append)

    async def scenario() -> tuple[str, str]:
        await phone.start()
        flow.start(ready=True)
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready after login")
        dialog = open_by_shortcut(parts)
        type_into(dialog.editors["wrapup_limit_seconds"], "2")
        QTest.mouseClick(dialog.editors["wrapup_auto_ready"], Qt.MouseButton.LeftButton)
        press(dialog, OK)
        on_disk = saved(store)
        assert (on_disk["wrapup_limit_seconds"], on_disk["wrapup_auto_ready"]) == (2, True)
        assert flow.policy == WrapupPolicy(limit_seconds=2, auto_ready=True)
        assert wrapup.auto_ready.isChecked() and "0:02" in wrapup.auto_ready.toolTip()

        call_id = await call_into_wrapup(parts, phone, services)  # a disposition, and no F9: the limit ends it
        code = flow.current.disposition
        await until(lambda: bool(finished), timeout=6, what="auto-Ready at the new limit")
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready again")
        await phone.stop()
        return call_id, code

    call_id, code = qloop.run_until_complete(scenario())
    summary = finished[0]
    assert summary.call_id == call_id and summary.auto_ready and summary.disposition == code
    assert 2 <= summary.wrapup_seconds <= 3, summary.wrapup_seconds
    stored = qloop.run_until_complete(parts.db_runner.run(services.interactions.by_callid, call_id))
    assert stored.disposition == code and 2 <= stored.wrapup_seconds <= 3


def test_a_change_during_wrapup_never_cuts_the_running_countdown_short(desk, qloop):
    parts, phone, services, store = desk
    flow, wrapup = parts.flow, pane(parts, "pane.wrapup")

    async def scenario() -> None:
        await phone.start()
        flow.start(ready=True)
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready after login")
        await call_into_wrapup(parts, phone, services)
        session = flow.current

        dialog = open_by_shortcut(parts)  # lowered to 1 s with auto-Ready: the running 120 s stay
        type_into(dialog.editors["wrapup_limit_seconds"], "1")
        dialog.editors["wrapup_auto_ready"].setChecked(True)
        press(dialog, OK)
        assert flow.policy == WrapupPolicy(1, True) and saved(store)["wrapup_limit_seconds"] == 1
        assert session.policy == WrapupPolicy(120, True)
        await until(lambda: session.wrapup_seconds > 1.6, what="past the new limit")
        assert flow.current is session and session.state is CallState.WRAPUP
        assert 100 < session.wrapup_remaining <= 119

        wrapup.auto_ready.setChecked(False)  # the pane's own box follows the same rule
        assert session.policy == WrapupPolicy(120, False) and saved(store)["wrapup_auto_ready"] is False

        dialog = open_by_shortcut(parts)  # no limit: lifted at once
        type_into(dialog.editors["wrapup_limit_seconds"], "0")
        press(dialog, OK)
        assert session.policy.limit_seconds == 0 and session.wrapup_remaining is None
        await phone.stop()

    qloop.run_until_complete(scenario())


def test_language_theme_and_login_apply_through_the_window(desk, qapp):
    parts, _phone, _services, store = desk
    window = parts.window
    dialog = open_by_shortcut(parts)
    dialog.editors["language"].setCurrentIndex(dialog.editors["language"].findData("ru"))
    dialog.editors["theme"].setCurrentIndex(dialog.editors["theme"].findData("dark"))
    type_into(dialog.editors["agent_login"], "op.sidorova")
    press(dialog, OK)
    QTest.qWait(10)  # LanguageChange reaches widgets as a posted event
    assert current_language() == "ru" and window.registry.get("view.lang.ru").isChecked()
    assert window.menu_call.title() == "&Звонок"
    assert is_dark(qapp.palette()) and window.registry.get("view.theme.dark").isChecked()
    on_disk = saved(store)
    assert (on_disk["language"], on_disk["theme"], on_disk["agent_login"]) == ("ru", "dark", "op.sidorova")
    assert "op.sidorova" not in window.windowTitle()  # read at start-up only: the next start uses it
    assert window.statusBar().currentMessage(), "the window says the login applies at the next start"

    dialog = open_by_shortcut(parts)
    assert dialog.editors["language"].currentData() == "ru" and dialog.editors["agent_login"].text() == "op.sidorova"
    dialog.editors["language"].setCurrentIndex(dialog.editors["language"].findData("en"))
    press(dialog, OK)
    QTest.qWait(10)
    assert current_language() == "en" and window.menu_call.title() == "&Call"
    assert saved(store)["language"] == "en"
    dialog = open_by_shortcut(parts)
    dialog.editors["language"].setCurrentIndex(dialog.editors["language"].findData(""))
    press(dialog, OK)
    assert saved(store)["language"] == "" and parts.window.settings.language == ""
