"""Where things live: a checkout, a frozen bundle, a moved home, and platformdirs, with no hard-coded path."""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs

from desktop_agent import paths
from desktop_agent.store import migrate

ROOT = Path(__file__).resolve().parents[2]


def test_resources_dir_in_a_checkout(monkeypatch):
    monkeypatch.delenv("DESKTOP_AGENT_RESOURCES", raising=False)
    monkeypatch.delattr("sys._MEIPASS", raising=False)
    assert paths.resources_dir() == ROOT / "resources"
    assert (paths.resources_dir() / "icons" / "desktop-agent.svg").is_file()


def test_resources_dir_in_a_frozen_bundle(monkeypatch, tmp_path):
    monkeypatch.delenv("DESKTOP_AGENT_RESOURCES", raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def test_resources_dir_override_wins(monkeypatch, tmp_path):
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path / "bundle"), raising=False)
    monkeypatch.setenv("DESKTOP_AGENT_RESOURCES", str(tmp_path / "mine"))
    assert paths.resources_dir() == tmp_path / "mine"


def test_home_override_moves_data_config_and_database(monkeypatch, tmp_path):
    home = tmp_path / "profile with spaces and юникод"
    monkeypatch.setenv("DESKTOP_AGENT_HOME", str(home))
    assert paths.data_dir() == home and home.is_dir()
    assert paths.config_dir() == home / "config" and (home / "config").is_dir()
    assert paths.embedded_db_path() == home / "desktop-agent.sqlite3"


def test_default_locations_come_from_platformdirs(monkeypatch, tmp_path):
    asked = []

    def fake(kind):
        def where(appname, appauthor, *args, **kwargs):
            asked.append((kind, appname, appauthor))
            return str(tmp_path / kind)
        return where

    monkeypatch.delenv("DESKTOP_AGENT_HOME", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", fake("data"))
    monkeypatch.setattr(platformdirs, "user_config_dir", fake("config"))
    assert paths.data_dir() == tmp_path / "data"
    assert paths.config_dir() == tmp_path / "config"
    assert paths.embedded_db_path() == tmp_path / "data" / "desktop-agent.sqlite3"
    assert asked == [("data", "desktop-agent", "DesktopAgent"), ("config", "desktop-agent", "DesktopAgent"),
                     ("data", "desktop-agent", "DesktopAgent")]


def test_migrations_are_found_beside_the_module():
    # In a frozen build store/migrate.py's __file__ lies in the bundle, and the spec's hook puts the
    # scripts there; here the same relative layout must hold in the checkout.
    location = Path(migrate.alembic_config().get_main_option("script_location"))
    assert (location / "env.py").is_file() and (location / "script.py.mako").is_file()
    assert list((location / "versions").glob("*.py"))
    assert migrate.head_revision()


# What breaks on Windows (or on another user's machine): home-relative or POSIX-only literal paths.
_NON_PORTABLE = re.compile(
    r"""expanduser\(|["']~[/\\]|["']/(?:tmp|home|root|usr|var|etc|opt)\b|environ\[["']HOME["']\]"""
    r"""|getenv\(["']HOME["']|Path\.home\(\)""")
# Test helpers that find PostgreSQL's Debian binaries are not part of the app.
_ALLOWED = {"desktop_agent/testing.py"}


def test_no_hard_coded_home_or_posix_paths_in_the_app():
    offenders = []
    for source in sorted((ROOT / "desktop_agent").rglob("*.py")):
        rel = source.relative_to(ROOT).as_posix()
        if rel in _ALLOWED:
            continue
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if _NON_PORTABLE.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == [], "use desktop_agent.paths (platformdirs) instead:\n" + "\n".join(offenders)


def test_the_scan_catches_what_it_should():
    for bad in ['Path("~/.desktop-agent")', "os.path.expanduser('~')", 'open("/tmp/x.log")',
                'os.environ["HOME"]', "Path.home() / '.config'"]:
        assert _NON_PORTABLE.search(bad), bad
    assert not _NON_PORTABLE.search('platformdirs.user_data_dir("desktop-agent")')
