"""The whole operator window at 1366x768 (the smallest screen it must serve), built as app.py builds
it over the real services on SQLite, with the fake phone; the light theme, its window active."""

from __future__ import annotations

import pytest
from operator_harness import FakeSoftphone
from PySide6.QtTest import QTest

from desktop_agent.app import build_window
from desktop_agent.telephony.simulator import SimConfig
from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.settings import UiSettings
from desktop_agent.ui.shell.theme import apply_theme


@pytest.fixture
def window_1366(qapp, sqlite_services):
    """(WindowParts, FakeSoftphone): the phone is not started yet."""
    apply_theme(qapp, "light")
    phone = FakeSoftphone()
    parts = build_window(services=sqlite_services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                         on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("test.sqlite3", "fake", "ui.json"), backend_label="fake")
    parts.window.resize(1366, 768)
    parts.window.show()
    parts.window.activateWindow()
    assert QTest.qWaitForWindowActive(parts.window)
    yield parts, phone
    parts.flow.stop()
    parts.window.close_without_asking()
    parts.window.deleteLater()
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)



def quiet_simulator_window(services, settings: UiSettings, *, seed: int, save_settings=lambda: None,  # noqa: ANN001
                           on_language=lambda _l: None, on_theme=lambda _t: None):  # noqa: ANN001
    """(WindowParts, SimulatorSoftphone): the real window over the simulator, in which the operator is
    the only agent and no random caller comes (tests offer calls); shown at 1366x768, listening."""
    holder = {}
    config = SimConfig(agents=0, calls_per_hour=0, queues=("support",), operator=services.agent.login,
                       operator_wrapup_limit=None, operator_autopause=None, seed=seed)
    phone = SimulatorSoftphone(config, services.numbers,
                               records=lambda rows: holder["flow"].db.submit(services.write_queue_log, list(rows)))
    parts = build_window(services=services, softphone=phone, settings=settings, save_settings=save_settings,
                         on_language=on_language, on_theme=on_theme,
                         about=AboutInfo("test database", "simulator", "ui-settings.json"), backend_label="simulator")
    holder["flow"] = parts.flow
    parts.window.resize(1366, 768)
    parts.window.show()
    parts.window.activateWindow()
    parts.flow.listen()
    return parts, phone


def fake_phone_window(services, qloop):  # noqa: ANN001, ANN201
    """The real window over `services` with a FakeSoftphone, at 1366x768, the agent logged in Ready."""
    phone = FakeSoftphone()
    parts = build_window(services=services, softphone=phone, settings=UiSettings(wrapup_limit_seconds=0),
                         save_settings=lambda: None, on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("test.sqlite3", "fake", "ui-settings.json"), backend_label="fake")
    parts.window.resize(1366, 768)
    parts.window.show()
    parts.flow.listen()
    qloop.run_until_complete(phone.start())
    parts.flow.start(ready=True)
    return parts, phone


def close_window(parts) -> None:  # noqa: ANN001
    parts.window._can_close = lambda: True  # no "quit during a call?" question in a test
    parts.window.close()
    parts.window.deleteLater()
    parts.flow.stop()
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)
