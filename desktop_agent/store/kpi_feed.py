"""The live KPI feed: new queue_log rows since the last id seen.

    feed = QueueLogFeed.since(db, start_of_today)
    while running:                       # on one worker thread, never the GUI thread
        engine.feed(feed.read_new())     # once a second (core.wallboard_feed ticks it)

The feed keeps ONE connection of its own (taken from the engine's pool, so it has the pool's
connect settings, then detached from it) in autocommit mode, and reads on it with a select compiled
once (store.queue_log.AfterIdQuery): a read a second costs a round trip and the rows, not a
connection checkout, statement compilation and ORM objects.

When the database goes away the connection is dropped; the feed keeps trying (once a second at
most), reconnects by itself, and reports how stale its data is (`staleness`: seconds since it last
heard from the database) so a wallboard can say "data is N s old". A QueueLogFeed belongs to one
thread.

Also here: the other KPI inputs read from the store (survey answers, contacts for FCR).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from desktop_agent.core.kpi.fcr import FCR_WINDOW, Contact
from desktop_agent.core.kpi.surveys import SurveyInput
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store.database import Database
from desktop_agent.store.models import Interaction, QueueLog, SurveyAnswer, Ticket
from desktop_agent.store.queue_log import AfterIdQuery, records_of

log = logging.getLogger(__name__)

_RECONNECT_EVERY = 1.0  # seconds between attempts to connect again while the server is away


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


class QueueLogFeed:
    def __init__(self, db: Database, *, after_id: int = 0, batch: int = 20_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """after_id: rows with a larger id are new (0 = the whole table)."""
        self._db = db
        self.last_id = after_id
        self._batch = batch
        self._clock = clock
        self._last_ok = clock()
        dialect = db.engine.dialect
        self._query = AfterIdQuery(dialect)
        # what a lost or refused connection raises: the driver's own errors on the kept
        # connection, SQLAlchemy's when the pool connects
        self._errors: tuple[type[BaseException], ...] = (dialect.loaded_dbapi.Error, SQLAlchemyError, OSError)
        self._conn: Any = None     # the pool's connection record, detached: closing it really closes
        self._cursor: Any = None
        self._connected_before = False   # the next connection is a reconnect
        self._next_connect_try = 0.0
        self.last_error: str | None = None
        self.reconnects = 0        # connections re-established after a loss

    @classmethod
    def since(cls, db: Database, when: datetime, **kwargs) -> QueueLogFeed:  # noqa: ANN003
        """A feed whose first read returns the rows from `when` on (e.g. today's, to rebuild the day)."""
        return cls(db, after_id=first_id_at(db, when) - 1, **kwargs)

    # -------------------------------------------------------------- reading
    def read_new(self) -> Sequence[QueueLogRecord]:
        """The rows added since the last call, oldest first, at most `batch` of them. [] when the
        database cannot be reached (see last_error and staleness)."""
        cursor = self._cursor if self._cursor is not None else self._connect()
        if cursor is None:
            return []
        try:
            rows = self._query.fetch(cursor, self.last_id, self._batch)
        except self._errors as exc:
            self._lost(exc)
            return []
        self._last_ok = self._clock()
        self.last_error = None
        if not rows:
            return []
        self.last_id = rows[-1][0]
        return records_of(rows)

    @property
    def staleness(self) -> float:
        """Seconds since the database last answered a read."""
        return max(0.0, self._clock() - self._last_ok)

    @property
    def healthy(self) -> bool:
        return self.last_error is None

    # -------------------------------------------------------------- the connection
    def _connect(self) -> Any:
        """The cursor of a new connection, or None (last_error says why) while none can be had."""
        now = self._clock()
        if now < self._next_connect_try:
            return None
        self._next_connect_try = now + _RECONNECT_EVERY
        try:
            conn = self._db.engine.raw_connection()
        except self._errors as exc:
            self._failed(exc)
            return None
        try:
            conn.detach()   # the feed's own from now on: never handed to anyone else by the pool
            self._db.engine.dialect.set_isolation_level(conn.dbapi_connection, "AUTOCOMMIT")
            cursor = conn.dbapi_connection.cursor()
        except self._errors as exc:
            self._conn = conn
            self._lost(exc)
            return None
        if self._connected_before:
            self.reconnects += 1
            log.info("queue_log feed: connected again")
        self._conn, self._cursor, self._connected_before = conn, cursor, True
        self._succeeded()
        return cursor

    def _lost(self, exc: BaseException) -> None:
        self._drop_connection()
        self._failed(exc)

    def _drop_connection(self) -> None:
        conn, self._conn, self._cursor = self._conn, None, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection may fail in any driver's way
                pass

    def close(self) -> None:
        """Let the connection go. A later read connects afresh (that is no reconnect after a loss)."""
        self._drop_connection()
        self._next_connect_try = 0.0
        self._connected_before = False

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
