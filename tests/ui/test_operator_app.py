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


def run_app(home, *args: str, timeout: float = 150) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKTOP_AGENT_HOME": str(home)}
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
