"""The KPI engine's running sums and cached parts (agent groups, the rolling window's running sum,
agent DTOs kept while an agent does not change) give the figures a recount would give."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.kpi import KpiEngine
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.telephony.simulator import ContactCentre, SimConfig

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def same(a, b, path: str = "") -> None:  # noqa: ANN001
    """Equal JSON trees, floats to a relative 1e-9 (sums may be added up in another order)."""
    if isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) or isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6), (path, a, b)
    else:
        assert a == b, (path, a, b)


def seconds_of_traffic(minutes: int) -> list[list[QueueLogRecord]]:
    config = SimConfig(agents=25, calls_per_hour=900, aht=60, wrapup=8, ring=2, patience=50, max_wait=120,
                       queues=("sales", "support", "billing"), pause_every=600, pause_length=90,
                       pause_reasons=("break", "lunch"), seed=11, start=START)
    pending: list[QueueLogRecord] = []
    centre = ContactCentre(config, on_record=pending.append)
    out = []
    for second in range(1, minutes * 60 + 1):
        centre.advance(float(second))
        out.append(list(pending))
        pending.clear()
    return out


def test_ticking_every_second_gives_the_figures_of_one_read_of_everything():
    batches = seconds_of_traffic(40)
    clock = [START]
    ticking = KpiEngine(clock=lambda: clock[0])
    for second, batch in enumerate(batches, 1):
        clock[0] = START + timedelta(seconds=second)
        ticking.feed(batch)
        if second % 7 == 0 or second % 60 in (0, 1):
            ticking.snapshot(clock[0], with_intervals=second % 300 == 0)
    once = KpiEngine(clock=lambda: clock[0])
    once.feed([r for batch in batches for r in batch])
    for at in (clock[0], clock[0] + timedelta(seconds=90), clock[0] + timedelta(minutes=20)):
        same(once.snapshot(at, with_intervals=True).to_json(), ticking.snapshot(at, with_intervals=True).to_json())
    snap = ticking.snapshot(clock[0])
    assert snap.overall.day.offered > 150 and snap.overall.rolling.offered > 0
    assert sum(snap.overall.agents_by_state.values()) == 25 and snap.overall.paused_by_reason
    assert snap.overall.rolling.occupancy is not None and 0 < snap.overall.rolling.occupancy < 100


def test_agent_dtos_are_kept_while_the_agents_do_not_change():
    mk = QueueLogRecord.make
    engine = KpiEngine(clock=lambda: START + timedelta(minutes=5))
    engine.feed([mk(START, "NONE", "q", f"SIP/{i}", "ADDMEMBER") for i in range(3)])
    first = engine.snapshot(START + timedelta(seconds=10)).agents
    assert engine.snapshot(START + timedelta(seconds=20)).agents is first     # nothing changed: the same tuple
    engine.feed([mk(START + timedelta(seconds=30), "c", "q", "NONE", "ENTERQUEUE", "", "", "1"),
                 mk(START + timedelta(seconds=32), "c", "q", "SIP/1", "CONNECT", "2", "x", "1")])
    second = engine.snapshot(START + timedelta(seconds=40)).agents
    assert [a.agent for a in second] == ["SIP/0", "SIP/1", "SIP/2"]
    assert second[0] is first[0] and second[2] is first[2]
    assert second[1] is not first[1] and second[1].state.value == "on_call"
    assert second[1].since == START + timedelta(seconds=32)


def test_the_rolling_window_forgets_old_peaks_and_sums():
    mk = QueueLogRecord.make
    engine = KpiEngine()
    # minute 0: three callers wait at once, one is answered after 40 s; minute 20: one caller, answered at once
    engine.feed([mk(START + timedelta(seconds=i), f"a{i}", "q", "NONE", "ENTERQUEUE", "", "", "1") for i in range(3)]
                + [mk(START + timedelta(seconds=40), "a0", "q", "SIP/1", "CONNECT", "40", "x", "1")])
    early = engine.snapshot(START + timedelta(minutes=1)).queues["q"].rolling
    assert (early.peak_waiting, early.max_answered_wait, early.offered) == (3, 40, 3)
    engine.feed([mk(START + timedelta(seconds=50 + i), f"a{i}", "q", "NONE", "ABANDON", "1", "1", "50") for i in (1, 2)]
                + [mk(START + timedelta(minutes=20), "b", "q", "NONE", "ENTERQUEUE", "", "", "1"),
                   mk(START + timedelta(minutes=20, seconds=1), "b", "q", "SIP/2", "CONNECT", "1", "x", "1")])
    late = engine.snapshot(START + timedelta(minutes=20, seconds=5)).queues["q"]
    assert (late.rolling.offered, late.rolling.answered, late.rolling.abandoned) == (1, 1, 0)
    assert (late.rolling.peak_waiting, late.rolling.max_answered_wait) == (1, 1)
    assert (late.day.peak_waiting, late.day.max_answered_wait, late.day.abandoned) == (3, 40, 2)
    assert late.rolling.asa == pytest.approx(1.0) and late.day.asa == pytest.approx(20.5)
    # the clock moves on with no rows: the window empties, the day keeps its counts
    quiet = engine.snapshot(START + timedelta(minutes=40)).queues["q"]
    assert (quiet.rolling.offered, quiet.rolling.peak_waiting, quiet.rolling.asa) == (0, 0, None)
    assert quiet.day.offered == 4
