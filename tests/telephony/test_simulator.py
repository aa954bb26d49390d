"""The headless simulator: Erlang C/A agreement, repeatability, and consistent queue_log records.

The consistency rules (check_calls, check_agents) are imported by test_simulator_softphone.py too.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop_agent.cli import main
from desktop_agent.core import erlang
from desktop_agent.core.phone import CallerIdKind, normalise
from desktop_agent.store import queue_log
from desktop_agent.store.models import Customer, CustomerPhone
from desktop_agent.telephony.simulator import CallerPool, ContactCentre, Profile, SimConfig, run_headless

ENDINGS = {"COMPLETEAGENT", "COMPLETECALLER", "BLINDTRANSFER", "ATTENDEDTRANSFER"}
LEFT = {"ABANDON", "EXITWITHTIMEOUT"}
START = datetime(2024, 3, 4, 0, 0, tzinfo=UTC)
def check_calls(records) -> dict[str, str]:
    """Every call: ENTERQUEUE first, then exactly one way out, with Asterisk's parameters right.
    Returns callid -> how it ended."""
    by_call = defaultdict(list)
    for r in records:
        if r.callid != "NONE":
            by_call[r.callid].append(r)
    outcome = {}
    for callid, recs in by_call.items():
        events = [r.event for r in recs]
        assert events[0] == "ENTERQUEUE" and events.count("ENTERQUEUE") == 1, (callid, events)
        enter = recs[0]
        position = enter.d_int(3)
        assert position >= 1
        ends = [r for r in recs if r.event in ENDINGS | LEFT]
        assert len(ends) == 1, (callid, events)
        end = ends[0]
        assert recs[-1] is end, (callid, events)  # nothing after the way out
        connects = [r for r in recs if r.event == "CONNECT"]
        if end.event in LEFT:
            assert not connects, (callid, events)
            wait = (end.time - enter.time).total_seconds()
            assert end.d_int(2) == position and 1 <= end.d_int(1) <= position
            assert 0 <= wait - end.d_int(3) < 1.001
        else:
            assert len(connects) == 1, (callid, events)
            connect = connects[0]
            hold = (connect.time - enter.time).total_seconds()
            assert 0 <= hold - connect.d_int(1) < 1.001
            assert connect.agent == end.agent and connect.agent.startswith("Agent/")
            offset = 2 if end.event in ("BLINDTRANSFER", "ATTENDEDTRANSFER") else 0
            assert end.d_int(1 + offset) == connect.d_int(1)
            talk = (end.time - connect.time).total_seconds()
            assert 0 <= talk - end.d_int(2 + offset) < 1.001
            assert end.d_int(3 + offset) == position
        for r in recs:
            if r.event in ("RINGNOANSWER", "RINGCANCELED"):
                assert r.agent.startswith("Agent/") and r.d_int(1) >= 0
        assert [r.time for r in recs] == sorted(r.time for r in recs)
        outcome[callid] = end.event
    return outcome


def check_agents(records) -> None:
    """An agent talks to one caller at a time and does wrap-up only between calls; pauses alternate."""
    busy: dict[str, str | None] = defaultdict(lambda: None)
    wrapping: dict[str, str | None] = defaultdict(lambda: None)
    paused: dict[tuple[str, str], bool] = defaultdict(bool)
    members: set[tuple[str, str]] = set()
    for r in records:
        a = r.agent
        if r.event == "ADDMEMBER":
            assert (r.queuename, a) not in members
            members.add((r.queuename, a))
        elif r.event == "REMOVEMEMBER":
            members.remove((r.queuename, a))
        elif r.event == "CONNECT":
            assert busy[a] is None and wrapping[a] is None, (a, r)
            assert (r.queuename, a) in members
            busy[a] = r.callid
        elif r.event in ENDINGS:
            assert busy[a] == r.callid
            busy[a] = None
        elif r.event == "WRAPUPSTART":
            assert wrapping[a] is None and busy[a] is None
            wrapping[a] = r.d(1)
        elif r.event == "WRAPUPEND":
            assert wrapping[a] == r.d(1) and r.d_int(2) >= 0
            wrapping[a] = None
        elif r.event == "PAUSE":
            assert r.d(1), "a pause has a reason"
            paused[(r.queuename, a)] = True
        elif r.event == "UNPAUSE":
            assert paused[(r.queuename, a)]
            paused[(r.queuename, a)] = False


# -- agreement with queueing theory --------------------------------------------------------------

# Student's t quantile, 97.5%, for the replication counts used below
T975 = {7: 2.365, 9: 2.262}


def _replicate(config: SimConfig, hours: float, replications: int, seed0: int):
    runs = []
    for r in range(replications):
        cfg = replace(config, seed=seed0 + r)
        summary, _ = run_headless(cfg, hours)
        assert summary.unfinished == 0
        runs.append(summary)
    return runs


def _ci(values: list[float]) -> tuple[float, float]:
    """Mean and 95% half-width over independent replications (each one a batch mean)."""
    mean = statistics.fmean(values)
    half = T975[len(values) - 1] * statistics.stdev(values) / math.sqrt(len(values))
    return mean, half


def test_simulator_agrees_with_erlang_c():
    # the textbook case: 100 calls / 30 min, AHT 180 s, 13 agents. Each replication is an
    # independent run (own seed, 2 h warm-up dropped), so the CI over replications is honest.
    config = SimConfig(agents=13, calls_per_hour=200, aht=180, warmup=7200, start=START)
    runs = _replicate(config, hours=60, replications=10, seed0=1000)
    theory = erlang.erlang_c_metrics(200 / 3600, 180, 13, 20)
    p_wait, p_half = _ci([s.p_wait for s in runs])
    asa, asa_half = _ci([s.asa for s in runs])
    sl, sl_half = _ci([s.service_level for s in runs])
    assert abs(p_wait - theory.p_wait) <= p_half, (p_wait, p_half, theory.p_wait)
    assert abs(asa - theory.asa) <= asa_half, (asa, asa_half, theory.asa)
    assert abs(sl - theory.service_level) <= sl_half, (sl, sl_half, theory.service_level)
    # the intervals are tight enough to tell 13 agents from 12 or 14
    for n in (12, 14):
        other = erlang.erlang_c_metrics(200 / 3600, 180, n, 20)
        assert abs(p_wait - other.p_wait) > p_half and abs(asa - other.asa) > asa_half
    occupancy = statistics.fmean(s.occupancy for s in runs)
    assert occupancy == pytest.approx(10 / 13, abs=0.01)
    assert sum(s.offered for s in runs) > 110_000


def test_simulator_agrees_with_erlang_a():
    # 11 agents on 10 Erlangs with a 2-minute mean patience: a fifth of the callers wait
    config = SimConfig(agents=11, calls_per_hour=200, aht=180, patience=120, warmup=3600, start=START)
    runs = _replicate(config, hours=30, replications=8, seed0=2000)
    theory = erlang.erlang_a_metrics(200 / 3600, 180, 11, 120, 20)
    for name, value in (("p_wait", theory.p_wait), ("abandon_rate", theory.p_abandon),
                        ("asa", theory.asa), ("service_level", theory.service_level)):
        mean, half = _ci([getattr(s, name) for s in runs])
        assert abs(mean - value) <= half, (name, mean, half, value)


# -- repeatability and records --------------------------------------------------------------------

RICH = SimConfig(
    agents=5, calls_per_hour=100, aht=150, handle="lognormal", patience=90, max_wait=240,
    queues=("support", "sales"), queue_weights=(3, 1), profile="weekday", wrapup=20, ring=4,
    pause_every=1800, pause_length=300, seed=7, start=START,
)
NUMBERS = [f"+7912{n:07d}" for n in range(200)] + ["+442071234567", "+15551234567"]


def test_same_seed_same_run_different_seed_different_run():
    a_summary, a = run_headless(RICH, 24, NUMBERS, keep_records=True)
    b_summary, b = run_headless(RICH, 24, NUMBERS, keep_records=True)
    assert a == b and a_summary == b_summary and len(a) > 5000
    c_summary, c = run_headless(replace(RICH, seed=8), 24, NUMBERS, keep_records=True)
    assert c != a and c_summary.offered != a_summary.offered
    # records or not, the traffic is the same: caller IDs draw from their own stream
    d_summary, _ = run_headless(RICH, 24, NUMBERS)
    assert (d_summary.offered, d_summary.answered, d_summary.asa) == \
        (a_summary.offered, a_summary.answered, a_summary.asa)


def test_every_call_ends_once_and_agents_never_double_book():
    summary, records = run_headless(RICH, 24, NUMBERS, keep_records=True)
    outcomes = Counter(check_calls(records).values())
    check_agents(records)
    assert outcomes["ABANDON"] == summary.abandoned > 0
    assert outcomes["EXITWITHTIMEOUT"] == summary.timed_out > 0
    assert outcomes["COMPLETEAGENT"] + outcomes["COMPLETECALLER"] == summary.answered
    assert summary.offered == summary.answered + summary.abandoned + summary.timed_out
    events = Counter(r.event for r in records)
    assert events["ADDMEMBER"] == events["REMOVEMEMBER"] == 10  # 5 agents x 2 queues
    assert events["PAUSE"] > 0 and events["WRAPUPSTART"] == events["WRAPUPEND"] == summary.answered
    assert {r.queuename for r in records if r.event == "ENTERQUEUE"} == {"support", "sales"}
    connects = [r for r in records if r.event == "CONNECT"]
    assert all(1 <= r.d_int(3) <= 6 for r in connects)  # ring 4 s +/- 50%, whole seconds
    reasons = {r.d(1) for r in records if r.event == "PAUSE"}
    assert reasons <= set(RICH.pause_reasons)
    assert {r.d(3) for r in records if r.event == "WRAPUPEND"} <= set(RICH.dispositions)
    assert summary.occupancy > 0.3 and summary.aht > 150  # talk plus wrap-up


def test_caller_ids_come_in_network_shapes_and_normalise_back():
    _, records = run_headless(RICH, 48, NUMBERS, keep_records=True)
    raw = [r.d(2) for r in records if r.event == "ENTERQUEUE"]
    parsed = {x: normalise(x) for x in set(raw)}
    kinds = Counter(parsed[x].kind for x in raw)
    assert kinds[CallerIdKind.INVALID] == 0
    assert 0.02 < kinds[CallerIdKind.ANONYMOUS] / len(raw) < 0.09
    known = [parsed[x].e164 for x in raw if parsed[x].e164 in set(NUMBERS)]
    assert 0.6 < len(known) / len(raw) < 0.8  # 1 - unknown 25% - anonymous 5%
    shapes = {x[:4] for x in raw}
    assert {"+791", "8912", "sip:", "tel:"} <= shapes or len(shapes) > 6
    assert any(x.startswith("+7 912 ") for x in raw) and any(x.startswith("<sip:8") for x in raw)
    # regulars call again and again: the most frequent number calls far more than average
    top = Counter(known).most_common(1)[0][1]
    assert top > 3 * len(known) / len(set(known))


def test_caller_pool_without_numbers_has_only_unknown_and_anonymous():
    import random

    pool = CallerPool([], random.Random(1), unknown_share=0.25, anonymous_share=0.05)
    kinds = Counter(pool.next().kind for _ in range(2000))
    assert set(kinds) == {"unknown", "anonymous"} and kinds["unknown"] > 1800


def test_intraday_profile_shapes_arrivals():
    config = SimConfig(agents=5, calls_per_hour=60, aht=20, profile="weekday", seed=3, start=START)
    _, records = run_headless(config, 24 * 6, keep_records=True)
    per_hour = defaultdict(int)
    for r in records:
        if r.event == "ENTERQUEUE":
            per_hour[r.time.hour] += 1
    total = sum(per_hour.values())
    assert total / (24 * 6) == pytest.approx(60, rel=0.04)  # the profile keeps the daily mean
    assert per_hour[10] > 10 * per_hour[3]
    custom = Profile.parse([(8, 1.0), (20, 0.0)])
    assert custom.multiplier(3) == 0.0 and custom.multiplier(8) == 1.0 and custom.multiplier(19.9) == 1.0


def test_bad_configuration_is_refused_with_a_reason():
    for bad, words in [
        ({"agents": -1}, "agents"), ({"aht": 0}, "handle time"), ({"patience": -5}, "patience"),
        ({"handle": "gamma"}, "distribution"), ({"queues": ()}, "queue"), ({"queues": ("a", "a")}, "differ"),
        ({"profile": "sunday"}, "profile"), ({"profile": [(25, 1)]}, "hour"),
        ({"unknown_share": 0.9, "anonymous_share": 0.2}, "shares"),
        ({"start": datetime(2024, 1, 1)}, "aware"),
    ]:
        with pytest.raises(ValueError, match=words):
            ContactCentre(SimConfig(**bad))


# -- the command line ---------------------------------------------------------------------------


def test_simulate_command_prints_summary(capsys):
    assert main(["simulate", "--agents", "13", "--calls", "100", "--interval", "1800", "--aht", "180",
                 "--patience", "300", "--hours", "10", "--seed", "1", "--queues", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("offered", "answered", "abandoned", "p_wait", "asa", "service_level", "occupancy"):
        assert key in out
    assert out["offered"] == out["answered"] + out["abandoned"] > 1500
    assert out["queues"] == ["support", "sales"] and out["erlang"]["model"] == "erlang_a"
    assert main(["simulate", "--hours", "10", "--seed", "1", "--queues", "2", "--patience", "300"]) == 0
    assert json.loads(capsys.readouterr().out) == out  # the defaults are the textbook case


def test_simulate_command_refuses_bad_input(capsys):
    assert main(["simulate", "--agents", "-1"]) == 2
    assert main(["simulate", "--hours", "1", "--warmup", "7200"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("desktop-agent: ") for line in err)


def test_simulate_writes_queue_log_with_customer_numbers(db, db_url, capsys):
    with db.transaction() as s:
        for i in range(30):
            c = Customer(full_name=f"Клиент {i}")
            c.phones = [CustomerPhone(e164=f"+7912000{i:04d}")]
            s.add(c)
    assert main(["--db", db_url, "simulate", "--hours", "3", "--patience", "120", "--wrapup", "15",
                 "--write-queue-log"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = queue_log.read_after(db.engine, 0)
    assert out["written"] == len(rows) > 1500 and out["customer_numbers"] == 30
    check_calls(rows)
    check_agents(rows)
    numbers = {normalise(r.d(2)).e164 for r in rows if r.event == "ENTERQUEUE"}
    assert len(numbers & {f"+7912000{i:04d}" for i in range(30)}) >= 20
    # the run ends now: the last arrivals are within minutes of the wall clock
    last = max(r.time for r in rows if r.event == "ENTERQUEUE")
    assert abs((datetime.now(UTC) - last).total_seconds()) < 3600
