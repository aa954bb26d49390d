"""Change notification between two "desktops": two Database objects on one database."""

import threading
import time

import psycopg
import pytest
from sqlalchemy import text

from desktop_agent.core.ports import ChangeEvent, ChangeFeed, FeedStatus, TicketDraft
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.migrate import upgrade
from desktop_agent.store.notify import CHANNEL, DatabaseChangeFeed, record_change
from desktop_agent.store.tickets import TicketStore
from desktop_agent.testing import start_pg_cluster


def open_db(url: str) -> Database:
    return Database(make_engine(parse_url(url)))


def wait_for(predicate, timeout: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


class Recorder:
    def __init__(self, feed: DatabaseChangeFeed) -> None:
        self.events: list[ChangeEvent] = []
        self.statuses: list[FeedStatus] = []
        self.threads: set[str] = set()
        feed.subscribe(self._event)
        feed.on_status(self.statuses.append)

    def _event(self, event: ChangeEvent) -> None:
        self.threads.add(threading.current_thread().name)
        self.events.append(event)

    def ids(self) -> list[str]:
        return [e.entity_id for e in self.events]


def test_changes_of_other_desktops_arrive_and_own_changes_do_not(db, db_url):
    desk_a = TicketStore(db, "desk-A")
    db_b = open_db(db_url)
    desk_b = TicketStore(db_b, "desk-B")
    feed = DatabaseChangeFeed(db_b, "desk-B", poll_interval=0.05)
    assert isinstance(feed, ChangeFeed)
    seen = Recorder(feed)
    try:
        feed.start()
        wait_for(lambda: feed.status and feed.status.connected, what="connected")
        first = desk_a.create(TicketDraft(subject="from A"), agent_id=None)
        own = desk_b.create(TicketDraft(subject="from B itself"), agent_id=None)
        second = desk_a.update(first.id, 1, {"subject": "edited by A"}, agent_id=None)
        wait_for(lambda: len(seen.events) >= 2, what="two events")
        time.sleep(0.2)  # give a wrongly delivered own change the chance to show up
        assert [(e.entity, e.entity_id, e.origin) for e in seen.events] == [
            ("ticket", str(first.id), "desk-A"), ("ticket", str(second.id), "desk-A")]
        assert seen.events[0].id < seen.events[1].id
        assert str(own.id) not in seen.ids()
        assert seen.threads == {"change-feed"}
        assert [s.connected for s in seen.statuses] == [True]

        # a feed stopped and started again from its last id catches up on what it missed
        feed.stop()
        missed = desk_a.create(TicketDraft(subject="while B was away"), agent_id=None)
        later = DatabaseChangeFeed(db_b, "desk-B", since_id=feed.last_id, poll_interval=0.05)
        assert [e.entity_id for e in later.catch_up()] == [str(missed.id)]
        assert later.catch_up() == []
    finally:
        feed.stop()
        db_b.dispose()


def test_a_change_log_that_went_back_in_time_is_read_again(db, db_url):
    """A server that lost its last commits reuses their ids; a restarted feed must not skip the new rows."""
    desk_a = TicketStore(db, "desk-A")
    db_b = open_db(db_url)
    feed = DatabaseChangeFeed(db_b, "desk-B", poll_interval=0.05)
    seen = Recorder(feed)
    try:
        feed.start()
        wait_for(lambda: feed.status and feed.status.connected, what="connected")
        kept, *lost = [desk_a.create(TicketDraft(subject=f"t{i}"), agent_id=None) for i in range(3)]
        wait_for(lambda: len(seen.events) == 3, what="three events")
        feed.stop()
        with db.transaction() as session:  # the last two commits vanish, and their ids come round again
            session.execute(text("DELETE FROM change_log WHERE id > :id"), {"id": seen.events[0].id})
            if not db.is_sqlite:
                session.execute(text("SELECT setval(pg_get_serial_sequence('change_log', 'id'), :id)"),
                                {"id": seen.events[0].id})
        again = [desk_a.create(TicketDraft(subject=f"new {i}"), agent_id=None) for i in range(2)]
        feed.start()
        wait_for(lambda: len(seen.events) == 5, what="the rows with reused ids")
        assert seen.ids() == [str(t.id) for t in (kept, *lost, *again)]
        assert seen.events[3].id == seen.events[1].id  # the same id, a different change
    finally:
        feed.stop()
        db_b.dispose()


@pytest.mark.postgres
def test_notify_is_sent_at_commit_with_the_change_log_id(pg_url):
    db = open_db(pg_url)
    upgrade(db.engine)
    listener = psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql"), autocommit=True)
    try:
        listener.execute(f"LISTEN {CHANNEL}")
        with db.transaction() as session:
            change_id = record_change(session, "ticket", "t-1", "desk-A")
            assert list(listener.notifies(timeout=0.3)) == []  # nothing before the commit
        [note] = list(listener.notifies(timeout=5, stop_after=1))
        assert (note.channel, note.payload) == (CHANNEL, str(change_id))
        with pytest.raises(RuntimeError), db.transaction() as session:  # a rolled-back change says nothing
            record_change(session, "ticket", "t-2", "desk-A")
            raise RuntimeError
        assert list(listener.notifies(timeout=0.3)) == []
    finally:
        listener.close()
        db.dispose()


@pytest.mark.postgres
def test_feed_survives_a_database_crash_and_catches_up():
    cluster = start_pg_cluster(durable=True)  # its own server: crashing the shared one would hurt other tests
    url = cluster.createdb("desk")
    db_a, db_b = open_db(url), open_db(url)
    upgrade(db_a.engine)
    desk_a = TicketStore(db_a, "desk-A")
    feed = DatabaseChangeFeed(db_b, "desk-B", retry_max=0.5)
    seen = Recorder(feed)
    try:
        feed.start()
        wait_for(lambda: feed.status and feed.status.connected, what="connected")
        before = desk_a.create(TicketDraft(subject="before the crash"), agent_id=None)
        wait_for(lambda: len(seen.events) == 1, what="first event")

        # The test cluster commits asynchronously, so the crash may also take the last commit with it
        # and the server then hands out change_log ids again: the feed must notice and still deliver.
        cluster.crash()
        wait_for(lambda: not feed.status.connected, what="the outage to be reported")
        assert seen.statuses[-1].detail  # a one-line reason for the status bar
        assert "\n" not in seen.statuses[-1].detail

        cluster.restart()
        after = [desk_a.create(TicketDraft(subject=f"after {i}"), agent_id=None) for i in range(3)]
        wait_for(lambda: len(seen.events) == 4, what="catch-up after the restart")
        time.sleep(0.2)
        assert seen.ids() == [str(t.id) for t in (before, *after)]  # none lost, none twice
        assert [s.connected for s in seen.statuses] == [True, False, True]
    finally:
        feed.stop()
        db_a.dispose()
        db_b.dispose()
        cluster.stop()
