from datetime import UTC, datetime, timedelta

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
