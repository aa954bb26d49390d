"""Where things live, on Linux, Windows and in a frozen build. No hard-coded home paths."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "desktop-agent"
APP_AUTHOR = "DesktopAgent"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    override = os.environ.get("DESKTOP_AGENT_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """Per-user data (the embedded database). DESKTOP_AGENT_HOME moves it, for tests and portable use."""
    override = os.environ.get("DESKTOP_AGENT_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("DESKTOP_AGENT_HOME")
    path = Path(override) / "config" if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def embedded_db_path() -> Path:
    return data_dir() / "desktop-agent.sqlite3"
