"""The operator window when the central database goes away mid-call (a real PostgreSQL, stopped with
`pg_ctl stop -m immediate`): the operator hangs up, picks a disposition, goes Ready and takes the
next call while it is down; the status bar says how many changes wait; when the database is back
every row arrives once, with the times at which things happened."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import make_services
from operator_harness import until
from sqlalchemy import func, select
from window_fixtures import close_window, fake_phone_window

from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.call_session import CallState
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.migrate import upgrade
from desktop_agent.store.models import Interaction, QueueLog
from desktop_agent.testing import start_pg_cluster
from desktop_agent.ui.shell.outbox_status import OutboxStatusLabel

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


@pytest.fixture
def offline_desk(qtbot, qloop):
    cluster = start_pg_cluster(durable=True)
    db = Database(make_engine(parse_url(cluster.createdb("desk"))))
    upgrade(db.engine)
    services = make_services(db)
    parts, phone = fake_phone_window(services, qloop)
    yield parts, phone, services, cluster
    close_window(parts)
    db.dispose()
    cluster.stop()


def take_call(parts, phone, qloop, number: str) -> str:
    call_id = phone.ring(number)
    qloop.run_until_complete(until(lambda: parts.flow.current and parts.flow.current.call_id == call_id,
                                   what="the ring"))
    assert parts.flow.answer()
    qloop.run_until_complete(until(lambda: parts.flow.current.state is CallState.TALKING, what="talking"))
    return call_id


def wrap_up_and_ready(parts, qloop, call_id: str) -> None:
    assert parts.flow.hangup()
    qloop.run_until_complete(until(lambda: parts.flow.current.state is CallState.WRAPUP, what="wrap-up"))
    assert parts.flow.set_disposition("info_provided")
    assert parts.flow.go_ready()
    qloop.run_until_complete(until(lambda: parts.flow.current is None or parts.flow.current.call_id != call_id,
                                   what="Ready, though the database is down", timeout=10))


def test_the_database_stops_mid_call_and_the_operator_goes_on(offline_desk, qloop):
    parts, phone, services, cluster = offline_desk
    label = parts.window.findChild(OutboxStatusLabel)
    assert label is not None and not label.isVisible()
    first = take_call(parts, phone, qloop, "+79161234567")
    qloop.run_until_complete(until(lambda: parts.flow.interaction_id(first) is not None, what="the call's row"))

    cluster.crash()
    down = datetime.now(UTC)
    wrap_up_and_ready(parts, qloop, first)  # not locked in wrap-up
    assert parts.flow.agent_status.state in (AgentState.READY, AgentState.RINGING)
    second = take_call(parts, phone, qloop, "+74950000002")  # rings while the database is down
    wrap_up_and_ready(parts, qloop, second)
    qloop.run_until_complete(until(lambda: label.isVisible() and "Offline" in label.text(), what="the notice"))
    assert parts.flow.desk.writes.pending > 0
    up_at = datetime.now(UTC)

    cluster.restart()
    qloop.run_until_complete(until(lambda: parts.flow.desk.writes.pending == 0, timeout=30,
                                   what="the outbox to send what waits"))
    qloop.run_until_complete(until(lambda: not label.isVisible(), what="the notice to go"))
    with services.db.session() as s:
        rows = {i.callid: i for i in s.scalars(select(Interaction).where(Interaction.callid.in_([first, second])))}
        assert set(rows) == {first, second}
        assert all(r.disposition_code == "info_provided" and r.ended_at is not None for r in rows.values())
        # the second call rang while the database was down: it keeps that time, not the replay's
        assert down <= rows[second].offered_at <= up_at
        assert rows[first].ended_at <= up_at and rows[first].wrapup_seconds < 30
        once = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.callid == second))
        assert once == 1
        events = [e for (e,) in s.execute(select(QueueLog.event).where(
            QueueLog.event.in_(("WRAPUPSTART", "WRAPUPEND"))))]
        assert sorted(events) == ["WRAPUPEND"] * 2 + ["WRAPUPSTART"] * 2  # each call's, once
