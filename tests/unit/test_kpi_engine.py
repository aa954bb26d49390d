"""The KPI engine against hand-built queue_log fixtures (tests/unit/fixtures/*.queue_log)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_agent.core.kpi import OVERALL, AgentState, KpiEngine, KpiSettings
from desktop_agent.core.queue_log import QueueLogRecord, parse_line

FIXTURES = Path(__file__).parent / "fixtures"
NINE = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)  # 1764061200, the fixtures' base time


def load(name: str) -> list[QueueLogRecord]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [parse_line(line) for line in lines if line.strip() and not line.startswith("#")]


def at(minutes: float = 0, seconds: float = 0) -> datetime:
    return NINE + timedelta(minutes=minutes, seconds=seconds)


def engine_with(name: str, settings: KpiSettings | None = None) -> KpiEngine:
    engine = KpiEngine(settings, clock=lambda: at(120))   # read an hour after the fixtures' rows
    engine.feed(load(name))
    return engine


def test_counts_every_outcome_of_the_sl_fixture():
    snap = engine_with("sl_bands.queue_log").snapshot(at(14))
    day = snap.queues["support"].day
    assert (day.offered, day.answered, day.answered_in_target) == (9, 3, 2)
    assert (day.abandoned, day.short_abandoned) == (2, 1)
    assert (day.timed_out, day.exit_empty, day.exit_key) == (1, 1, 1)
    assert day.asa == pytest.approx((10 + 20 + 45) / 3)
    assert day.max_answered_wait == 45
    # abandoned 5 s or longer / (offered - short abandons)
    assert day.abandon_rate == pytest.approx(100 * 2 / 8)
    # no wrap-up rows: each call is handled at its COMPLETE once the grace time has passed
    assert day.handled == 3 and day.ended == 3
    assert day.aht == pytest.approx((100 + 200 + 30) / 3)
    # three agents ready from 09:00:00 to 09:14:00, 330 s of it on calls
    assert day.handling_time == pytest.approx(330)
    assert day.idle_time == pytest.approx(3 * 840 - 330)
    assert day.occupancy == pytest.approx(100 * 330 / 2520)
    # the whole fixture lies in one interval and inside the rolling window
    assert snap.queues["support"].interval.raw == day.raw
    assert snap.queues["support"].rolling.offered == 9
    assert snap.overall.day.raw == day.raw


def test_service_level_variants_from_the_same_counts():
    levels = engine_with("sl_bands.queue_log").snapshot(at(14)).queues["support"].day.service_levels
    # A_in=2 A=3 | short: Sh_in=1 | Ab_in=1 Ab_out=1 | exits: X_in=1 (empty) X_out=2 (timeout, key)
    expected = {
        "default": 2 / 6,                 # A_in / (A + Ab_out + X_out)
        "cisco_ignore": 2 / 6,            # the same formula, in Cisco's terms
        "cisco_negative": 2 / 7,          # A_in / (A + Ab_in + Ab_out + X_out)
        "cisco_positive": 3 / 7,          # (A_in + Ab_in) / (A + Ab_in + Ab_out + X_out)
        "genesys": 2 / 5,                 # A_in / (A + Ab_in + Ab_out)
        "amazon_connect": 4 / 9,          # (A_in + Ab_in + Sh_in) / every call that left the queue
        "asterisk_sl": 2 / 3,             # A_in / A
        "asterisk_sl2": 5 / 8,            # (A_in + lost within T) / (A + lost); lost excludes EXITWITHKEY
    }
    assert set(levels) == set(expected)
    for name, value in expected.items():
        assert levels[name] == pytest.approx(100 * value), name


@pytest.mark.parametrize("variant", ["genesys", "asterisk_sl2"])
def test_selected_variant_is_the_headline_service_level(variant):
    day = engine_with("sl_bands.queue_log", KpiSettings(sl_variant=variant)).snapshot(at(14)).queues["support"].day
    assert day.service_level == day.service_levels[variant]


def test_thresholds_move_calls_between_bands():
    # S = 15: the 12 s abandon becomes short too. T = 10: only the 10 s answer is within target.
    day = engine_with("sl_bands.queue_log", KpiSettings(sl_target=10, short_abandon=15)).snapshot(at(14)).overall.day
    assert (day.abandoned, day.short_abandoned, day.answered_in_target) == (1, 2, 1)
    assert day.abandon_rate == pytest.approx(100 * 1 / 7)
    # default: 1 / (3 answered + 1 abandoned after T + 2 exits after T: the 90 s timeout, the 30 s key)
    assert day.service_level == pytest.approx(100 * 1 / 6)
    # S = 0: no abandon is short
    day = engine_with("sl_bands.queue_log", KpiSettings(short_abandon=0)).snapshot(at(14)).overall.day
    assert (day.abandoned, day.short_abandoned) == (3, 0)


def test_call_spanning_interval_boundaries_counts_each_event_where_it_happens():
    engine = engine_with("boundary.queue_log")
    snap = engine.snapshot(at(31), with_intervals=True)
    q = snap.queues["support"]
    by_start = {p.start: p for p in q.intervals}
    first, second, third = by_start[at(0)], by_start[at(15)], by_start[at(30)]
    assert (first.offered, first.answered, first.handled) == (1, 0, 0)
    assert (second.offered, second.answered, second.handled) == (0, 1, 0)
    assert second.service_level == 100.0 and second.asa == 20.0   # 20 s wait is within T
    assert (third.offered, third.answered, third.handled) == (0, 0, 1)
    assert third.aht == 885 + 10
    # agent time is split at the boundaries: ready 09:00:00-09:15:10, busy until 09:30:05, ready again
    assert (first.idle_time, first.handling_time) == (900, 0)
    assert (second.idle_time, second.handling_time) == (10, 890)
    assert (third.handling_time, third.idle_time) == (5, 55)          # running time up to 09:31
    assert q.interval.start == at(30) and q.interval.handled == 1
    assert (q.day.offered, q.day.answered, q.day.handled) == (1, 1, 1)
    assert q.day.handling_time == 895 and q.day.idle_time == 965


def test_rolling_window_keeps_only_the_last_minutes():
    engine = engine_with("boundary.queue_log")
    rolling = engine.snapshot(at(31)).queues["support"].rolling
    assert rolling.start == at(17)                        # 15 whole minutes up to 09:31
    assert (rolling.offered, rolling.answered, rolling.handled) == (0, 0, 1)
    early = KpiEngine()
    early.feed([r for r in load("boundary.queue_log") if r.time <= at(16)])
    assert early.snapshot(at(29)).queues["support"].rolling.answered == 1   # 09:15:10 is inside 09:15-09:29
    assert early.snapshot(at(31)).queues["support"].rolling.answered == 0


def test_transfers_end_calls_as_handled():
    snap = engine_with("transfers.queue_log").snapshot(at(14))
    day = snap.queues["sales"].day
    assert (day.answered, day.ended, day.transferred, day.handled) == (3, 3, 3, 3)
    assert day.aht == pytest.approx((60 + 120 + 90) / 3)
    assert day.asa == pytest.approx((5 + 30 + 8) / 3)
    assert {a.agent: a.state for a in snap.agents} == dict.fromkeys(("SIP/301", "SIP/302", "SIP/303"),
                                                                    AgentState.READY)
    assert snap.queues["sales"].agents_by_state["ready"] == 3


def test_calls_already_connected_before_the_first_row_use_the_rows_data():
    rows = [r for r in load("transfers.queue_log") if r.time > at(seconds=120)]  # a report from 09:02:00
    engine = KpiEngine(clock=lambda: at(14))
    engine.feed(rows)
    day = engine.snapshot().queues["sales"].day
    # t1 and t2 were connected before the range, t3 entered before it: answered once (t3), ended three times
    assert (day.offered, day.answered, day.ended, day.handled) == (0, 1, 3, 3)
    assert day.asa == 8                                       # t3's wait from its CONNECT row's holdtime
    assert day.aht == pytest.approx((60 + 120 + 90) / 3)     # calltime from the TRANSFER rows' data


def test_agent_paused_in_the_middle_of_a_call():
    rows = load("pause_mid_call.queue_log")
    engine = KpiEngine()

    def agent_at(when: datetime, upto: datetime):
        engine.feed([r for r in rows if r.time <= upto and r not in fed])
        fed.update(r for r in rows if r.time <= upto)
        return engine.snapshot(when).agents[0]

    fed: set = set()
    a = agent_at(at(1, 50), at(1, 50))
    assert (a.state, a.paused, a.reason) == (AgentState.ON_CALL, True, "lunch")
    assert a.since == at(1, 4)                  # still "on a call" since CONNECT
    a = agent_at(at(3, 10), at(3, 10))
    assert (a.state, a.seconds_in_state(at(3, 10))) == (AgentState.WRAPUP, 6)
    a = agent_at(at(4), at(4))
    assert (a.state, a.reason, a.since, a.seconds_in_state(at(4))) == (AgentState.PAUSED, "lunch", at(3, 34), 26)
    snap = engine.snapshot(at(10))
    day = snap.queues["support"].day
    assert day.handled == 1 and day.aht == 120 + 30
    # idle only before the call (64 s); the pause after it is neither handling nor idle
    assert (day.handling_time, day.idle_time) == (150, 64)
    assert snap.queues["support"].paused_by_reason == {"lunch": 1}
    a = agent_at(at(40), at(40))
    assert (a.state, a.reason, a.paused, a.since) == (AgentState.READY, "", False, at(33, 34))


def test_calls_waiting_and_longest_wait_are_live():
    def enter(callid: str, queue: str, seconds: int) -> QueueLogRecord:
        return QueueLogRecord.make(at(seconds=seconds), callid, queue, "NONE", "ENTERQUEUE", "", "+7916", "1")

    engine = KpiEngine()
    engine.feed([enter("w1", "support", 10), enter("w3", "sales", 20), enter("w2", "support", 30)])
    snap = engine.snapshot(at(1))
    assert (snap.queues["support"].waiting_now, snap.queues["support"].longest_wait_now) == (2, 50)
    assert (snap.queues["sales"].waiting_now, snap.queues["sales"].longest_wait_now) == (1, 40)
    assert (snap.overall.waiting_now, snap.overall.longest_wait_now) == (3, 50)
    assert snap.queues["support"].day.peak_waiting == 2 and snap.overall.day.peak_waiting == 3
    engine.feed([QueueLogRecord.make(at(seconds=65), "w1", "support", "NONE", "ABANDON", "1", "1", "55")])
    later = engine.snapshot(at(2))
    assert (later.queues["support"].waiting_now, later.queues["support"].longest_wait_now) == (1, 90)
    assert later.overall.waiting_now == 2


def test_exit_rows_without_enterqueue_use_their_waittime():
    engine = KpiEngine()
    engine.feed(load("asterisk_real.queue_log"))
    snap = engine.snapshot(datetime.fromtimestamp(1366722000, UTC))
    day = snap.queues["MYQUEUE"].day
    assert (day.offered, day.answered, day.abandoned, day.short_abandoned) == (2, 2, 1, 0)
    assert (day.timed_out, day.exit_empty, day.exit_key) == (1, 1, 1)
    assert day.raw["timeout_after_t"] == 1 and day.raw["empty_in_t"] == 1 and day.raw["key_in_t"] == 1
    assert day.ring_no_answer == 1 and day.transferred == 1 and day.handled == 2
    assert day.asa == 8 and day.aht == 45
    assert day.service_level == pytest.approx(100 * 2 / 4)
    assert day.service_levels["asterisk_sl2"] == pytest.approx(100 * 3 / 5)
    states = {a.agent: a.state for a in snap.agents}
    assert states == {"SIP/8007": AgentState.LOGGED_OUT, "SIP/8008": AgentState.READY,
                      "Agent/1001": AgentState.LOGGED_OUT}
    assert engine.rows_ignored == 1   # QUEUESTART carries nothing to count


def test_day_resets_at_local_midnight():
    from zoneinfo import ZoneInfo

    moscow = ZoneInfo("Europe/Moscow")  # UTC+3: the day turns at 21:00 UTC
    engine = KpiEngine(KpiSettings(tz=moscow))
    before = datetime(2025, 11, 25, 20, 59, tzinfo=UTC)
    engine.feed([QueueLogRecord.make(before, "d1", "q", "NONE", "ENTERQUEUE", "", "", "1")])
    assert engine.snapshot(before + timedelta(seconds=30)).overall.day.offered == 1
    after = datetime(2025, 11, 25, 21, 1, tzinfo=UTC)
    engine.feed([QueueLogRecord.make(after, "d2", "q", "NONE", "ENTERQUEUE", "", "", "1")])
    snap = engine.snapshot(after, with_intervals=True)
    assert snap.overall.day.offered == 1
    assert snap.overall.day.start == datetime(2025, 11, 25, 21, 0, tzinfo=UTC)
    assert [p.start for p in snap.queues["q"].intervals] == [datetime(2025, 11, 25, 21, 0, tzinfo=UTC)]
    assert snap.overall.waiting_now == 2   # callers do not vanish at midnight


def test_rows_from_a_clock_far_ahead_are_skipped():
    engine = KpiEngine(clock=lambda: NINE)
    engine.feed([QueueLogRecord.make(NINE + timedelta(minutes=4), "ok", "q", "NONE", "ENTERQUEUE", "", "", "1"),
                 QueueLogRecord.make(NINE + timedelta(hours=16), "bad", "q", "NONE", "ENTERQUEUE", "", "", "1")])
    snap = engine.snapshot(NINE + timedelta(minutes=5))
    assert engine.rows_future == 1 and engine.rows_seen == 2
    assert snap.overall.day.offered == 1 and snap.overall.waiting_now == 1
    assert snap.overall.day.start == datetime(2025, 11, 25, tzinfo=UTC)   # today did not end at 01:00 tomorrow


def test_report_mode_keeps_one_total_and_every_interval():
    engine = KpiEngine(reset_daily=False)
    t0 = datetime(2025, 11, 24, 23, 50, tzinfo=UTC)
    engine.feed([QueueLogRecord.make(t0 + timedelta(minutes=20 * i), f"r{i}", "q", "NONE", "ENTERQUEUE", "", "", "1")
                 for i in range(4)])
    snap = engine.snapshot(t0 + timedelta(hours=2), with_intervals=True)
    assert snap.overall.day.offered == 4 and snap.overall.day.start is None
    assert len(snap.queues["q"].intervals) == 4


def test_every_kpi_names_its_formula():
    snap = engine_with("sl_bands.queue_log", KpiSettings(sl_target=30, short_abandon=7)).snapshot(at(14))
    f = snap.formulas
    assert f["service_level"].code == "kpi.service_level.default"
    assert f["service_level"].params == {"T": 30, "S": 7}
    assert "30 s" in f["service_level"].text and "7 s" in f["service_level"].text
    for name in ("asa", "aht", "abandon_rate", "occupancy", "csat", "nps", "ces", "fcr", "longest_wait_now",
                 "waiting_now", "agents_by_state", "service_level.cisco_positive", "service_level.asterisk_sl2"):
        assert f[name].code.startswith("kpi.") and f[name].text and "{" not in f[name].text, name


def test_bad_settings_give_one_line_reasons():
    with pytest.raises(ValueError, match="unknown service-level variant 'avaya'"):
        KpiSettings(sl_variant="avaya")
    with pytest.raises(ValueError, match="positive"):
        KpiSettings(sl_target=0)
    with pytest.raises(ValueError, match="divide a day"):
        KpiSettings(interval_minutes=7)


def test_snapshot_holds_no_caller_number():
    snap = engine_with("sl_bands.queue_log").snapshot(at(14))
    assert "+7916" not in repr(snap.to_json())
    assert OVERALL not in snap.queues


def test_engine_agrees_with_the_simulators_own_counters():
    from desktop_agent.telephony.simulator import SimConfig, run_headless

    config = SimConfig(agents=8, calls_per_hour=220, aht=100, wrapup=10, patience=60, max_wait=200, ring=2,
                       seed=3, queues=("a", "b"), pause_every=1800, pause_length=120)
    summary, records = run_headless(config, 2, keep_records=True)
    engine = KpiEngine(KpiSettings(short_abandon=0), reset_daily=False)
    engine.feed(records)
    engine.flush()
    day = engine.snapshot(records[-1].time).overall.day
    assert (day.offered, day.answered, day.abandoned, day.timed_out) == (
        summary.offered, summary.answered, summary.abandoned, summary.timed_out)
    assert day.answered_in_target / day.offered == pytest.approx(summary.service_level)  # its SL is of offered
    assert day.asa == pytest.approx(summary.asa, abs=1e-3)
    assert day.handled == summary.answered
    assert day.aht == pytest.approx(summary.aht, rel=1e-3)   # the rows carry wrap-up in whole seconds
