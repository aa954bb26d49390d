from datetime import UTC, datetime, timedelta, timezone

from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store import queue_log


def test_append_and_read_incrementally(db):
    t0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    recs = [QueueLogRecord.make(t0 + timedelta(seconds=i), f"c{i}", "support", "NONE", "ENTERQUEUE", "", "+79123456789", "1")
            for i in range(7)]
    assert queue_log.append(db.engine, recs) == 7
    first = queue_log.read_after(db.engine, 0, limit=4)
    assert [r.callid for r in first] == ["c0", "c1", "c2", "c3"]
    rest = queue_log.read_after(db.engine, first[-1].id)
    assert [r.callid for r in rest] == ["c4", "c5", "c6"]
    assert rest[0].time == t0 + timedelta(seconds=4)
    assert rest[0].data == ("", "+79123456789", "1")
    assert queue_log.last_id(db.engine) == rest[-1].id
    window = queue_log.read_range(db.engine, t0 + timedelta(seconds=2), t0 + timedelta(seconds=5))
    assert [r.callid for r in window] == ["c2", "c3", "c4"]


def test_the_feeds_compiled_query_reads_what_read_after_reads(db):
    """AfterIdQuery (a DBAPI cursor, plain tuples) and read_after (SQLAlchemy) give the same records."""
    t0 = datetime(2026, 11, 25, 9, 0, 0, 250_000, tzinfo=UTC)
    recs = [QueueLogRecord.make(t0, "c1", "support", "NONE", "ENTERQUEUE", "", "+79123456789", "1"),
            QueueLogRecord.make(t0, "c1", "support", "PJSIP/1001", "CONNECT", "4", "1700.5", "2"),
            QueueLogRecord.make(t0, "NONE", "support", "PJSIP/1001", "PAUSE", "lunch"),
            QueueLogRecord.make(t0, "NONE", "NONE", "PJSIP/1001", "WRAPUPEND", "c1", "12", "sale", "", "x")]
    queue_log.append(db.engine, recs)
    query = queue_log.AfterIdQuery(db.engine.dialect)
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        first = queue_log.records_of(query.fetch(cursor, 0, 3))
        rest = queue_log.records_of(query.fetch(cursor, first[-1].id, 10))
    finally:
        raw.close()
    assert first + rest == list(queue_log.read_after(db.engine, 0))
    assert [r.data for r in first + rest] == [("", "+79123456789", "1"), ("4", "1700.5", "2"), ("lunch",),
                                              ("c1", "12", "sale", "", "x")]
    assert all(r.time == t0 and r.time.tzinfo is UTC for r in first + rest)
    assert rest[-1].id == queue_log.last_id(db.engine)


def test_records_from_each_drivers_time():
    row = (7, "2026-11-25 09:00:01.500000", "c", "q", "SIP/1", "CONNECT", "3", "", "", "", "")
    as_text = queue_log.record_of(row)
    naive = queue_log.record_of((7, datetime(2026, 11, 25, 9, 0, 1, 500_000), *row[2:]))
    moscow = datetime(2026, 11, 25, 12, 0, 1, 500_000, tzinfo=timezone(timedelta(hours=3)))
    aware = queue_log.record_of((7, moscow, *row[2:]))
    assert as_text == naive == aware
    assert as_text.time == datetime(2026, 11, 25, 9, 0, 1, 500_000, tzinfo=UTC) and as_text.data == ("3",)
    assert as_text.id == 7
