"""Erlang B/C against published tables; Erlang A against its own birth-death chain, solved directly."""

from __future__ import annotations

import json
import math

import pytest

from desktop_agent.cli import main
from desktop_agent.core import erlang

# Erlang B: offered traffic (Erlangs) that N trunks carry at 1% blocking. Standard Erlang B tables,
# e.g. J. R. Boucher, "Traffic System Design Handbook" (IEEE Press, 1993), and the Westbay
# calculator manual (erlang.com): "15 lines ... 1% ... 8.108 Erlangs".
ERLANG_B_1PCT = [(10, 4.461), (15, 8.108), (20, 12.031), (50, 37.901), (100, 84.064)]


@pytest.mark.parametrize(("trunks", "traffic"), ERLANG_B_1PCT)
def test_erlang_b_matches_the_one_percent_table(trunks, traffic):
    assert erlang.erlang_b(trunks, traffic) == pytest.approx(0.01, abs=5e-5)


def test_erlang_b_small_cases_in_closed_form():
    assert erlang.erlang_b(0, 3.0) == 1.0
    assert erlang.erlang_b(1, 1.0) == pytest.approx(0.5)
    # B(2, 2) = (2^2/2!) / (1 + 2 + 2) = 0.4
    assert erlang.erlang_b(2, 2.0) == pytest.approx(0.4)


# The textbook case (Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked
# Example"): 100 calls in 30 minutes, AHT 180 s -> 10 Erlangs. With 11 agents the probability of
# waiting is 68.21% and 39.0% are answered within 20 s; 14 agents are needed for 80/20.
RATE = 100 / 1800


def test_textbook_case_eleven_agents():
    m = erlang.erlang_c_metrics(RATE, 180, 11, 20)
    assert m.traffic == pytest.approx(10.0)
    assert m.p_wait == pytest.approx(0.6821, abs=5e-5)
    assert m.service_level == pytest.approx(0.390, abs=5e-4)
    assert m.occupancy == pytest.approx(10 / 11)


def test_textbook_case_thirteen_and_fourteen_agents():
    m13 = erlang.erlang_c_metrics(RATE, 180, 13, 20)
    assert m13.p_wait == pytest.approx(0.2853, abs=5e-5)
    assert m13.asa == pytest.approx(0.285270453 * 180 / 3, rel=1e-6)
    assert m13.service_level == pytest.approx(0.7956, abs=5e-5)
    assert erlang.agents_needed(RATE, 180, 0.80, 20) == 14
    assert erlang.erlang_c_metrics(RATE, 180, 14, 20).service_level == pytest.approx(0.8884, abs=5e-5)


def test_mitan_worked_example():
    # The step-by-step example of Mitan's "The Erlang-C Formula" page: 360 calls per half hour,
    # 4-minute calls, 55 agents, T = 15 s: 48 Erlangs, 87.3% occupancy, E_C about 0.24, ASA about 8.2 s.
    m = erlang.erlang_c_metrics(360 / 1800, 240, 55, 15)
    assert m.traffic == pytest.approx(48.0)
    assert m.occupancy == pytest.approx(0.8727, abs=1e-4)
    assert m.p_wait == pytest.approx(0.2387, abs=5e-4)
    assert m.asa == pytest.approx(8.18, abs=0.01)
    assert m.service_level == pytest.approx(0.8459, abs=5e-4)


def test_unstable_erlang_c_is_reported_not_raised():
    m = erlang.erlang_c_metrics(RATE, 180, 10, 20)  # agents == load
    assert m.p_wait == 1.0 and m.service_level == 0.0 and math.isinf(m.asa)
    assert m.as_dict()["asa"] is None


def test_large_centres_do_not_overflow():
    # 1,500 Erlangs on 1,560 agents: naive A^N/N! overflows a double long before this
    m = erlang.erlang_c_metrics(1500 / 180, 180, 1560, 20)
    assert 0 < m.p_wait < 0.2 and 0.9 < m.service_level <= 1
    # overloaded Erlang A: the series A(s, y) peaks near e^300, beyond a double
    a = erlang.erlang_a_metrics(1500 / 180, 180, 1000, 600, 20)
    assert math.isfinite(a.asa) and 0.999 < a.p_wait <= 1.0
    # every caller the agents cannot serve abandons: served = capacity
    assert a.p_abandon == pytest.approx(1 - 1000 / 1500, abs=0.01)
    assert a.occupancy == pytest.approx(1.0, abs=0.01)


def _erlang_a_by_chain(rate, aht, n, patience, states=3000):
    """M/M/n+M stationary distribution straight from the balance equations (log space)."""
    mu, theta = 1 / aht, 1 / patience
    logs = [0.0]
    for j in range(1, states):
        logs.append(logs[-1] + math.log(rate) - math.log(min(j, n) * mu + max(0, j - n) * theta))
    top = max(logs)
    p = [math.exp(x - top) for x in logs]
    total = sum(p)
    p = [x / total for x in p]
    p_wait = sum(p[n:])
    p_abandon = sum((j - n) * theta * p[j] for j in range(n, states)) / rate
    return p_wait, p_abandon


@pytest.mark.parametrize(("n", "patience"), [(13, 300), (9, 120), (3, 60), (250, 200)])
def test_erlang_a_agrees_with_the_birth_death_chain(n, patience):
    rate = RATE if n < 100 else 1.5
    m = erlang.erlang_a_metrics(rate, 180, n, patience, 20)
    p_wait, p_abandon = _erlang_a_by_chain(rate, 180, n, patience)
    assert m.p_wait == pytest.approx(p_wait, rel=1e-9)
    assert m.p_abandon == pytest.approx(p_abandon, rel=1e-9)
    # Little's law on the queue: mean wait of all callers = P(abandon) x mean patience
    assert m.mean_wait == pytest.approx(m.p_abandon * patience)
    assert m.occupancy == pytest.approx(rate * 180 * (1 - m.p_abandon) / n)


def test_erlang_a_tends_to_erlang_c_as_patience_grows():
    a = erlang.erlang_a_metrics(RATE, 180, 13, 1e8, 20)
    c = erlang.erlang_c_metrics(RATE, 180, 13, 20)
    assert a.p_wait == pytest.approx(c.p_wait, rel=1e-5)
    assert a.asa == pytest.approx(c.asa, rel=1e-4)
    assert a.service_level == pytest.approx(c.service_level, rel=1e-5)


def test_erlang_a_service_level_bounds():
    m = erlang.erlang_a_metrics(RATE, 180, 11, 300, 20)
    # answered within T lies between "answered without waiting" and "answered at all"
    assert 1 - m.p_wait < m.service_level < 1 - m.p_abandon
    # and grows with T
    assert erlang.erlang_a_metrics(RATE, 180, 11, 300, 60).service_level > m.service_level
    assert erlang.erlang_a_metrics(RATE, 180, 11, 300, 0).service_level == pytest.approx(1 - m.p_wait)


def test_agents_needed_with_patience_and_occupancy_cap():
    with_patience = erlang.agents_needed(RATE, 180, 0.8, 20, patience=300)
    assert with_patience == 13  # impatient callers shorten the queue: one agent fewer than Erlang C
    assert erlang.metrics(RATE, 180, 12, 20, 300).service_level < 0.8
    assert erlang.agents_needed(RATE, 180, 0.8, 20, max_occupancy=0.65) == 16  # 10/16 = 0.625
    assert erlang.agents_needed(0.0, 180, 0.8, 20) == 0


@pytest.mark.parametrize("bad", [
    lambda: erlang.erlang_b(-1, 1.0),
    lambda: erlang.erlang_b(3, float("nan")),
    lambda: erlang.erlang_c_metrics(-1.0, 180, 3),
    lambda: erlang.erlang_c_metrics(1.0, 0, 3),
    lambda: erlang.erlang_a_metrics(1.0, 180, 3, 0),
    lambda: erlang.agents_needed(RATE, 180, 1.0, 20),
])
def test_bad_input_raises_value_error(bad):
    with pytest.raises(ValueError):
        bad()


def test_cli_prints_json(capsys):
    assert main(["erlang", "--calls", "100", "--interval", "1800", "--aht", "180", "--agents", "13",
                 "--target", "20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["model"] == "erlang_c" and out["agents"] == 13
    assert out["p_wait"] == pytest.approx(0.2853, abs=5e-5)
    assert out["agents_needed"] == 14
    assert main(["erlang", "--calls", "100", "--aht", "180", "--agents", "13", "--patience", "300"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["model"] == "erlang_a" and 0 < out["p_abandon"] < 0.05


def test_cli_bad_input_is_one_line(capsys):
    with pytest.raises(SystemExit):
        main(["erlang", "--calls", "lots", "--aht", "180"])
    assert "not a number" in capsys.readouterr().err
    assert main(["erlang", "--calls", "100", "--aht", "180", "--agents", "-2"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("desktop-agent:") and "\n" not in err
