"""The live KPI feed: new queue_log rows since the last id seen, woken early by PostgreSQL NOTIFY.

    feed = QueueLogFeed.since(db, start_of_today)
    while running:                       # on one worker thread, never the GUI thread
        engine.feed(feed.read_new())
        feed.wait(1.0)                   # returns early when rows arrive

On PostgreSQL a trigger (migration 0002) sends NOTIFY on every INSERT into queue_log, and the feed
LISTENs on a connection of its own. On SQLite there is no NOTIFY, so wait() polls the newest id.
When the database goes away the feed keeps trying, reconnects by itself, and reports how stale its
data is (`staleness`: seconds since it last heard from the database) so a wallboard can say
"data is N s old". A QueueLogFeed belongs to one thread.

Also here: the other KPI inputs read from the store (survey answers, contacts for FCR).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

import psycopg
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from desktop_agent.core.kpi.fcr import FCR_WINDOW, Contact
from desktop_agent.core.kpi.surveys import SurveyInput
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store import queue_log
from desktop_agent.store.database import Database
from desktop_agent.store.models import Interaction, QueueLog, SurveyAnswer, Ticket

log = logging.getLogger(__name__)

CHANNEL = "queue_log"   # the channel migration 0002's trigger notifies
_RECONNECT_EVERY = 1.0  # seconds between attempts to re-LISTEN while the server is away


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


class QueueLogFeed:
    def __init__(self, db: Database, *, after_id: int = 0, batch: int = 20_000, poll_interval: float = 0.25,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """after_id: rows with a larger id are new (0 = the whole table)."""
        self._db = db
        self.last_id = after_id
        self._batch = batch
        self._poll = poll_interval
        self._clock = clock
        self._last_ok = clock()
        self._listener: psycopg.Connection | None = None
        self._listened = False     # a LISTEN connection existed before: the next one is a reconnect
        self._next_listen_try = 0.0
        self.last_error: str | None = None
        self.reconnects = 0        # LISTEN connections re-established after a loss

    @classmethod
    def since(cls, db: Database, when: datetime, **kwargs) -> QueueLogFeed:  # noqa: ANN003
        """A feed whose first read returns the rows from `when` on (e.g. today's, to rebuild the day)."""
        return cls(db, after_id=first_id_at(db, when) - 1, **kwargs)

    # -------------------------------------------------------------- reading
    def read_new(self) -> Sequence[QueueLogRecord]:
        """The rows added since the last call, oldest first, at most `batch` of them. [] when the
        database cannot be reached (see last_error and staleness)."""
        try:
            rows = queue_log.read_after(self._db.engine, self.last_id, limit=self._batch)
        except (SQLAlchemyError, OSError) as exc:
            self._failed(exc)
            return []
        self._succeeded()
        if rows:
            self.last_id = rows[-1].id or self.last_id
        return rows

    @property
    def staleness(self) -> float:
        """Seconds since the database last answered a read, a poll or a LISTEN check."""
        return max(0.0, self._clock() - self._last_ok)

    @property
    def healthy(self) -> bool:
        return self.last_error is None

    # -------------------------------------------------------------- waiting
    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True as soon as new rows are (probably) there."""
        if self._db.is_sqlite:
            return self._poll_wait(timeout)
        return self._notify_wait(timeout)

    def _poll_wait(self, timeout: float) -> bool:
        deadline = self._clock() + timeout
        while True:
            try:
                newest = queue_log.last_id(self._db.engine)
                self._succeeded()
                if newest > self.last_id:
                    return True
            except (SQLAlchemyError, OSError) as exc:
                self._failed(exc)
            remaining = deadline - self._clock()
            if remaining <= 0:
                return False
            time.sleep(min(self._poll, remaining))

    def _notify_wait(self, timeout: float) -> bool:
        deadline = self._clock() + timeout
        conn = self._listener
        if conn is None:
            conn = self._listen()
            if conn is not None:
                return True  # rows may have come while nobody listened: have the caller read once
            time.sleep(max(0.0, deadline - self._clock()))
            return False
        try:
            woken = any(True for _ in conn.notifies(timeout=max(0.0, timeout), stop_after=1))
            if woken:
                for _ in conn.notifies(timeout=0.0):  # fold a burst of notifications into one wake-up
                    pass
            else:  # make sure the connection still lives, so that a dead server is noticed
                conn.execute("SELECT 1")
            self._succeeded()
            return woken
        except psycopg.Error as exc:
            self._drop_listener()
            self._failed(exc)
            time.sleep(max(0.0, deadline - self._clock()))
            return False

    def _listen(self) -> psycopg.Connection | None:
        now = self._clock()
        if now < self._next_listen_try:
            return None
        self._next_listen_try = now + _RECONNECT_EVERY
        url = self._db.engine.url
        params = url.translate_connect_args(username="user", database="dbname")
        params.update({k: v for k, v in url.query.items() if isinstance(v, str)})
        params.setdefault("connect_timeout", 5)
        try:
            conn = psycopg.connect(autocommit=True, application_name="desktop-agent-kpi-feed", **params)
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            self._failed(exc)
            return None
        if self._listened:
            self.reconnects += 1
            log.info("queue_log feed: listening again")
        self._listener, self._listened = conn, True
        self._succeeded()
        return conn

    def _drop_listener(self) -> None:
        conn, self._listener = self._listener, None
        if conn is not None:
            try:
                conn.close()
            except psycopg.Error:  # pragma: no cover - closing a broken connection
                pass

    def close(self) -> None:
        self._drop_listener()

    # -------------------------------------------------------------- health
    def _succeeded(self) -> None:
        self._last_ok = self._clock()
        self.last_error = None

    def _failed(self, exc: BaseException) -> None:
        reason = _reason(exc)
        if reason != self.last_error:
            log.warning("queue_log feed: database unavailable: %s", reason)
        self.last_error = reason


def first_id_at(db: Database, when: datetime) -> int:
    """The id of the first row at or after `when` (by the time index); the next id if none."""
    with db.engine.connect() as conn:
        first = conn.execute(select(func.min(QueueLog.id)).where(QueueLog.time >= when)).scalar()
        if first is not None:
            return first
        return (conn.execute(select(func.coalesce(func.max(QueueLog.id), 0))).scalar_one()) + 1


def read_survey_answers(db: Database, start: datetime, end: datetime,
                        queue: str | None = None) -> list[SurveyInput]:
    stmt = select(SurveyAnswer.at, SurveyAnswer.kind, SurveyAnswer.score, SurveyAnswer.queue).where(
        SurveyAnswer.at >= start, SurveyAnswer.at < end)
    if queue:
        stmt = stmt.where(SurveyAnswer.queue == queue)
    with db.engine.connect() as conn:
        return [SurveyInput(at, kind, score, q) for at, kind, score, q in conn.execute(stmt)]


def read_contacts(db: Database, start: datetime, end: datetime, window: timedelta = FCR_WINDOW) -> list[Contact]:
    """Calls with a known customer and an issue category (the linked ticket's), from `start` to
    `end + window`, so that repeats after the period are seen. Calls with neither cannot be matched.
    All queues: a repeat through another queue is still a repeat."""
    stmt = (select(Interaction.customer_id, Ticket.category, Interaction.offered_at)
            .join(Ticket, Ticket.id == Interaction.ticket_id)
            .where(Interaction.customer_id.is_not(None),
                   Interaction.offered_at >= start, Interaction.offered_at < end + window))
    with db.engine.connect() as conn:
        return [Contact(str(cid), category, at) for cid, category, at in conn.execute(stmt)]
