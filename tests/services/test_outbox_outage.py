"""Outage drills against a real PostgreSQL (fsync and synchronous commits on): the server is stopped
with `pg_ctl stop -m immediate` in the middle of the headless desk's calls, and the desk itself is
killed with SIGKILL while writes wait. Afterwards the rows are counted: nothing lost, nothing twice,
the times at which things happened kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.models import Agent, ChecklistRun, Interaction, QueueLog, Ticket
from desktop_agent.testing import start_pg_cluster

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def durable_cluster():
    cluster = start_pg_cluster(durable=True)
    yield cluster
    cluster.stop()


def desk_command(url: str, home, *args: str) -> list[str]:  # noqa: ANN001
    return [sys.executable, "-m", "desktop_agent.cli", "--db", url, "desk", "--headless", *args]


def env_for(home) -> dict[str, str]:  # noqa: ANN001
    return {**os.environ, "DESKTOP_AGENT_HOME": str(home)}


def migrated(cluster, name: str, home) -> str:  # noqa: ANN001
    url = cluster.createdb(name)
    done = subprocess.run([sys.executable, "-m", "desktop_agent.cli", "--db", url, "db", "upgrade"],
                          env=env_for(home), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return url


def counts(url: str, login: str) -> dict[str, int]:
    db = Database(make_engine(parse_url(url)))
    try:
        with db.session() as s:
            agent_id = s.scalar(select(Agent.id).where(Agent.login == login))
            calls = select(Interaction).where(Interaction.agent_id == agent_id).subquery()
            # the agent's wrap-up rows carry the call in data1 (their callid is NONE)
            dup_events = select(QueueLog.callid, QueueLog.event, QueueLog.data1).where(
                QueueLog.event.in_(("ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "WRAPUPSTART", "WRAPUPEND"))
            ).group_by(QueueLog.callid, QueueLog.event, QueueLog.data1).having(func.count() > 1).subquery()
            return {
                "interactions": s.scalar(select(func.count()).select_from(calls)),
                "distinct_calls": s.scalar(select(func.count(func.distinct(calls.c.callid)))),
                "finished": s.scalar(select(func.count()).select_from(calls).where(
                    calls.c.ended_at.is_not(None), calls.c.disposition_code.is_not(None),
                    calls.c.answered_at.is_not(None))),
                "tickets": s.scalar(select(func.count()).select_from(Ticket)),
                "linked_tickets": s.scalar(select(func.count()).select_from(calls).where(
                    calls.c.ticket_id.is_not(None))),
                "checklist_runs": s.scalar(select(func.count()).select_from(ChecklistRun)),
                "completeagent": s.scalar(select(func.count()).select_from(QueueLog).where(
                    QueueLog.event == "COMPLETEAGENT")),
                "duplicate_events": s.scalar(select(func.count()).select_from(dup_events)),
            }
    finally:
        db.dispose()


def offered_between(url: str, start: datetime, end: datetime) -> int:
    db = Database(make_engine(parse_url(url)))
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(Interaction).where(
                Interaction.offered_at >= start, Interaction.offered_at <= end))
    finally:
        db.dispose()


def test_forty_calls_through_a_twenty_second_outage(durable_cluster, tmp_path):
    url = migrated(durable_cluster, "drill", tmp_path)
    desk = subprocess.Popen(desk_command(url, tmp_path, "--calls", "40", "--interval", "1", "--agent", "drill"),
                            env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)
        durable_cluster.crash()
        down = datetime.now(UTC)
        time.sleep(20)
        durable_cluster.restart()
        up = datetime.now(UTC)
        out, err = desk.communicate(timeout=600)
    finally:
        if desk.poll() is None:
            desk.kill()
    assert desk.returncode == 0, err[-3000:]
    report = json.loads(out)
    assert report["calls_completed"] == 40 and report["writes_pending"] == 0
    assert report["outbox"]["outages"] >= 1 and report["outbox"]["offline_seconds"] >= 15
    assert report["outbox"]["refused"] == 0 and report["outbox"]["max_pending"] > 0
    found = counts(url, "drill")
    assert found == {"interactions": 40, "distinct_calls": 40, "finished": 40, "tickets": 20, "linked_tickets": 20,
                     "checklist_runs": 40, "completeagent": 40, "duplicate_events": 0}
    # the calls taken while the database was down keep the times they rang, not the replay's
    assert offered_between(url, down, up) >= 5


def test_a_desk_killed_with_writes_waiting_replays_them_once_at_its_next_start(durable_cluster, tmp_path):
    url = migrated(durable_cluster, "killed", tmp_path)
    desk = subprocess.Popen(desk_command(url, tmp_path, "--calls", "30", "--interval", "0.5", "--agent", "kill9"),
                            env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(6)
        durable_cluster.crash()
        time.sleep(8)  # calls go on; their writes wait in the outbox
        desk.send_signal(signal.SIGKILL)
        desk.wait(timeout=30)
    finally:
        if desk.poll() is None:
            desk.kill()
    durable_cluster.restart()
    before = counts(url, "kill9")
    # the next start of the same desk (same profile, database and agent) replays the journal first
    again = subprocess.run(desk_command(url, tmp_path, "--calls", "1", "--agent", "kill9"), env=env_for(tmp_path),
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
    assert json.loads(again.stdout)["writes_pending"] == 0
    after = counts(url, "kill9")
    assert after["duplicate_events"] == 0 and after["distinct_calls"] == after["interactions"]
    # every call finished before the kill is now stored, finished, exactly once (the one in the middle
    # of being handled when the desk died stays open: crash recovery closes it)
    assert after["finished"] > before["finished"]
    assert after["interactions"] - after["finished"] <= 1
    assert after["completeagent"] >= after["finished"] - 1
