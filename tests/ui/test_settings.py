"""Per-user UI settings: typed, defaults, round trip with bytes, damaged files, newer versions."""

from __future__ import annotations

import json

import pytest

from desktop_agent.ui.shell.settings import (
    SCHEMA_VERSION,
    SettingsError,
    SettingsStore,
    UiSettings,
    migrate,
    set_value,
)


def test_defaults_and_titles():
    s = UiSettings()
    assert (s.language, s.theme, s.wrapup_limit_seconds, s.wrapup_auto_ready) == ("", "light", 60, False)
    titles = UiSettings.titles()
    assert set(titles) == {"language", "theme", "window_geometry", "window_state", "layout_key",
                           "wrapup_limit_seconds", "wrapup_auto_ready", "agent_login"}
    assert all(titles.values())


def test_round_trip_keeps_bytes_and_values(tmp_path):
    store = SettingsStore(tmp_path / "ui.json")
    s = UiSettings(language="ru", theme="dark", window_state=b"\x00\x01binary\xff", wrapup_limit_seconds=45)
    store.save(s)
    data = json.loads((tmp_path / "ui.json").read_text())
    assert data["schema_version"] == SCHEMA_VERSION and isinstance(data["window_state"], str)
    loaded = SettingsStore(tmp_path / "ui.json").load()
    assert loaded == s


def test_bad_values_are_refused_with_one_line():
    s = UiSettings()
    with pytest.raises(SettingsError, match="theme must be one of"):
        set_value(s, "theme", "pink")
    with pytest.raises(SettingsError, match="at least 0"):
        set_value(s, "wrapup_limit_seconds", -5)
    with pytest.raises(SettingsError, match="must be int"):
        set_value(s, "wrapup_limit_seconds", True)
    with pytest.raises(SettingsError, match="no such setting"):
        set_value(s, "password", "x")
    set_value(s, "language", "en")
    assert s.language == "en"


def test_a_damaged_file_is_set_aside_and_defaults_used(tmp_path):
    path = tmp_path / "ui.json"
    path.write_text("{ not json", encoding="utf-8")
    s = SettingsStore(path).load()
    assert s == UiSettings()
    assert (tmp_path / "ui.bad").read_text() == "{ not json"  # nothing is lost


def test_bad_single_values_fall_back_to_their_defaults(tmp_path):
    path = tmp_path / "ui.json"
    path.write_text(json.dumps({"schema_version": 1, "theme": "neon", "language": "ru",
                                "window_state": "%%%not base64", "wrapup_limit_seconds": "90"}))
    s = SettingsStore(path).load()
    assert (s.theme, s.language, s.window_state, s.wrapup_limit_seconds) == ("light", "ru", b"", 60)


def test_a_newer_file_keeps_what_it_knows(tmp_path):
    path = tmp_path / "ui.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 3, "theme": "dark", "future_thing": [1, 2]}))
    store = SettingsStore(path)
    s = store.load()
    assert s.theme == "dark"
    store.save(s)
    data = json.loads(path.read_text())
    assert data["future_thing"] == [1, 2] and data["schema_version"] == SCHEMA_VERSION + 3


def test_migrations_run_in_order():
    def v1_to_v2(d: dict) -> dict:
        d["theme"] = "dark" if d.pop("dark_mode", False) else "light"
        return d

    def v2_to_v3(d: dict) -> dict:
        d["language"] = d.pop("lang", "")
        return d

    steps = {1: v1_to_v2, 2: v2_to_v3}
    out = migrate({"schema_version": 1, "dark_mode": True, "lang": "ru"}, steps, target=3)
    assert out == {"schema_version": 3, "theme": "dark", "language": "ru"}
