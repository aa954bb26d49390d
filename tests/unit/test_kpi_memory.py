"""Memory stays flat: finished calls, old minutes, yesterday's intervals and lost calls are dropped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from desktop_agent.core.kpi import KpiEngine, KpiSettings
from desktop_agent.core.queue_log import QueueLogRecord

START = datetime(2025, 11, 25, 18, 0, tzinfo=UTC)


def traffic(hours: float, every: int = 5) -> Iterator[list[QueueLogRecord]]:
    """One list of rows per simulated minute: a call every `every` seconds over three queues, every
    50th abandoned, every 200th losing its closing row (as a lost row would)."""
    mk = QueueLogRecord.make
    rows: list[tuple[float, QueueLogRecord]] = []
    for i in range(int(hours * 3600 / every)):
        t = START + timedelta(seconds=i * every)
        q, cid, agent = f"q{i % 3}", f"call{i}", f"SIP/{i % 20}"
        rows.append((0, mk(t, cid, q, "NONE", "ENTERQUEUE", "", "+7916", "1")))
        if i % 200 == 7:
            continue
        if i % 50 == 3:
            rows.append((0, mk(t + timedelta(seconds=9), cid, q, "NONE", "ABANDON", "1", "1", "9")))
            continue
        rows += [(0, mk(t + timedelta(seconds=8), cid, q, agent, "CONNECT", "8", "x", "2")),
                 (0, mk(t + timedelta(seconds=68), cid, q, agent, "COMPLETECALLER", "8", "60", "1")),
                 (0, mk(t + timedelta(seconds=68), "NONE", q, agent, "WRAPUPSTART", cid)),
                 (0, mk(t + timedelta(seconds=73), "NONE", q, agent, "WRAPUPEND", cid, "5", "ok"))]
    rows.sort(key=lambda r: r[1].time)
    minute: list[QueueLogRecord] = []
    edge = START + timedelta(minutes=1)
    for _, rec in rows:
        while rec.time >= edge:
            yield minute
            minute, edge = [], edge + timedelta(minutes=1)
        minute.append(rec)
    yield minute


def test_memory_is_flat_over_a_long_day_and_across_midnight():
    engine = KpiEngine(KpiSettings(stale_after=3600))
    sizes = []
    for n, batch in enumerate(traffic(hours=10)):
        engine.feed(batch)
        if n % 60 == 59:
            engine.snapshot(START + timedelta(minutes=n + 1))
            sizes.append(engine.stats())
    first, last = sizes[1], sizes[-1]
    assert engine.rows_seen > 30_000
    # the calls in flight (a dozen) plus lost ones younger than stale_after (at most ~3 per hour)
    assert max(s["calls"] for s in sizes) <= 40
    assert last["handled_pending"] <= 20 and last["pending_queue"] <= 40
    assert last["minutes"] <= 4 * 15                   # 3 queues + overall, 15 minutes each
    assert last["intervals"] <= first["intervals"] + 4 * 4 * 4  # only today's (18:00 UTC start: 6 h before midnight)
    assert last["agents"] == 20 and last["queues"] == 3
    snap = engine.snapshot(START + timedelta(hours=10))
    # after midnight UTC only today's 4 hours of intervals remain
    assert all(p.start >= datetime(2025, 11, 26, tzinfo=UTC)
               for q in engine.snapshot(START + timedelta(hours=10), with_intervals=True).queues.values()
               for p in q.intervals)
    assert snap.overall.waiting_now <= 3


def test_a_call_with_a_lost_closing_row_is_dropped_after_stale_after():
    engine = KpiEngine(KpiSettings(stale_after=600))
    t = START
    engine.feed([QueueLogRecord.make(t, "lost", "q", "NONE", "ENTERQUEUE", "", "", "1")])
    assert engine.snapshot(t + timedelta(minutes=5)).overall.waiting_now == 1
    engine.feed([QueueLogRecord.make(t + timedelta(minutes=11), "other", "q", "NONE", "ENTERQUEUE", "", "", "1")])
    snap = engine.snapshot(t + timedelta(minutes=11))
    assert snap.overall.waiting_now == 1 and snap.overall.longest_wait_now == 0
    assert engine.stats()["calls"] == 1


def test_an_agent_whose_hang_up_row_was_lost_is_freed_without_hours_of_talk():
    engine = KpiEngine(KpiSettings(stale_after=600))
    mk = QueueLogRecord.make
    engine.feed([mk(START, "c", "q", "NONE", "ENTERQUEUE", "", "", "1"),
                 mk(START + timedelta(seconds=5), "c", "q", "SIP/1", "CONNECT", "5", "x", "1")])
    engine.feed([mk(START + timedelta(minutes=30), "d", "q", "NONE", "ENTERQUEUE", "", "", "1")])
    snap = engine.snapshot(START + timedelta(minutes=31))
    assert snap.agents[0].state.value == "ready"
    assert snap.overall.day.handling_time == 0 and snap.overall.day.idle_time == 60
