from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desktop_agent.core.queue_log import QueueLogRecord, content_uid, parse_line
from desktop_agent.store import queue_log
from desktop_agent.store.models import QueueLog


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
    row = (7, "2026-11-25 09:00:01.500000", "c", "q", "SIP/1", "CONNECT", "3", "", "", "", "", "u1")
    as_text = queue_log.record_of(row)
    naive = queue_log.record_of((7, datetime(2026, 11, 25, 9, 0, 1, 500_000), *row[2:]))
    moscow = datetime(2026, 11, 25, 12, 0, 1, 500_000, tzinfo=timezone(timedelta(hours=3)))
    aware = queue_log.record_of((7, moscow, *row[2:]))
    assert as_text == naive == aware
    assert as_text.time == datetime(2026, 11, 25, 9, 0, 1, 500_000, tzinfo=UTC) and as_text.data == ("3",)
    assert as_text.id == 7 and as_text.uid == "u1"


def _count(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(QueueLog)).scalar_one()


def test_make_draws_a_fresh_uid_unless_given():
    t0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    a = QueueLogRecord.make(t0, "c1", "support", "NONE", "ENTERQUEUE", "", "+7916", "1")
    b = QueueLogRecord.make(t0, "c1", "support", "NONE", "ENTERQUEUE", "", "+7916", "1")
    assert a.uid and b.uid and a.uid != b.uid and len(a.uid) == 32
    assert a == b and hash(a) == hash(b)   # the key is not part of the event: same seed, same records
    assert QueueLogRecord.make(t0, "c1", "q", "NONE", "PAUSE", "lunch", uid="k-1").uid == "k-1"
    assert QueueLogRecord(t0, "c1", "q", "NONE", "PAUSE", ("lunch",), 3).uid is None  # positional, as before
    with pytest.raises(ValueError):
        QueueLogRecord.make(t0, "c1", "q", "NONE", "PAUSE", uid="x" * 65)


def test_append_stores_each_uid_once(db):
    """The outbox's replay: the same records written again store nothing; the count is what was new."""
    t0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    recs = [QueueLogRecord.make(t0 + timedelta(seconds=i), f"c{i}", "support", "PJSIP/1001", "CONNECT", "4")
            for i in range(5)]
    assert queue_log.append(db.engine, recs) == 5
    assert queue_log.append(db.engine, recs) == 0
    more = [QueueLogRecord.make(t0, "c9", "support", "PJSIP/1001", "CONNECT", "7")]
    assert queue_log.append(db.engine, recs[3:] + more) == 1   # a replay that overlaps new work
    assert queue_log.append(db.engine, more + more) == 0
    twice = QueueLogRecord.make(t0, "c10", "support", "NONE", "ENTERQUEUE")
    assert queue_log.append(db.engine, [twice, twice]) == 1   # the same uid twice in one batch
    stored = queue_log.read_after(db.engine, 0)
    assert [r.callid for r in stored] == ["c0", "c1", "c2", "c3", "c4", "c9", "c10"]
    assert [r.uid for r in stored] == [r.uid for r in recs + more + [twice]]
    assert stored[0] == replace(recs[0], id=stored[0].id) and stored[0].uid == recs[0].uid
    window = queue_log.read_range(db.engine, t0, t0 + timedelta(seconds=1))
    assert {r.uid for r in window} == {recs[0].uid, more[0].uid, twice.uid}


def test_records_without_uid_are_always_inserted(db):
    """Rows without a key (Asterisk's own, older desks') never count as duplicates."""
    t0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    bare = [replace(QueueLogRecord.make(t0, "c1", "support", "NONE", "ENTERQUEUE"), uid=None)] * 3
    assert queue_log.append(db.engine, bare) == 3
    assert queue_log.append(db.engine, bare) == 3
    assert _count(db) == 6 and all(r.uid is None for r in queue_log.read_after(db.engine, 0))


def test_large_batches_count_what_was_new(db, monkeypatch):
    monkeypatch.setattr(queue_log, "_BATCH", 100)
    t0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    recs = [QueueLogRecord.make(t0 + timedelta(seconds=i), f"c{i}", "q", "NONE", "ENTERQUEUE") for i in range(250)]
    assert queue_log.append(db.engine, recs[:120]) == 120
    assert queue_log.append(db.engine, iter(recs)) == 130   # three executemany batches, one transaction
    assert _count(db) == 250


def test_a_parsed_lines_uid_is_its_content():
    line = "1366720342|1366720336.1|MYQUEUE|SIP/8008|CONNECT|6|1366720341.5|2"
    rec = parse_line(line)
    assert rec.uid == parse_line(line + "\r\n").uid == parse_line(line + "||").uid == content_uid(rec)
    assert rec.uid.startswith("f:") and len(rec.uid) == 56
    others = [line.replace("|2", "|3"), line.replace("1366720342", "1366720343"), line.replace("8008", "8009"),
              line.replace("CONNECT", "COMPLETEAGENT"), line.replace("MYQUEUE", "OTHER"), line.replace("6|", "6||")]
    assert len({rec.uid, *(parse_line(o).uid for o in others)}) == 7
    assert len({content_uid(rec), content_uid(rec, 1), content_uid(rec, 2)}) == 3
    # what is stored is hashed: a pipe in a field, a field cut to its column's length
    assert parse_line("1366720342|c|Q|SIP/1|CONNECT|" + "x" * 150).uid == parse_line(
        "1366720342|c|Q|SIP/1|CONNECT|" + "x" * 100).uid
