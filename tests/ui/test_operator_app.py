"""`desktop-agent --smoke-test`: the real app in a fresh process takes one call from the built-in
simulator through the window, from ring to Ready, and the database holds the call afterwards.
Installers run the same command on the frozen app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_agent.store import queue_log
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.migrate import upgrade

pytestmark = pytest.mark.gui


def run_app(home, *args: str, timeout: float = 150, display: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKTOP_AGENT_HOME": str(home)}
    if display:  # a real X server (Xvfb): the xcb platform, real windows, real focus
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    env.pop("DESKTOP_AGENT_DB", None)
    return subprocess.run([sys.executable, "-m", "desktop_agent.cli", *args], env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def check_the_call(url: str, login: str) -> None:
    db = Database(make_engine(parse_url(url)))
    try:
        from desktop_agent.store.interactions import InteractionStore
        from desktop_agent.store.reference import ReferenceStore

        agent = ReferenceStore(db).agent_by_login(login)
        assert agent is not None
        calls = [c for c in InteractionStore(db, "test").for_agent(agent.id, _epoch()) if c.disposition]
        assert len(calls) == 1
        call = calls[0]
        assert call.answered_at and call.ended_at and call.disposition == "resolved_first_contact"
        rows = [r for r in queue_log.read_after(db.engine, 0) if r.agent == f"Agent/{login}"]
        events = [r.event for r in rows]
        assert "ADDMEMBER" in events and "CONNECT" in events
        end = next(r for r in rows if r.event == "WRAPUPEND")
        assert end.data[0] == call.callid and end.data[2] == "resolved_first_contact"
        assert events.index("CONNECT") < events.index("WRAPUPSTART") < events.index("WRAPUPEND")
    finally:
        db.dispose()


def _epoch():
    from datetime import UTC, datetime

    return datetime(2000, 1, 1, tzinfo=UTC)


def _login() -> str:
    import getpass

    try:
        return getpass.getuser() or "operator"
    except (KeyError, OSError):
        return "operator"


def test_smoke_call_on_the_embedded_database(tmp_path):
    result = run_app(tmp_path, "--lang", "ru", "--smoke-test")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "smoke test: call" in result.stdout and "Ready again" in result.stdout
    check_the_call(f"sqlite:///{tmp_path / 'desktop-agent.sqlite3'}", _login())


@pytest.mark.postgres
def test_smoke_call_on_a_central_postgresql(tmp_path, pg_url):
    refused = run_app(tmp_path, "--db", pg_url, "--smoke-test", timeout=60)
    assert refused.returncode == 2 and "db upgrade" in refused.stderr  # a central schema is an admin's job
    db = Database(make_engine(parse_url(pg_url)))
    upgrade(db.engine)
    db.dispose()
    result = run_app(tmp_path, "--db", pg_url, "--smoke-test")
    assert result.returncode == 0, result.stderr[-2000:]
    check_the_call(pg_url, _login())


@pytest.fixture
def xvfb_display():
    """A private Xvfb server at 1366x768, the smallest screen operators use."""
    import shutil
    import time

    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: apt-get install xvfb (scripts/bootstrap.sh does)")
    proc = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    number = b""
    while time.monotonic() < deadline and not number.endswith(b"\n"):
        chunk = proc.stdout.read(1)
        if not chunk:
            break
        number += chunk
    assert number.strip().isdigit(), "Xvfb did not start"
    yield f":{number.strip().decode()}"
    proc.terminate()
    proc.wait(timeout=10)


def test_smoke_call_in_a_real_x_window(tmp_path, xvfb_display):
    result = run_app(tmp_path, "--lang", "en", "--smoke-test", display=xvfb_display)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Ready again" in result.stdout
    check_the_call(f"sqlite:///{tmp_path / 'desktop-agent.sqlite3'}", _login())
