"""`desktop-agent desk --headless`: N simulated calls end to end through the call desk, no window."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cli_support import one_line
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_agent.store.database import make_engine, parse_url
from desktop_agent.store.models import Agent, ChecklistRun, Interaction, QueueLog, Ticket


def desk(home, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    """`desktop-agent ARGV` as its own process (the headless desk runs threads and an asyncio loop of
    its own: not inside the test process, where the GUI tests' Qt lives)."""
    done = subprocess.run([sys.executable, "-m", "desktop_agent.cli", *argv], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "DESKTOP_AGENT_HOME": str(home)})
    return done.returncode, done.stdout, done.stderr


def counts(url: str, login: str) -> dict[str, int]:
    engine = make_engine(parse_url(url))
    try:
        with Session(engine) as s:
            agent_id = s.scalar(select(Agent.id).where(Agent.login == login))
            mine = select(Interaction).where(Interaction.agent_id == agent_id).subquery()
            return {
                "interactions": s.scalar(select(func.count()).select_from(Interaction)),
                "finished": s.scalar(select(func.count()).select_from(mine).where(
                    mine.c.disposition_code.is_not(None), mine.c.ended_at.is_not(None), mine.c.answered_at.is_not(None))),
                "distinct_calls": s.scalar(select(func.count(func.distinct(Interaction.callid)))),
                "tickets": s.scalar(select(func.count()).select_from(Ticket)),
                "linked_tickets": s.scalar(select(func.count()).select_from(Interaction).where(
                    Interaction.ticket_id.is_not(None))),
                "checklist_runs": s.scalar(select(func.count()).select_from(ChecklistRun)),
                "completeagent": s.scalar(select(func.count()).select_from(QueueLog).where(
                    QueueLog.event == "COMPLETEAGENT")),
            }
    finally:
        engine.dispose()


def test_twenty_calls_on_a_new_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    code, out, err = desk(tmp_path, "--db", url, "desk", "--headless", "--calls", "20", "--seed", "7")
    assert code == 0, err
    report = json.loads(out)
    assert report["calls_completed"] == 20 and report["tickets_created"] == 10 and report["writes_pending"] == 0
    assert report["ring_to_screen_pop_ms"]["count"] == 20 and report["ring_to_screen_pop_ms"]["p95"] > 0
    assert report["writes_ms"]["interactions.wrap_up"]["count"] == 20
    assert report["writes_ms"]["tickets.create"]["count"] == 10
    assert report["problems"] == []
    assert counts(url, "headless") == {"interactions": 20, "finished": 20, "distinct_calls": 20, "tickets": 10,
                                       "linked_tickets": 10, "checklist_runs": 20, "completeagent": 20}


@pytest.mark.postgres
def test_calls_on_postgresql_with_an_interval(pg_url, tmp_path):
    code, _out, err = desk(tmp_path, "--db", pg_url, "db", "upgrade")
    assert code == 0, err
    code, out, err = desk(tmp_path, "--db", pg_url, "desk", "--headless", "--calls", "6", "--interval", "0.2",
                          "--agent", "op.night")
    assert code == 0, err
    report = json.loads(out)
    assert report["calls_completed"] == 6 and report["agent"] == "op.night"
    found = counts(pg_url, "op.night")
    assert found["finished"] == 6 and found["tickets"] == 3 and found["distinct_calls"] == 6


@pytest.mark.parametrize("argv, message", [
    (("--calls", "0"), "--calls must be between 1 and 100000"),
    (("--calls", "many"), "--calls takes a whole number"),
    (("--interval", "-1"), "--interval must be between 0 and 3600 seconds"),
    (("--interval", "nan"), "--interval must be between 0 and 3600 seconds"),
    (("--agent", " "), "--agent needs a login"),
])
def test_bad_arguments_get_one_line(run, tmp_path, argv, message):
    code, out, err = run("--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "desk", "--headless", *argv)
    assert code == 2 and out == ""
    assert message in one_line(err)
