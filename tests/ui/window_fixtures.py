"""The whole operator window at 1366x768 (the smallest screen it must serve), built as app.py builds
it over the real services on SQLite, with the fake phone; the light theme, its window active."""

from __future__ import annotations

import pytest
from operator_harness import FakeSoftphone
from PySide6.QtTest import QTest

from desktop_agent.app import build_window
from desktop_agent.ui.about_dialog import AboutInfo
from desktop_agent.ui.settings import UiSettings
from desktop_agent.ui.theme import apply_theme


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
