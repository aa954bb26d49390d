"""Bulk seeding speed: customers (with their phones), tickets and calls into a fresh database. Prints JSON.

Small scale (a quick check; the machine may be shared):
    python benchmarks/bench_seed.py 100000 --tickets 200000 --interactions 500000 --pg
Full scale (the issue's target: 1,000,000 customers into SQLite in <= 120 s):
    python benchmarks/bench_seed.py 1000000 --tickets 2000000 --interactions 5000000 --pg
Generation alone, no database (what the Python side of each stage costs):
    python benchmarks/bench_seed.py 100000 --tickets 200000 --interactions 500000 --generate-only

SQLite goes into a fresh temp file. `--pg` also seeds a throwaway PostgreSQL cluster
(desktop_agent.testing), `--pg-url URL` an existing, migrated or empty database instead.
Reported per backend: rows and rows per second for each table (insert time alone, and the whole
stage with generation), wall and CPU seconds per stage (CPU: what the stage costs without other work
competing for the cores), peak RSS, the database size, and `projected_1m_customers_s`: the customer
stage (and its index rebuild) scaled to a million customers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.defaults import read_demo_settings, read_dispositions
from desktop_agent.store.migrate import upgrade
from desktop_agent.store.seed import seed
from desktop_agent.store.seeding.calls import interaction_batches
from desktop_agent.store.seeding.context import SeedContext
from desktop_agent.store.seeding.people import agent_rows, customer_batches
from desktop_agent.store.seeding.run import pause_cycle_collection
from desktop_agent.store.seeding.tickets import ticket_batches
from desktop_agent.testing import start_pg_cluster

GOAL_1M_CUSTOMERS_SQLITE_S = 120


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS
    scale = 1 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20, 1)


def database_mb(db: Database, sqlite_path: Path | None) -> float:
    if sqlite_path is not None:
        return round(sum(p.stat().st_size for p in sqlite_path.parent.glob(sqlite_path.name + "*")) / 2**20, 1)
    with db.engine.connect() as conn:
        return round(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 2**20, 1)


def run(url: str, args: argparse.Namespace, sqlite_path: Path | None = None) -> dict[str, Any]:
    db = Database(make_engine(parse_url(url)))
    try:
        upgrade(db.engine)
        last = {"at": time.perf_counter()}

        def progress(stage: str, done: int, total: int) -> None:
            if args.verbose and time.perf_counter() - last["at"] > 5:
                last["at"] = time.perf_counter()
                print(f"{db.engine.dialect.name} {stage}: {done:,}/{total:,}", file=sys.stderr, flush=True)

        cpu = time.process_time()
        summary = seed(db, customers=args.customers, tickets=args.tickets, interactions=args.interactions,
                       agents=args.agents, seed=args.seed, progress=progress)
        cpu = time.process_time() - cpu
        stages, inserts, stage_cpu = (summary["stage_seconds"], summary["insert_seconds"],
                                      summary["stage_cpu_seconds"])
        tables = {}
        for table in ("customers", "customer_phones", "tickets", "ticket_history", "interactions"):
            rows = summary[table]
            insert_s = inserts.get(table, 0.0)
            tables[table] = {
                "rows": rows,
                "insert_seconds": insert_s,
                "insert_rows_per_s": round(rows / insert_s) if insert_s else None,
            }
        per_stage = {}
        for stage, rows in (("customers", summary["customers"]), ("tickets", summary["tickets"]),
                            ("interactions", summary["interactions"])):
            seconds = stages.get(stage, 0.0)
            per_stage[stage] = {"rows": rows, "seconds": seconds, "cpu_seconds": stage_cpu.get(stage, 0.0),
                                "rows_per_s": round(rows / seconds) if seconds else None}
        result = {
            "backend": summary["backend"],
            "seconds": summary["seconds"],
            "cpu_seconds": round(cpu, 2),
            "stages": per_stage,
            "index_rebuild_seconds": stages.get("indexes", 0.0),
            "commit_seconds": inserts.get("commit", 0.0),
            "tables": tables,
            "peak_rss_mb": peak_rss_mb(),
            "database_mb": database_mb(db, sqlite_path),
        }
        if args.customers:
            # the customer stage dominates a customers-only seed; the index rebuild grows a little faster
            # than linearly, which this straight-line projection leaves out
            customers_s = stages.get("customers", 0.0) + (stages.get("indexes", 0.0) if not args.tickets
                                                          and not args.interactions else 0.0)
            result["projected_1m_customers_s"] = round(customers_s * 1_000_000 / args.customers, 1)
        return result
    finally:
        db.dispose()


def generate_only(args: argparse.Namespace) -> dict[str, Any]:
    """The stages' rows made and dropped, batch by batch, with no database: generation's own cost."""
    ctx = SeedContext.create(read_demo_settings(), args.seed, datetime.now(UTC))
    dispositions = read_dispositions()
    ctx.codes = {d["code"] for d in dispositions}
    ticket_code = next((d["code"] for d in dispositions if d["requires_ticket"]), None)
    ctx.n_customers = args.customers
    _, ctx.handling = agent_rows(ctx, args.agents, {})
    linked = min(round(args.tickets * ctx.settings.mix["tickets_from_calls"]), args.interactions)
    stages = {
        "customers": (args.customers, customer_batches(ctx, 0, args.customers)),
        "tickets": (args.tickets, ticket_batches(ctx, 0, args.tickets, linked, 0, set(), ticket_code)),
        "interactions": (args.interactions - linked,
                         interaction_batches(ctx, linked, args.interactions - linked)),
    }
    out = {}
    for stage, (count, batches) in stages.items():
        rows, wall, cpu = 0, time.perf_counter(), time.process_time()
        with pause_cycle_collection():  # as seed() runs the stages
            for _, batch in batches:
                rows += sum(len(table_rows) for table_rows in batch.values())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        out[stage] = {"rows": count, "rows_all_tables": rows, "seconds": round(wall, 3),
                      "cpu_seconds": round(cpu, 3), "rows_per_cpu_s": round(count / cpu) if cpu else None}
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def seed_backends(args: argparse.Namespace, out: dict[str, Any]) -> None:
    if not args.no_sqlite:
        tmp = Path(tempfile.mkdtemp(prefix="bench-seed-"))
        try:
            path = tmp / "seed.sqlite3"
            out["sqlite"] = run(f"sqlite:///{path}", args, path)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        projected = out["sqlite"].get("projected_1m_customers_s")
        if projected is not None:
            out["goal"]["sqlite_projected_s"] = projected
            out["goal"]["sqlite_met"] = projected <= GOAL_1M_CUSTOMERS_SQLITE_S
    if args.pg_url:
        out["postgresql"] = run(args.pg_url, args)
    elif args.pg:
        cluster = start_pg_cluster()
        try:
            out["postgresql"] = run(cluster.createdb("bench_seed"), args)
        finally:
            cluster.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("customers", type=int, help="customers to seed (each with 1-3 phones)")
    parser.add_argument("--tickets", type=int, default=0)
    parser.add_argument("--interactions", type=int, default=0)
    parser.add_argument("--agents", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", action="store_true", help="also seed a throwaway PostgreSQL cluster")
    parser.add_argument("--pg-url", help="also seed this PostgreSQL database (postgresql+psycopg://user@host/db)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--generate-only", action="store_true",
                        help="generate the rows and drop them: no database")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    args = parser.parse_args()
    if (args.tickets or args.interactions) and not args.customers:
        parser.error("tickets and interactions need customers")

    out: dict[str, Any] = {
        "benchmark": "seed",
        "customers": args.customers, "tickets": args.tickets, "interactions": args.interactions,
        "cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()],
        "goal": {"sqlite_1m_customers_s": GOAL_1M_CUSTOMERS_SQLITE_S},
    }
    if args.generate_only:
        out["generate_only"] = generate_only(args)
    else:
        seed_backends(args, out)
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
