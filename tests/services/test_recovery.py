"""After a crash (services.recovery): the desk's session journal, and the next start closing what the
crashed run left open, at the time it was last known. In process on both databases, and against
real processes: a desk killed with -9 mid-call, then `desktop-agent desk --headless` starting."""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_agent.composition import build_services
from desktop_agent.core.call_session import CallState, WrapupPolicy
from desktop_agent.core.dto import PhoneDTO
from desktop_agent.services.call_desk import CallDesk
from desktop_agent.services.recovery import (
    SessionJournal,
    journal_path,
    recover,
    recover_at_start,
    take_over,
)
from desktop_agent.services.workers import SerialWorker
from desktop_agent.store import queue_log
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.models import Interaction
from desktop_agent.telephony.simulator import SimConfig
from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone

NUMBER = "+79161234567"
DRIVER = Path(__file__).with_name("desk_crash_driver.py")


@pytest.fixture
def services(db, tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_AGENT_HOME", str(tmp_path / "home"))
    load_defaults(db)
    create_customer(db, NewCustomer(full_name="Пётр Смирнов", phones=(PhoneDTO(NUMBER),)))
    return build_services(db, login="op.crash")


class Desk:
    """A desk over the simulator (the ACD writes the agent's rows) on the running loop, with its journal."""

    def __init__(self, services, *, heartbeat_s: float = 5.0) -> None:  # noqa: ANN001
        loop = asyncio.get_running_loop()
        self.db = SerialWorker("db", loop.call_soon_threadsafe)
        self.lookups = SerialWorker("lookup", loop.call_soon_threadsafe)
        config = SimConfig(agents=0, calls_per_hour=0, queues=("support", "sales"), operator=services.agent.login,
                           operator_wrapup_limit=None, operator_autopause=None, caller_voice=False)
        self.phone = SimulatorSoftphone(config, records=lambda rows: self.db.submit(services.write_queue_log,
                                                                                     list(rows)))
        self.desk = CallDesk(softphone=self.phone, interactions=services.interactions,
                             screen_pops=services.screen_pops, queue_log=services.write_queue_log,
                             agent=services.agent, db=self.db, lookups=self.lookups, post=loop.call_soon_threadsafe,
                             policy=WrapupPolicy(limit_seconds=0))
        where = services.db.url.render_as_string(hide_password=True)
        self.path = journal_path(where, services.agent.login)
        self.journal = SessionJournal(self.desk, self.path, where=where, heartbeat_s=heartbeat_s)

    async def start(self) -> None:
        self.desk.listen()
        await self.phone.start()
        self.desk.start(ready=True)

    async def until(self, condition, what: str, timeout: float = 10.0) -> None:  # noqa: ANN001
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.01)

    async def answered_call(self) -> str:
        call_id = self.phone.offer_call(NUMBER, talk=math.inf, patience=None)
        await self.until(lambda: self.desk.current is not None and self.desk.current.pop is not None, "the ring")
        assert self.desk.answer()
        await self.until(lambda: self.desk.current.session.state is CallState.TALKING
                         and self.desk.current.interaction_id, "talking")
        return call_id

    async def crash(self) -> None:
        """What kill -9 leaves: the journal as last written, the writes made so far; no stop, no logout."""
        self.journal.file.flush(5)
        self.journal._unsubscribe()
        await self.phone.stop()
        self.db.flush()
        self.db.shutdown()
        self.lookups.shutdown()

    async def stop(self) -> None:
        self.desk.stop()
        await self.phone.stop()
        self.db.flush()
        await asyncio.sleep(0.05)
        self.db.shutdown()
        self.lookups.shutdown()
        self.journal.close()


def rows(db: Database, login: str, event: str) -> list:
    return [r for r in queue_log.read_after(db.engine, 0) if r.agent == f"Agent/{login}" and r.event == event]


def test_a_crash_mid_call_is_closed_at_its_last_known_time_and_the_agent_logged_out(services, db):
    async def scenario() -> tuple[str, dict]:
        desk = Desk(services)
        await desk.start()
        call_id = await desk.answered_call()
        await desk.crash()
        return call_id, json.loads(desk.path.read_text())

    call_id, journal = asyncio.run(scenario())
    assert journal["agent_state"] == "on_call" and journal["queues"] == ["support", "sales"]
    assert journal["agent_rows"] == "simulator"
    [call] = journal["calls"]
    assert call["callid"] == call_id and call["state"] == "talking" and call["ended_at"] is None
    last_seen = datetime.fromisoformat(journal["last_seen"])

    time.sleep(0.05)  # recovery runs later than the crash: the end must be the last known time, not now
    path = journal_path(services.db.url.render_as_string(hide_password=True), "op.crash")
    left = take_over(path)
    assert len(left) == 1 and not path.exists()
    copy = left[0].with_name("again.json")
    shutil.copy(left[0], copy)
    done = recover(left, interactions=services.interactions, write_queue_log=services.write_queue_log)
    assert done.calls_closed == (call_id,) and done.queues_left == ("support", "sales") and done.at == last_seen
    assert done.crashed
    assert not left[0].exists() and take_over(path) == []

    row = services.interactions.by_callid(call_id)
    assert row.ended_at == last_seen and row.answered_at <= last_seen and row.disposition is None
    assert row.notes.startswith("[closed by recovery]")
    removed = rows(db, "op.crash", "REMOVEMEMBER")
    assert sorted(r.queuename for r in removed) == ["sales", "support"]
    assert {r.time for r in removed} == {last_seen}

    # a recovery cut short runs again at the next start: nothing is written twice
    recover([copy], interactions=services.interactions, write_queue_log=services.write_queue_log)
    again = services.interactions.by_callid(call_id)
    assert again.notes == row.notes and again.ended_at == last_seen
    assert len(rows(db, "op.crash", "REMOVEMEMBER")) == 2


def test_a_clean_stop_leaves_nothing_to_recover(services, db):
    async def scenario() -> Path:
        desk = Desk(services)
        await desk.start()
        call_id = await desk.answered_call()
        assert desk.desk.hangup()
        await desk.until(lambda: desk.desk.current.session.state is CallState.WRAPUP, "wrap-up")
        desk.desk.set_disposition("info_provided")
        desk.desk.go_ready()
        await desk.until(lambda: desk.desk.current is None or desk.desk.current.call_id != call_id, "Ready")
        await desk.stop()
        return desk.path

    path = asyncio.run(scenario())
    assert not path.exists() and take_over(path) == []
    assert recover_at_start(services, say=pytest.fail) is not None
    assert len(rows(db, "op.crash", "REMOVEMEMBER")) == 2  # the clean logout's, per queue; none of recovery's


def test_a_stop_during_a_call_is_closed_by_the_next_start(services, db):
    async def scenario() -> str:
        desk = Desk(services)
        await desk.start()
        call_id = await desk.answered_call()
        await desk.stop()  # quit during the call: the desk cannot log out, the call stays open
        return call_id

    call_id = asyncio.run(scenario())
    said: list[str] = []
    done = recover_at_start(services, say=said.append)
    assert done.calls_closed == (call_id,) and not done.crashed
    assert said[0].startswith("an earlier run was closed during a call: 1 open calls closed")
    assert services.interactions.by_callid(call_id).ended_at is not None


def test_the_heartbeat_moves_the_last_known_time_and_costs_nothing_between_beats(services):
    async def scenario() -> tuple[list[str], int]:
        desk = Desk(services, heartbeat_s=0.2)
        await desk.start()
        seen = []
        puts_before = desk.journal.file._asked
        for _ in range(12):
            await asyncio.sleep(0.05)
            desk.desk.tick()
            desk.journal.file.flush(5)
            seen.append(json.loads(desk.path.read_text())["last_seen"])
        puts = desk.journal.file._asked - puts_before
        await desk.stop()
        return seen, puts

    seen, puts = asyncio.run(scenario())
    assert len(set(seen)) >= 2 and seen == sorted(seen)
    assert 2 <= puts <= 5  # 12 ticks over ~0.6 s: a beat each 0.2 s, not a write each tick


def test_a_ring_that_never_reached_the_database_is_written_then_closed(services):
    row_id, last = uuid4(), datetime(2025, 3, 4, 10, 0, 5, tzinfo=UTC)
    journal = {"format": 1, "login": "op.crash", "agent_id": str(services.agent.id), "agent": "Agent/op.crash",
               "queues": ["default"], "agent_rows": "desk", "agent_state": "ringing", "last_seen": last.isoformat(),
               "calls": [{"callid": "lost-1", "interaction_id": str(row_id), "caller_id_raw": NUMBER,
                          "queue": "support", "state": "ringing",
                          "offered_at": (last - timedelta(seconds=4)).isoformat(), "answered_at": None,
                          "ended_at": None}]}
    path = Path(os.environ["DESKTOP_AGENT_HOME"]) / "j.left-1.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(journal))
    done = recover([path], interactions=services.interactions, write_queue_log=services.write_queue_log)
    row = services.interactions.get(row_id)
    assert done.calls_closed == ("lost-1",) and row.callid == "lost-1" and row.ended_at == last
    assert row.agent_id == services.agent.id and row.offered_at == last - timedelta(seconds=4)


def test_a_call_the_desk_had_finished_only_gets_its_end(services):
    row = services.interactions.ring("done-1", NUMBER, agent_id=services.agent.id,
                                     offered_at=datetime(2025, 3, 4, 9, 0, tzinfo=UTC))
    ended = datetime(2025, 3, 4, 9, 0, 30, tzinfo=UTC)
    journal = {"agent_id": str(services.agent.id), "agent": "Agent/op.crash", "agent_state": "logged_out",
               "last_seen": "2025-03-04T09:01:00+00:00",
               "calls": [{"callid": "done-1", "interaction_id": str(row.id), "state": "done",
                          "offered_at": row.offered_at.isoformat(), "ended_at": ended.isoformat()}]}
    path = Path(os.environ["DESKTOP_AGENT_HOME"]) / "j.left-2.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(journal))
    done = recover([path], interactions=services.interactions, write_queue_log=services.write_queue_log)
    stored = services.interactions.get(row.id)
    assert not done and stored.ended_at == ended and stored.notes == ""


def test_an_acd_of_its_own_logs_its_members_out_itself(services, db):
    journal = {"agent_id": str(services.agent.id), "agent": "Agent/op.crash", "agent_state": "ready",
               "queues": ["support"], "agent_rows": "acd", "last_seen": "2025-03-04T09:01:00+00:00", "calls": []}
    path = Path(os.environ["DESKTOP_AGENT_HOME"]) / "j.left-3.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(journal))
    assert not recover([path], interactions=services.interactions, write_queue_log=services.write_queue_log)
    assert rows(db, "op.crash", "REMOVEMEMBER") == []


# ---- real processes --------------------------------------------------------------------------


def _cli(home: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DESKTOP_AGENT_HOME": str(home)}
    env.pop("DESKTOP_AGENT_DB", None)
    return subprocess.run([sys.executable, "-m", "desktop_agent.cli", *argv], capture_output=True, text=True,
                          timeout=300, env=env, stdin=subprocess.DEVNULL)


def test_kill_9_mid_call_then_the_headless_desk_closes_it(db_url, tmp_path):
    """A desk on the simulator is killed with -9 while the operator talks; `desk --headless` then
    starts: the call's row ends at the journal's last known time (not when recovery ran), is marked as
    closed by recovery, the agent's logout row is there once, and the clean run after leaves nothing."""
    db = Database(make_engine(parse_url(db_url)))
    load_defaults(db)
    create_customer(db, NewCustomer(full_name="Пётр Смирнов", phones=(PhoneDTO(NUMBER),)))
    home, login = tmp_path / "home", "op.night"
    env = {**os.environ, "DESKTOP_AGENT_HOME": str(home)}
    env.pop("DESKTOP_AGENT_DB", None)
    proc = subprocess.Popen([sys.executable, str(DRIVER), db_url, login], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()[-2000:]
        call = json.loads(line)
        time.sleep(6.0)  # past a heartbeat: the last known time moves on after the answer
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    [journal_file] = (home / "desk-session").glob("*.json")
    journal = json.loads(journal_file.read_text())
    last_seen = datetime.fromisoformat(journal["last_seen"])
    with Session(db.engine) as s:
        open_row = s.scalar(select(Interaction).where(Interaction.callid == call["call_id"]))
        assert open_row.ended_at is None and open_row.answered_at is not None
        assert last_seen - open_row.answered_at.replace(tzinfo=UTC) >= timedelta(seconds=4)

    time.sleep(1.0)
    done = _cli(home, "--db", db_url, "desk", "--headless", "--calls", "1", "--agent", login)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "an earlier run stopped unexpectedly: 1 open calls closed" in done.stderr
    with Session(db.engine) as s:
        row = s.scalar(select(Interaction).where(Interaction.callid == call["call_id"]))
        assert str(row.id) == call["interaction_id"]
        assert row.ended_at.replace(tzinfo=UTC) == last_seen  # the last known time, not the recovery's
        assert row.notes.startswith("[closed by recovery]") and row.disposition_code is None
    removed = rows(db, login, "REMOVEMEMBER")
    assert [r.time for r in removed if r.time == last_seen] == [last_seen]  # the crashed session's logout, once
    assert len(removed) == 2 and len(rows(db, login, "ADDMEMBER")) == 2  # and the clean run's own
    assert not list((home / "desk-session").glob("*.json"))  # the clean run left nothing

    again = _cli(home, "--db", db_url, "desk", "--headless", "--calls", "1", "--agent", login)
    assert again.returncode == 0 and "earlier run" not in again.stderr
    assert len(rows(db, login, "REMOVEMEMBER")) == 3
    db.dispose()
