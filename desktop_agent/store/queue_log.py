"""Writing and reading the queue_log table. Readers fetch only rows after the last id they saw."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Engine, func, insert, select

from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store.models import QueueLog

_BATCH = 5000


def _row(rec: QueueLogRecord) -> dict:
    d1, d2, d3, d4, d5 = rec.padded_data()
    return {
        "time": rec.time, "callid": rec.callid, "queuename": rec.queuename, "agent": rec.agent,
        "event": rec.event, "data1": d1, "data2": d2, "data3": d3, "data4": d4, "data5": d5,
    }


def append(engine: Engine, records: Iterable[QueueLogRecord]) -> int:
    """Insert records in batches, each batch in one transaction. Returns how many were written."""
    written = 0
    batch: list[dict] = []
    with engine.begin() as conn:
        for rec in records:
            batch.append(_row(rec))
            if len(batch) >= _BATCH:
                conn.execute(insert(QueueLog), batch)
                written += len(batch)
                batch = []
        if batch:
            conn.execute(insert(QueueLog), batch)
            written += len(batch)
    return written


def _record(row) -> QueueLogRecord:  # noqa: ANN001
    data = [row.data1, row.data2, row.data3, row.data4, row.data5]
    while data and data[-1] == "":
        data.pop()
    return QueueLogRecord(time=row.time, callid=row.callid, queuename=row.queuename, agent=row.agent,
                          event=row.event, data=tuple(data), id=row.id)


def read_after(engine: Engine, last_id: int = 0, limit: int = 50_000) -> Sequence[QueueLogRecord]:
    """Rows with id > last_id, oldest first: the incremental feed (one indexed range scan)."""
    stmt = select(QueueLog).where(QueueLog.id > last_id).order_by(QueueLog.id).limit(limit)
    with engine.connect() as conn:
        return [_record(r) for r in conn.execute(stmt)]


def read_range(engine: Engine, start, end, queue: str | None = None) -> Sequence[QueueLogRecord]:  # noqa: ANN001
    """Rows with start <= time < end (by the time index), for reports."""
    stmt = select(QueueLog).where(QueueLog.time >= start, QueueLog.time < end)
    if queue:
        stmt = stmt.where(QueueLog.queuename.in_([queue, "NONE", ""]))
    stmt = stmt.order_by(QueueLog.time, QueueLog.id)
    with engine.connect() as conn:
        return [_record(r) for r in conn.execute(stmt)]


def last_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.max(QueueLog.id), 0))).scalar_one()
