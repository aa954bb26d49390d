"""The live KPI feed on SQLite and PostgreSQL, and the KPI inputs from the store."""

from __future__ import annotations

import logging
import sqlite3
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import text

from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store import queue_log
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.kpi_feed import QueueLogFeed, first_id_at, read_contacts, read_survey_answers
from desktop_agent.store.migrate import alembic_config, head_revision, upgrade
from desktop_agent.store.models import Customer, Interaction, SurveyAnswer, Ticket
from desktop_agent.testing import start_pg_cluster

T0 = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)


def rows(n: int, start: int = 0, queue: str = "support") -> list[QueueLogRecord]:
    return [QueueLogRecord.make(T0 + timedelta(seconds=start + i), f"c{start + i}", queue, "NONE", "ENTERQUEUE",
                                "", "", "1") for i in range(n)]


def test_reads_only_new_rows(db):
    feed = QueueLogFeed(db)
    assert feed.read_new() == []
    queue_log.append(db.engine, rows(3))
    assert [r.callid for r in feed.read_new()] == ["c0", "c1", "c2"]
    assert feed.read_new() == []
    queue_log.append(db.engine, rows(2, start=3))
    assert [r.callid for r in feed.read_new()] == ["c3", "c4"]
    assert feed.healthy and feed.staleness < 5


def test_feed_since_a_time_replays_from_there(db):
    queue_log.append(db.engine, rows(10))
    feed = QueueLogFeed.since(db, T0 + timedelta(seconds=7))
    assert [r.callid for r in feed.read_new()] == ["c7", "c8", "c9"]
    later = QueueLogFeed.since(db, T0 + timedelta(hours=1))
    assert later.read_new() == []
    queue_log.append(db.engine, rows(1, start=3600))
    assert [r.callid for r in later.read_new()] == ["c3600"]
    assert first_id_at(db, T0) == later.last_id - 10


def test_batches_are_bounded(db):
    queue_log.append(db.engine, rows(25))
    feed = QueueLogFeed(db, batch=10)
    assert [len(feed.read_new()) for _ in range(4)] == [10, 10, 5, 0]


def test_reads_share_one_connection_and_leave_no_transaction_open(db):
    """The feed keeps one connection for reads and holds no snapshot between reads: a SQLite
    writer can still truncate the WAL, a PostgreSQL backend is idle, not idle in transaction."""
    feed = QueueLogFeed(db)
    queue_log.append(db.engine, rows(3))
    assert len(feed.read_new()) == 3
    queue_log.append(db.engine, rows(2, start=3))
    assert [r.callid for r in feed.read_new()] == ["c3", "c4"]
    assert feed.read_new() == []
    if db.is_sqlite:
        checkpoint = sqlite3.connect(db.engine.url.database, timeout=0.2)
        try:
            busy, _, _ = checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            checkpoint.close()
        assert busy == 0
    else:
        activity = text("SELECT pid, state, query FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND query LIKE 'SELECT queue_log.id%'")
        with db.engine.connect() as conn:
            readers = conn.execute(activity).all()
        assert [(state, query.split()[0]) for _, state, query in readers] == [("idle", "SELECT")]
    assert feed.reconnects == 0 and feed.healthy
    feed.close()


def test_a_row_that_is_no_record_is_skipped_with_its_id(db, caplog):
    """SQLite does not check types: a time that is no time, written by some other program, is
    named in a warning and passed over; the rows around it are read."""
    if not db.is_sqlite:
        pytest.skip("PostgreSQL refuses such a row")
    queue_log.append(db.engine, rows(1))
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, "
                          "data4, data5) VALUES ('yesterday noon', 'bad', 'q', 'NONE', 'ENTERQUEUE', '', '', '', "
                          "'', '')"))
        bad_id = conn.execute(text("SELECT max(id) FROM queue_log")).scalar_one()
    queue_log.append(db.engine, rows(1, start=1))
    feed = QueueLogFeed(db)
    with caplog.at_level(logging.WARNING, logger="desktop_agent.store.queue_log"):
        assert [r.callid for r in feed.read_new()] == ["c0", "c1"]
    assert f"queue_log row {bad_id} skipped" in caplog.text
    assert feed.healthy and feed.read_new() == []
    queue_log.append(db.engine, rows(1, start=2))
    assert [r.callid for r in feed.read_new()] == ["c2"]


@pytest.mark.postgres
def test_the_queue_log_notify_trigger_is_gone_on_postgresql(pg_url):
    """Nothing LISTENs on queue_log's channel any more: 0003 drops 0002's trigger (and puts it back
    on a downgrade), so writers do not pay a pg_notify per INSERT."""
    db = Database(make_engine(parse_url(pg_url)))
    triggers = text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    functions = text("SELECT count(*) FROM pg_proc WHERE proname = 'queue_log_notify'")

    def installed() -> tuple[list[str], int]:
        with db.engine.connect() as conn:
            return conn.execute(triggers).scalars().all(), conn.execute(functions).scalar_one()

    assert upgrade(db.engine, "0002") == "0002"
    assert installed() == (["queue_log_notify"], 1)
    assert upgrade(db.engine) == head_revision()
    assert installed() == ([], 0)
    queue_log.append(db.engine, rows(2))  # the table still takes rows, and the feed reads them
    assert len(QueueLogFeed(db).read_new()) == 2
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert installed() == (["queue_log_notify"], 1)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert installed() == ([], 0)
    assert upgrade(db.engine) == head_revision()
    assert installed() == ([], 0)
    db.dispose()


@pytest.mark.postgres
def test_survives_the_database_going_away():
    cluster = start_pg_cluster(durable=True)  # its own cluster: crashing the shared one would break other tests
    try:
        db = Database(make_engine(parse_url(cluster.createdb("feed"))))
        upgrade(db.engine)
        queue_log.append(db.engine, rows(2))
        feed = QueueLogFeed(db)
        assert len(feed.read_new()) == 2
        cluster.crash()
        assert feed.read_new() == []
        assert not feed.healthy and feed.last_error
        started = time.monotonic()
        assert feed.read_new() == []         # no exception, no hanging on the dead server
        assert time.monotonic() - started < 0.5
        time.sleep(0.6)
        assert feed.staleness >= 0.5
        cluster.restart()
        queue_log.append(db.engine, rows(3, start=10))
        got: list[QueueLogRecord] = []
        deadline = time.monotonic() + 30
        while len(got) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
            got += feed.read_new()
        assert [r.callid for r in got] == ["c10", "c11", "c12"]
        assert feed.healthy and feed.staleness < 5
        assert feed.reconnects == 1
        queue_log.append(db.engine, rows(1, start=20))
        assert [r.callid for r in feed.read_new()] == ["c20"]
        feed.close()
        db.dispose()
    finally:
        cluster.stop()


def test_survey_answers_and_contacts_for_kpis(db):
    with db.transaction() as s:
        s.add_all([SurveyAnswer(callid="c1", queue="support", at=T0, kind="csat", score=5),
                   SurveyAnswer(callid="c2", queue="sales", at=T0 + timedelta(minutes=1), kind="nps", score=9),
                   SurveyAnswer(callid="c3", queue="support", at=T0 + timedelta(days=2), kind="ces", score=3)])
        cust = Customer(full_name="Иван Петров")
        s.add(cust)
        s.flush()
        billing = Ticket(number="T-1", customer_id=cust.id, subject="bill", category="billing")
        s.add(billing)
        s.flush()
        for day, ticket in ((0, billing.id), (2, billing.id), (1, None)):
            s.add(Interaction(callid=f"i{day}", customer_id=cust.id, ticket_id=ticket,
                              offered_at=T0 + timedelta(days=day)))
        s.add(Interaction(callid="anon", customer_id=None, ticket_id=billing.id, offered_at=T0))
    answers = read_survey_answers(db, T0, T0 + timedelta(days=1))
    assert sorted((a.kind, a.score, a.queue) for a in answers) == [("csat", 5, "support"), ("nps", 9, "sales")]
    assert [a.kind for a in read_survey_answers(db, T0, T0 + timedelta(days=3), queue="support")] in (
        ["csat", "ces"], ["ces", "csat"])
    contacts = read_contacts(db, T0, T0 + timedelta(days=1))
    assert sorted(c.at for c in contacts) == [T0, T0 + timedelta(days=2)]   # no ticket, no customer: left out
    assert {c.category for c in contacts} == {"billing"} and len({c.customer_id for c in contacts}) == 1
    uuid.UUID(contacts[0].customer_id)
