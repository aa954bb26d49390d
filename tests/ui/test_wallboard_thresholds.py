"""Wallboard logic without Qt: alarm thresholds with hysteresis, the staffing hint, the feed's tick
(reconnecting by itself), and the per-user settings file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core import erlang
from desktop_agent.core.kpi import KpiEngine, KpiSettings
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.core.thresholds import (
    DEFAULT_RULES,
    Level,
    ThresholdRule,
    ThresholdTracker,
    Worse,
    rules_from_json,
    rules_to_json,
    service_level_goal,
)
from desktop_agent.core.wallboard_feed import CATCH_UP_ROWS, WallboardFeed, estimate_patience, staffing_hint

T0 = datetime(2025, 11, 25, 9, 0, tzinfo=UTC)


def waiting_rule(**kw) -> ThresholdRule:
    return ThresholdRule("waiting_now", **{"amber": 5, "red": 10, "worse": Worse.HIGHER, "band": 1, "hold": 0, **kw})


def levels(tracker: ThresholdTracker, kpi: str, readings, step: float = 1.0) -> list[Level]:
    return [tracker.update(kpi, v, i * step)[0] for i, v in enumerate(readings)]


# ---------------------------------------------------------------- thresholds

def test_worse_shows_at_once_and_better_only_past_the_band():
    t = ThresholdTracker([waiting_rule()])
    got = levels(t, "waiting_now", [0, 5, 4.5, 4.1, 4, 10, 9.5, 9.1, 9, 12])
    G, A, R = Level.GREEN, Level.AMBER, Level.RED
    # amber at 5; stays amber above 4 (band 1), green at 4; red at 10, stays red above 9
    assert got == [G, A, A, A, G, R, R, R, A, R]


def test_a_reading_hovering_at_the_boundary_does_not_flicker():
    t = ThresholdTracker([ThresholdRule("service_level", 80, 70, Worse.LOWER, band=1, hold=0)])
    readings = [80.2, 79.9, 80.1, 79.8, 80.3, 79.95, 80.4] * 5
    got = levels(t, "service_level", readings)
    changes = sum(1 for a, b in zip(got, got[1:], strict=False) if a != b)
    assert changes == 1 and got[-1] is Level.AMBER   # turned amber once and stayed there
    assert t.update("service_level", 81.5, 99)[0] is Level.GREEN   # a clear recovery calms it


def test_hold_keeps_the_alarm_until_the_calm_has_lasted():
    t = ThresholdTracker([waiting_rule(hold=10)])
    assert t.update("waiting_now", 12, 0)[0] is Level.RED
    assert t.update("waiting_now", 2, 1)[0] is Level.RED       # calm starts at 1 s
    assert t.update("waiting_now", 2, 6)[0] is Level.RED
    assert t.update("waiting_now", 11, 7)[0] is Level.RED      # trouble again: the hold starts over
    assert t.update("waiting_now", 2, 8)[0] is Level.RED
    assert t.update("waiting_now", 2, 17)[0] is Level.RED
    assert t.update("waiting_now", 2, 18)[0] is Level.GREEN    # 10 s of calm since 8 s


def test_entered_red_fires_once_per_alarm():
    t = ThresholdTracker([waiting_rule()])
    fired = [t.update("waiting_now", v, i)[1] for i, v in enumerate([3, 11, 12, 15, 2, 11])]
    assert fired == [False, True, False, False, False, True]


def test_no_figure_no_colour_and_no_rule_no_colour():
    t = ThresholdTracker([waiting_rule()])
    assert t.update("waiting_now", None, 0) == (Level.NONE, False)
    assert t.update("occupancy", 99.0, 0) == (Level.NONE, False)
    assert t.update("waiting_now", 20, 1) == (Level.RED, True)   # from no data straight to red: a beep
    disabled = ThresholdTracker([waiting_rule(enabled=False)])
    assert disabled.update("waiting_now", 50, 0)[0] is Level.NONE


@pytest.mark.parametrize("kwargs, message", [
    ({"amber": 10, "red": 5}, "red (5) must be at or above amber (10)"),
    ({"band": -1}, "band and hold cannot be negative"),
    ({"amber": float("nan")}, "amber must be a finite number"),
])
def test_bad_rules_say_what_is_wrong_in_one_line(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        waiting_rule(**kwargs)
    assert "\n" not in str(info.value)


def test_saved_rules_round_trip_and_bad_entries_keep_their_default():
    rules = {r.kpi: r for r in DEFAULT_RULES}
    rules["asa"] = ThresholdRule("asa", 15, 30, Worse.HIGHER, band=3, hold=4)
    data = json.loads(json.dumps(rules_to_json(rules.values())))
    back, problems = rules_from_json(data)
    assert back == rules and problems == []
    data["aht"] = {"amber": 500, "red": 100}          # red below amber for a higher-is-worse KPI
    data["nonsense"] = {"amber": 1}
    data["ces"] = "loud"
    back, problems = rules_from_json(data)
    assert back["aht"] == {r.kpi: r for r in DEFAULT_RULES}["aht"]
    assert back["asa"].amber == 15
    assert len(problems) == 3 and all("\n" not in p for p in problems)
    assert service_level_goal(back) == pytest.approx(0.80)


# ---------------------------------------------------------------- staffing hint and feed

def rec(sec: float, callid: str, agent: str, event: str, *data) -> QueueLogRecord:  # noqa: ANN002
    return QueueLogRecord.make(T0 + timedelta(seconds=sec), callid, "support" if callid != "NONE" else "NONE",
                               agent, event, *data)


def traffic(calls: int = 60, abandons: int = 10) -> list[QueueLogRecord]:
    """Three agents; a call every 10 s with a 15 s wait and 60 s talk; every sixth caller gives up."""
    rows = [rec(0, "NONE", f"Agent/{a}", "ADDMEMBER") for a in ("a1", "a2", "a3")]
    for i in range(calls):
        t, cid = 10 * i + 1, f"c{i}"
        rows.append(rec(t, cid, "NONE", "ENTERQUEUE", "", "+79161234567", "1"))
        if i % 6 == 5 and abandons:
            rows.append(rec(t + 30, cid, "NONE", "ABANDON", "1", "1", "30"))
            continue
        agent = f"Agent/a{i % 3 + 1}"
        rows.append(rec(t + 15, cid, agent, "CONNECT", "15", "x", "2"))
        rows.append(rec(t + 75, cid, agent, "COMPLETECALLER", "15", "60", "1"))
    return rows


def test_staffing_hint_uses_the_rolling_rate_aht_and_patience():
    engine = KpiEngine(KpiSettings(), clock=lambda: T0 + timedelta(minutes=12))
    engine.feed(traffic())
    snap = engine.snapshot(T0 + timedelta(minutes=12))
    hint = staffing_hint(snap, 0.8)
    rolling = snap.overall.rolling
    window = (rolling.end - rolling.start).total_seconds()
    assert hint.calls_per_hour == pytest.approx(60 / window * 3600)
    assert hint.aht == pytest.approx(60.0)
    patience = estimate_patience(rolling)
    assert patience == pytest.approx((50 * 15 + 10 * 30) / 10)   # all time waited / abandons
    assert hint.patience == patience and hint.model == "erlang_a"
    assert hint.needed == erlang.agents_needed(60 / window, 60.0, 0.8, 20, patience=patience)
    assert hint.staffed == 3 and hint.gap == hint.needed - 3


def test_staffing_hint_without_abandons_is_erlang_c_and_without_calls_asks_for_nobody():
    engine = KpiEngine(KpiSettings(), clock=lambda: T0 + timedelta(minutes=12))
    engine.feed(traffic(abandons=0))
    hint = staffing_hint(engine.snapshot(T0 + timedelta(minutes=12)), 0.8)
    assert hint.patience is None and hint.model == "erlang_c" and hint.needed >= 2
    empty = KpiEngine(KpiSettings(), clock=lambda: T0)
    quiet = staffing_hint(empty.snapshot(T0), 0.8)
    assert (quiet.needed, quiet.reason) == (0, "no_calls")


class ListSource:
    """A queue_log source over a list (the store's QueueLogFeed is used in the live test)."""

    def __init__(self, rows: list[QueueLogRecord], batch: int = 1000) -> None:
        self.rows, self.batch, self.pos = rows, batch, 0
        self.last_error: str | None = None
        self.staleness = 0.0
        self.closed = False

    def read_new(self):  # noqa: ANN201
        out = self.rows[self.pos:self.pos + self.batch]
        self.pos += len(out)
        return out

    def close(self) -> None:
        self.closed = True


def test_feed_comes_up_by_itself_when_the_database_returns():
    now = [0.0]
    attempts = []
    source = ListSource(traffic())

    def open_source():  # noqa: ANN202
        attempts.append(now[0])
        if len(attempts) < 3:
            raise ConnectionError("could not connect to server: Connection refused\nIs the server running?")
        return source

    engine = KpiEngine(KpiSettings(), clock=lambda: T0 + timedelta(minutes=12))
    feed = WallboardFeed(engine, open_source, clock=lambda: T0 + timedelta(minutes=12), retry_every=2.0,
                         monotonic=lambda: now[0])
    first = feed.tick()
    assert first.error == "could not connect to server: Connection refused" and first.snapshot.overall.day.offered == 0
    now[0] = 1.0
    assert feed.tick().error is not None and attempts == [0.0]       # not hammering: next try after 2 s
    now[0] = 2.5
    assert feed.tick().staleness == pytest.approx(2.5)
    now[0] = 5.0
    frame = feed.tick()
    assert attempts == [0.0, 2.5, 5.0] and frame.error is None
    assert frame.history and frame.snapshot.overall.day.offered == 60 and frame.rows == len(source.rows)
    assert frame.hint is not None and frame.hint.needed is not None
    feed.close()
    assert source.closed


def test_feed_reads_a_backlog_in_batches_and_says_it_is_catching_up():
    big = ListSource([r for _ in range(30) for r in traffic(calls=50)], batch=CATCH_UP_ROWS)
    clock = [0.0]

    def mono() -> float:
        clock[0] += 0.2   # every read "takes" 0.2 s of the 0.5 s budget
        return clock[0]

    engine = KpiEngine(KpiSettings(), clock=lambda: T0 + timedelta(minutes=12))
    feed = WallboardFeed(engine, lambda: big, clock=lambda: T0 + timedelta(minutes=12), monotonic=mono)
    frames = [feed.tick() for _ in range(20)]
    assert frames[0].catching_up and not frames[0].history
    done = next(i for i, f in enumerate(frames) if not f.catching_up)
    assert frames[done].history and sum(f.rows for f in frames) == len(big.rows)



@pytest.mark.parametrize("rate, aht, goal, patience", [
    (20000 / 3600, 40.0, 0.8, None), (20000 / 3600, 40.0, 0.8, 60.0), (0.05, 180.0, 0.9, None), (0.4, 300.0, 0.7, 120.0)])
def test_staffing_search_from_the_last_answer_gives_the_same_answer(rate, aht, goal, patience):
    from desktop_agent.core.wallboard_feed import agents_needed_near

    exact = erlang.agents_needed(rate, aht, goal, 20, patience=patience)
    for guess in (None, 1, exact - 30, exact - 2, exact, exact + 3, exact + 40):
        assert agents_needed_near(rate, aht, goal, 20, patience, guess) == exact, guess
