"""Writing and reading the queue_log table. Readers fetch only rows after the last id they saw.

Writes are idempotent: a record's uid is stored at most once (a UNIQUE index, and an INSERT that
skips a row whose uid is already there), so an outbox replaying a write, or a file imported twice,
stores each event once. A record without a uid is always inserted.

Reads are Core selects of plain columns turned straight into core QueueLogRecords: no ORM objects.
The live feed (store.kpi_feed) goes one step further with AfterIdQuery: the select is compiled once
for the database's dialect and run on a DBAPI cursor of a connection the feed keeps, because at one
read a second SQLAlchemy's per-statement work cost more than the rows themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, select
from sqlalchemy.engine import Dialect

from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store.database import Database
from desktop_agent.store.models import QueueLog

log = logging.getLogger(__name__)

_BATCH = 5000
_TABLE = QueueLog.__table__
# (id, time, callid, queuename, agent, event, data1..data5, uid): the order record_of() expects
_COLUMNS = tuple(_TABLE.c[name] for name in ("id", "time", "callid", "queuename", "agent", "event",
                                              "data1", "data2", "data3", "data4", "data5", "uid"))
_INSERTS: dict[str, Any] = {}   # the idempotent INSERT of each dialect, built once


def _row(rec: QueueLogRecord) -> dict:
    d1, d2, d3, d4, d5 = rec.padded_data()
    return {
        "time": rec.time, "callid": rec.callid, "queuename": rec.queuename, "agent": rec.agent,
        "event": rec.event, "data1": d1, "data2": d2, "data3": d3, "data4": d4, "data5": d5,
        "uid": rec.uid,
    }


def _insert(dialect: Dialect) -> Any:
    """INSERT ... ON CONFLICT (uid) DO NOTHING: PostgreSQL and SQLite (3.24 on) say it the same way.
    Only a uid conflict is skipped: any other refusal (a NOT NULL, a type) still fails the batch.
    preserve_rowcount: the driver's count of rows inserted (psycopg sums it over an executemany),
    which SQLAlchemy otherwise keeps only for UPDATE and DELETE."""
    stmt = _INSERTS.get(dialect.name)
    if stmt is None:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        elif dialect.name == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        else:
            raise NotImplementedError(f"queue_log writes on {dialect.name}")
        stmt = _INSERTS[dialect.name] = (dialect_insert(_TABLE).on_conflict_do_nothing(index_elements=["uid"])
                                         .execution_options(preserve_rowcount=True))
    return stmt


def append(engine: Engine, records: Iterable[QueueLogRecord]) -> int:
    """Insert records in batches (one executemany each), all in one transaction. A record whose uid
    is already stored (or comes earlier in the same call) is skipped. Returns how many rows were
    inserted."""
    with engine.begin() as conn:
        return _append_on(conn, records)


def append_in(db: Database, records: Iterable[QueueLogRecord]) -> int:
    """append() in the store's current transaction: inside Database.batch() (the outbox's replay)
    the rows go with the batch's commit instead of a connection and a commit of their own."""
    with db.transaction() as session:
        return _append_on(session.connection(), records)


def _append_on(conn: Connection, records: Iterable[QueueLogRecord]) -> int:
    stmt = _insert(conn.dialect)
    written = 0
    batch: list[dict] = []
    for rec in records:
        batch.append(_row(rec))
        if len(batch) >= _BATCH:
            written += _inserted(conn.execute(stmt, batch), len(batch))
            batch = []
    if batch:
        written += _inserted(conn.execute(stmt, batch), len(batch))
    return written


def _inserted(result: Any, rows: int) -> int:
    count = result.rowcount
    return count if count >= 0 else rows  # a driver that cannot count: every row, as before


# ---------------------------------------------------------------------- rows -> records

def _utc(value: Any) -> datetime:
    """The time column as an aware UTC datetime, from what the driver gives: SQLite's text
    ('2026-11-23 08:00:01.000000'), PostgreSQL's naive datetime, or SQLAlchemy's aware one."""
    if type(value) is str:
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value if value.tzinfo is UTC else value.astimezone(UTC)


def record_of(row: Sequence[Any]) -> QueueLogRecord:
    """(id, time, callid, queuename, agent, event, data1..data5, uid) -> a record; trailing empty
    data fields are dropped, as a queue_log text line has them."""
    rid, when, callid, queue, agent, event, d1, d2, d3, d4, d5, uid = row
    if d5:
        data: tuple[str, ...] = (d1, d2, d3, d4, d5)
    elif d4:
        data = (d1, d2, d3, d4)
    elif d3:
        data = (d1, d2, d3)
    elif d2:
        data = (d1, d2)
    elif d1:
        data = (d1,)
    else:
        data = ()
    return QueueLogRecord(_utc(when), callid, queue, agent, event, data, rid, uid)


def records_of(rows: Sequence[Sequence[Any]]) -> list[QueueLogRecord]:
    """Records of rows in order. A row that cannot be read (a time that is no time: SQLite does not
    check types) is left out with a warning naming its id, so one bad row from outside never stops
    a feed; the row stays in the table."""
    try:
        return [record_of(r) for r in rows]
    except (TypeError, ValueError, AttributeError):
        out = []
        for r in rows:
            try:
                out.append(record_of(r))
            except (TypeError, ValueError, AttributeError) as exc:
                log.warning("queue_log row %s skipped: %s", r[0] if r else "?", exc)
        return out


# ---------------------------------------------------------------------- reading

def after_id_select():  # noqa: ANN201 - a sqlalchemy Select
    """Rows with id > :after_id, oldest first, at most :limit: one range scan of the primary key."""
    return (select(*_COLUMNS).where(_TABLE.c.id > bindparam("after_id"))
            .order_by(_TABLE.c.id).limit(bindparam("limit")))


class AfterIdQuery:
    """after_id_select() compiled once for a dialect, run on a DBAPI cursor, fetching tuples."""

    def __init__(self, dialect: Dialect) -> None:
        compiled = after_id_select().compile(dialect=dialect)
        self.sql = str(compiled)
        self._defaults = dict(compiled.construct_params({"after_id": 0, "limit": 1}))  # + e.g. SQLite's OFFSET
        self._order = tuple(compiled.positiontup) if compiled.positional else None

    def params(self, after_id: int, limit: int) -> tuple | dict:
        values = dict(self._defaults, after_id=after_id, limit=limit)
        if self._order is None:
            return values
        return tuple(values[name] for name in self._order)

    def fetch(self, cursor: Any, after_id: int, limit: int) -> list[tuple]:
        cursor.execute(self.sql, self.params(after_id, limit))
        return cursor.fetchall()


def read_after(engine: Engine, last_id: int = 0, limit: int = 50_000) -> Sequence[QueueLogRecord]:
    """Rows with id > last_id, oldest first: the incremental feed (one indexed range scan)."""
    with engine.connect() as conn:
        rows = conn.execute(after_id_select(), {"after_id": last_id, "limit": limit}).all()
    return records_of(rows)


def read_range(engine: Engine, start, end, queue: str | None = None) -> Sequence[QueueLogRecord]:  # noqa: ANN001
    """Rows with start <= time < end (by the time index), for reports."""
    stmt = select(*_COLUMNS).where(_TABLE.c.time >= start, _TABLE.c.time < end)
    if queue:
        stmt = stmt.where(_TABLE.c.queuename.in_([queue, "NONE", ""]))
    stmt = stmt.order_by(_TABLE.c.time, _TABLE.c.id)
    with engine.connect() as conn:
        return records_of(conn.execute(stmt).all())


def last_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.max(QueueLog.id), 0))).scalar_one()
