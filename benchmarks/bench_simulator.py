"""Throughput of the contact-centre simulator, printed as JSON.

    python benchmarks/bench_simulator.py [--hours H] [--repeat N] [--realtime-seconds S]

Measured:
  headless          the textbook centre (13 agents, 200 calls/h, AHT 180 s) run as fast as possible,
                    no queue_log rows built: simulated calls/s and discrete events/s, per run
  headless_records  the same with every queue_log row built and kept (what `simulate
                    --write-queue-log` does before the database): calls/s, rows/s, and peak memory
  large_centre      300 agents on 300 Erlangs with abandons, wrap-up and pauses: calls/s
  memory            tracemalloc peak of a run without rows: it should not grow with the hours
  realtime_lag_ms   SimulatorSoftphone on an asyncio loop (x`--speed`): how late each queue_log row
                    reaches the records callback after its simulated time, in wall milliseconds
Per-run figures are given as p50/p95/p99 over --repeat runs with different seeds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import time
import tracemalloc
from dataclasses import replace

from desktop_agent.telephony.simulator import ContactCentre, SimConfig, SimulatorSoftphone

TEXTBOOK = SimConfig(agents=13, calls_per_hour=200, aht=180)
LARGE = SimConfig(agents=320, calls_per_hour=6000, aht=180, patience=180, wrapup=15, ring=3,
                  pause_every=3600, pause_length=600, queues=("support", "sales", "billing"))
NUMBERS = [f"+7912{n:07d}" for n in range(5000)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def stats(values: list[float], digits: int = 0) -> dict:
    return {"p50": round(percentile(values, 50), digits), "p95": round(percentile(values, 95), digits),
            "p99": round(percentile(values, 99), digits), "n": len(values)}


def with_seed(config: SimConfig, seed: int) -> SimConfig:
    return replace(config, seed=seed)


def headless(config: SimConfig, hours: float, repeat: int, records: bool) -> dict:
    calls, events, rows, memory = [], [], [], []
    for seed in range(1, repeat + 1):
        kept: list = []
        centre = ContactCentre(with_seed(config, seed), NUMBERS, on_record=kept.append if records else None)
        started = time.perf_counter()
        summary = centre.run(hours)
        elapsed = time.perf_counter() - started
        calls.append(summary.offered / elapsed)
        events.append(summary.events / elapsed)
        rows.append(len(kept) / elapsed)
        memory.append(len(kept))
    out = {"calls_per_s": stats(calls), "events_per_s": stats(events),
           "calls_per_run": summary.offered, "hours": hours}
    if records:
        out["rows_per_s"] = stats(rows)
        out["rows_per_run"] = memory[-1]
    return out


def peak_memory(hours: float, records: bool) -> float:
    kept: list = []
    tracemalloc.start()
    ContactCentre(with_seed(TEXTBOOK, 1), NUMBERS, on_record=kept.append if records else None).run(hours)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 2)


async def realtime_lag(seconds: float, speed: float) -> dict:
    config = SimConfig(agents=13, calls_per_hour=200, aht=180, patience=300, wrapup=20, ring=3,
                       operator="bench", operator_autopause=None)
    lags: list[float] = []
    phone: SimulatorSoftphone

    def on_rows(rows) -> None:
        now = phone.sim_clock().timestamp()
        lags.extend((now - r.time.timestamp()) / speed * 1000 for r in rows)

    phone = SimulatorSoftphone(config, NUMBERS, speed=speed, records=on_rows)
    await phone.start()
    await asyncio.sleep(seconds)
    await phone.stop()
    return {"speed": speed, "rows": len(lags), **(stats(lags, 2) if lags else {})}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hours", type=float, default=1000.0, help="simulated hours per headless run (1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (5)")
    parser.add_argument("--realtime-seconds", type=float, default=10.0, help="wall seconds of real-time run (10)")
    parser.add_argument("--speed", type=float, default=60.0, help="real-time speed factor (60)")
    args = parser.parse_args()
    result = {
        "headless": headless(TEXTBOOK, args.hours, args.repeat, records=False),
        "headless_records": headless(TEXTBOOK, args.hours / 4, args.repeat, records=True),
        "large_centre": headless(LARGE, max(1.0, args.hours / 100), args.repeat, records=False),
        "memory": {
            "peak_mb_no_rows_short": peak_memory(args.hours / 10, records=False),
            "peak_mb_no_rows_long": peak_memory(args.hours / 2, records=False),
            "peak_mb_rows_kept": peak_memory(args.hours / 10, records=True),
            "rows_hours": args.hours / 10,
        },
        "realtime_lag_ms": asyncio.run(realtime_lag(args.realtime_seconds, args.speed)),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
