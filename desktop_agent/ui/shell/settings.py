"""Per-user UI settings: declared once, typed, with a default and a title, in a versioned JSON file.

The file holds only what belongs to one user's desk (language, theme, window layout, wrap-up
preferences). Never a secret: passwords live in the OS keyring. A newer schema version in the file
is read as far as we understand it and not overwritten with less; a damaged file is set aside
(``.bad``) and defaults are used, so a broken file never stops the app from starting.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_NAME = "ui-settings.json"

LANGUAGES = ("", "ru", "en")  # "": follow the system locale
THEMES = ("light", "dark")
WRAPUP_LIMIT_MAX = 3600  # an hour of after-call work is already far beyond any centre's policy
# A login becomes the queue_log agent ("Agent/<login>", 80 characters) and agents.login (64): letters of
# any script, digits and . _ @ -, nothing that would break Asterisk's `|`-separated queue_log text.
LOGIN_PATTERN = r"[\w.@-]{0,64}"


def _opt(default: Any, title: str, choices: tuple | None = None, minimum: int | None = None,
         maximum: int | None = None, pattern: str | None = None) -> Any:
    meta = {"title": title, "choices": choices, "minimum": minimum, "maximum": maximum, "pattern": pattern}
    if isinstance(default, bytes | list | dict):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class UiSettings:
    language: str = _opt("", "Interface language (empty: from the system locale)", LANGUAGES)
    theme: str = _opt("light", "Colour theme", THEMES)
    window_geometry: bytes = _opt(b"", "Main window position and size (QMainWindow.saveGeometry)")
    window_state: bytes = _opt(b"", "Dock and toolbar layout (QMainWindow.saveState)")
    # The set of panes the saved state was made for: a layout from another set is not restored.
    layout_key: str = _opt("", "Panes the saved layout belongs to")
    wrapup_limit_seconds: int = _opt(60, "Wrap-up time limit in seconds (0: none)", minimum=0,
                                     maximum=WRAPUP_LIMIT_MAX)
    wrapup_auto_ready: bool = _opt(False, "Go Ready by itself when the wrap-up limit is reached")
    agent_login: str = _opt("", "Agent login (empty: the operating-system user)", pattern=LOGIN_PATTERN)

    @classmethod
    def titles(cls) -> dict[str, str]:
        return {f.name: f.metadata["title"] for f in fields(cls)}


class SettingsError(ValueError):
    """A value that does not fit its setting; the message is one line."""


def _default(spec: Any) -> Any:
    return spec.default if spec.default is not MISSING else spec.default_factory()


def _check(name: str, value: Any) -> Any:
    spec = {f.name: f for f in fields(UiSettings)}.get(name)
    if spec is None:
        raise SettingsError(f"no such setting: {name}")
    default = _default(spec)
    kind = type(default)
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise SettingsError(f"{name} must be {kind.__name__}, not {type(value).__name__}")
    choices = spec.metadata.get("choices")
    if choices is not None and value not in choices:
        raise SettingsError(f"{name} must be one of {', '.join(repr(c) for c in choices)}")
    minimum = spec.metadata.get("minimum")
    if minimum is not None and value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}")
    maximum = spec.metadata.get("maximum")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{name} must be at most {maximum}")
    pattern = spec.metadata.get("pattern")
    if pattern is not None and re.fullmatch(pattern, value) is None:
        raise SettingsError(f"{name} may hold only letters, digits and . _ @ - (up to 64)")
    return value


def _encode(value: Any) -> Any:
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value


def _decode(name: str, raw: Any) -> Any:
    spec = {f.name: f for f in fields(UiSettings)}[name]
    if isinstance(_default(spec), bytes):
        if not isinstance(raw, str):
            raise SettingsError(f"{name} must be base64 text")
        return base64.b64decode(raw.encode("ascii"), validate=True)
    return raw


# version N -> N+1: each takes the raw dict of version N and returns the dict of version N+1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


def migrate(data: dict[str, Any], migrations: dict[int, Migration] | None = None,
            target: int = SCHEMA_VERSION) -> dict[str, Any]:
    steps = MIGRATIONS if migrations is None else migrations
    version = data.get("schema_version", 1)
    while version < target:
        step = steps.get(version)
        if step is not None:
            data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data


class SettingsStore:
    """Loads and saves one user's :class:`UiSettings`. Saving is atomic (write, then rename)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._extra: dict[str, Any] = {}  # keys a newer version wrote: kept, not lost
        self._file_version = SCHEMA_VERSION

    def load(self) -> UiSettings:
        settings = UiSettings()
        if not self.path.exists():
            return settings
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise SettingsError("the settings file does not hold an object")
        except (OSError, ValueError) as exc:
            self._set_aside(str(exc))
            return settings
        version = data.get("schema_version", 1)
        self._file_version = version if isinstance(version, int) and version > 0 else 1
        data["schema_version"] = self._file_version
        data = migrate(data)
        known = {f.name for f in fields(UiSettings)}
        for key, raw in data.items():
            if key == "schema_version":
                continue
            if key not in known:
                self._extra[key] = raw
                continue
            try:
                setattr(settings, key, _check(key, _decode(key, raw)))
            except (SettingsError, ValueError) as exc:
                log.warning("ignoring setting %s from %s: %s", key, self.path.name, exc)
        return settings

    def save(self, settings: UiSettings) -> None:
        data: dict[str, Any] = dict(self._extra)
        for f in fields(UiSettings):
            data[f.name] = _encode(_check(f.name, getattr(settings, f.name)))
        data["schema_version"] = max(SCHEMA_VERSION, self._file_version)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)

    def _set_aside(self, reason: str) -> None:
        bad = self.path.with_suffix(".bad")
        log.warning("the settings file %s is damaged (%s); kept as %s, using defaults",
                    self.path.name, reason, bad.name)
        try:
            os.replace(self.path, bad)
        except OSError:
            pass


def set_value(settings: UiSettings, name: str, value: Any) -> None:
    """Change one setting with the same checks as loading."""
    setattr(settings, name, _check(name, value))
