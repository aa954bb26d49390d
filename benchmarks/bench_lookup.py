"""Screen-pop lookup latency on a seeded database: known numbers, unknown numbers, garbage. Prints JSON.

Each lookup is what a ringing call costs: ScreenPopService.lookup(raw caller ID), with its own
short connection checkouts, sequentially on one thread. Known numbers are drawn at random from
customer_phones and handed over in the shapes a PBX delivers them (+7 912..., 8912..., sip:...).

Small scale (a quick check):
    python benchmarks/bench_lookup.py --customers 20000 --tickets 8000 --interactions 100000 --lookups 2000 --pg
Full scale (the issue's target is p95 <= 20 ms on both backends):
    python benchmarks/bench_lookup.py --customers 1000000 --tickets 2000000 --interactions 5000000 \\
        --lookups 20000 --pg
Reuse a seeded database instead (it is seeded first only when it has no customers):
    python benchmarks/bench_lookup.py --db sqlite:///big.sqlite3 --lookups 20000
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop_agent.crm.screen_pop import ScreenPopService
from desktop_agent.store.database import Database, check_connection, make_engine, parse_url
from desktop_agent.store.migrate import is_current, upgrade
from desktop_agent.store.models import Customer, CustomerPhone, Interaction, Ticket
from desktop_agent.store.seed import caller_id_formats  # noqa: E402 - the shapes carriers deliver
from desktop_agent.testing import start_pg_cluster

GARBAGE = [
    None, "", "anonymous", "Anonymous", "restricted", "sip:anonymous@anonymous.invalid", "garbage!!",
    "Robert'); DROP TABLE customers;--", "' OR 1=1 --", "9" * 500, "x" * 5000, "Иван ☎ 📞", "\x00\x1b[31m",
    "12", "+7 912 +7", "sip:@host", "<sip:abc@host>", "тел. 8 912 345", "8-800-КОМПАНИЯ",
]


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return math.nan
    return sorted_values[max(1, math.ceil(p / 100 * len(sorted_values))) - 1]


def summarise(times_ms: list[float], wall_seconds: float) -> dict[str, Any]:
    s = sorted(times_ms)
    return {
        "n": len(s),
        "p50_ms": round(percentile(s, 50), 3), "p95_ms": round(percentile(s, 95), 3),
        "p99_ms": round(percentile(s, 99), 3), "max_ms": round(s[-1], 3) if s else math.nan,
        "mean_ms": round(sum(s) / len(s), 3) if s else math.nan,
        "throughput_per_s": round(len(s) / wall_seconds, 1) if wall_seconds else math.nan,
    }


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (Customer, CustomerPhone, Ticket, Interaction)}


def prepare(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    check_connection(db.engine)
    if not is_current(db.engine):
        upgrade(db.engine)
    if counts(db)["customers"]:
        return {"seeded": False}
    from desktop_agent.store.seed import seed

    started = time.perf_counter()
    summary = seed(db, customers=args.customers, tickets=args.tickets, interactions=args.interactions,
                   seed=args.seed)
    seeded = round(time.perf_counter() - started, 2)
    if not db.is_sqlite:
        # what autovacuum does within a minute of a bulk load; measured apart from the seeding
        started = time.perf_counter()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
        summary["analyze_seconds"] = round(time.perf_counter() - started, 2)
    return {"seeded": True, "seed_seconds": seeded, "seed_summary": summary}


def _sample_numbers(db: Database, n: int, rng: random.Random) -> tuple[list[str], set[str]]:
    with db.engine.connect() as conn:
        known = list(conn.execute(
            select(CustomerPhone.e164).order_by(func.random()).limit(n)).scalars())
    return known, set(known)


def run_lookups(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    known, known_set = _sample_numbers(db, args.lookups, rng)
    unknown = []
    while len(unknown) < args.lookups:
        number = f"+79{rng.randrange(10**9):09d}"
        if number not in known_set:
            unknown.append(rng.choice(caller_id_formats(number)))
    kinds: dict[str, list[Any]] = {
        "known": [rng.choice(caller_id_formats(e164)) for e164 in known],
        "unknown": unknown,
        "garbage": [rng.choice(GARBAGE) for _ in range(args.lookups)],
    }
    service = ScreenPopService.over_store(db)
    for raw in kinds["known"][:50] + kinds["unknown"][:50]:  # connections, statement caches
        service.lookup(raw)
    results: dict[str, Any] = {}
    for kind, inputs in kinds.items():
        results[kind] = _time(service.lookup, inputs)
    matched = sum(1 for raw in kinds["known"][:500] if service.lookup(raw).customer is not None)
    results["known"]["matched_share"] = round(matched / max(1, min(500, len(kinds["known"]))), 4)
    results["unknown"]["matched_share"] = round(
        sum(1 for raw in kinds["unknown"][:500] if service.lookup(raw).customer is not None) / 500, 4)
    return results


def _time(lookup: Callable[[Any], Any], inputs: list[Any]) -> dict[str, Any]:
    times = []
    wall = time.perf_counter()
    for raw in inputs:
        t0 = time.perf_counter()
        pop = lookup(raw)
        times.append((time.perf_counter() - t0) * 1000)
        if pop.partial:
            raise RuntimeError(f"lookup of {raw!r} could only partly read the database")
    return summarise(times, time.perf_counter() - wall)


def bench(url: str, backend: str, args: argparse.Namespace) -> dict[str, Any]:
    db = Database(make_engine(parse_url(url)))
    try:
        prepared = prepare(db, args)
        rows = counts(db)
        out = {"backend": backend, "rows": rows, **prepared, "lookups": run_lookups(db, args)}
        if db.is_sqlite and db.url.database:
            out["db_file_mb"] = round(Path(db.url.database).stat().st_size / 2**20, 1)
        return out
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", metavar="URL", help="reuse this database (seeded first only if it has no customers)")
    p.add_argument("--pg", action="store_true", help="also run on a throwaway PostgreSQL cluster")
    p.add_argument("--skip-sqlite", action="store_true", help="with --pg: PostgreSQL only")
    p.add_argument("--customers", type=int, default=20_000)
    p.add_argument("--tickets", type=int, default=8_000)
    p.add_argument("--interactions", type=int, default=100_000)
    p.add_argument("--lookups", type=int, default=2_000, help="lookups of each kind")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)

    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-lookup-") as tmp:
        if args.db:
            runs.append(bench(args.db, parse_url(args.db).get_backend_name(), args))
        elif not args.skip_sqlite:
            runs.append(bench(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", "sqlite", args))
        if args.pg:
            cluster = start_pg_cluster()
            try:
                runs.append(bench(cluster.createdb("bench"), "postgresql", args))
            finally:
                cluster.stop()
    report = {
        "benchmark": "screen_pop_lookup",
        "params": {k: getattr(args, k) for k in ("customers", "tickets", "interactions", "lookups", "seed")},
        "runs": runs,
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
