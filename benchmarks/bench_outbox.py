"""The outbox against a throwaway PostgreSQL: N queued writes replayed, and the cost of the journal on
an online save. Prints JSON.

    python benchmarks/bench_outbox.py [--writes 10000] [--online 500] [--durable]

1. Offline: N writes of the desk's kinds (per call: ring, answered, ended, wrap-up, one queue_log
   row) are journaled while the outbox's worker is not running, as during an outage; `submit_ms` is
   what each cost the desk (the journal write, fsync included).
2. Replay: the worker starts and applies them all; `replay_s` and writes per second; then the rows are
   counted: lost and duplicated must be 0.
3. Online: M saves (an interaction's ring) written directly vs through the outbox (submit, then wait
   for the store's answer): p50/p95/p99 of each and the ratio of p95s.
`--durable` runs PostgreSQL with fsync and synchronous commits on (slower, and what counts rows after a
crash); the default is the test suite's throwaway settings.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

from sqlalchemy import func, select

from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.services.outbox import Outbox, desk_appliers
from desktop_agent.store import queue_log
from desktop_agent.store.database import Database, is_transient, make_engine, parse_url
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.interactions import InteractionStore
from desktop_agent.store.migrate import upgrade
from desktop_agent.store.models import Interaction, QueueLog
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.testing import start_pg_cluster

WRITES_PER_CALL = 5


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000, 3)


def summary(values: list[float]) -> dict[str, float | int | None]:
    return {"n": len(values), "p50_ms": pct(values, 50), "p95_ms": pct(values, 95), "p99_ms": pct(values, 99)}


def call_writes(agent_id, start: datetime, i: int) -> list[tuple[str, dict]]:  # noqa: ANN001
    callid, iid = f"bench-{i}", uuid4()
    t = start + timedelta(seconds=i * 30)
    return [
        ("interaction.ring", {"callid": callid, "caller_id_raw": f"+7495{i:07d}", "queue": "support",
                              "agent_id": agent_id, "offered_at": t, "interaction_id": iid}),
        ("interaction.answered", {"interaction_id": iid, "at": t + timedelta(seconds=5)}),
        ("interaction.ended", {"interaction_id": iid, "at": t + timedelta(seconds=65)}),
        ("interaction.wrap_up", {"interaction_id": iid, "disposition": "info_provided", "wrapup_seconds": 10,
                                 "notes": ""}),
        ("queue_log.append", {"records": [QueueLogRecord.make(t + timedelta(seconds=5), callid, "support",
                                                              "bench", "CONNECT", "5", callid, "3")]}),
    ]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--writes", type=int, default=10_000)
    p.add_argument("--online", type=int, default=500)
    p.add_argument("--durable", action="store_true")
    args = p.parse_args()
    calls = max(1, args.writes // WRITES_PER_CALL)
    cluster = start_pg_cluster(durable=args.durable)
    try:
        url = cluster.createdb("bench")
        db = Database(make_engine(parse_url(url)))
        upgrade(db.engine)
        load_defaults(db)
        agent = ReferenceStore(db, "bench").get_or_create_agent("bench", "Bench")
        interactions = InteractionStore(db, "bench")
        appliers = desk_appliers(interactions, lambda records: queue_log.append_in(db, records))
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
        with tempfile.TemporaryDirectory(prefix="bench-outbox-") as tmp:
            applied = threading.Event()
            outbox = Outbox(Path(tmp) / "outbox.sqlite3", appliers, lambda fn: fn(), is_transient=is_transient,
                            batch=db.batch)
            submit_times: list[float] = []
            for i in range(calls):  # 1. offline: journaled, not applied
                for kind, arguments in call_writes(agent.id, start, i):
                    t0 = time.perf_counter()
                    outbox.submit(kind, arguments)
                    submit_times.append(time.perf_counter() - t0)
            journaled = outbox.pending
            cpu0, t0 = time.process_time(), time.perf_counter()
            outbox.start()  # 2. replay
            outbox.wait_empty(3600)
            replay_s = time.perf_counter() - t0
            replay_cpu = time.process_time() - cpu0
            with db.session() as s:
                stored = s.scalar(select(func.count()).select_from(Interaction).where(
                    Interaction.callid.like("bench-%"), Interaction.disposition_code.is_not(None)))
                rows = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.callid.like("bench-%")))
                log_rows = s.scalar(select(func.count()).select_from(QueueLog).where(QueueLog.agent == "bench"))
            direct, through = [], []
            for i in range(args.online):  # 3. online: one save each way, alternating
                callid = f"online-{i}"
                t1 = time.perf_counter()
                interactions.ring(callid + "-d", "+74950000000", agent_id=agent.id, interaction_id=uuid4())
                direct.append(time.perf_counter() - t1)
                applied.clear()
                t1 = time.perf_counter()
                outbox.submit("interaction.ring", {"callid": callid + "-o", "caller_id_raw": "+74950000000",
                                                   "agent_id": agent.id, "interaction_id": uuid4()},
                              on_applied=lambda _dto: applied.set())
                applied.wait(30)
                through.append(time.perf_counter() - t1)
            outbox.stop()
        db.dispose()
    finally:
        cluster.stop()
    result = {
        "benchmark": "outbox",
        "postgresql": "durable (fsync, synchronous commit)" if args.durable else "throwaway (fsync off)",
        "writes_journaled": journaled,
        "submit": summary(submit_times),
        "replay_s": round(replay_s, 3),
        "replay_writes_per_s": round(journaled / replay_s, 1) if replay_s else None,
        "replay_cpu_s": round(replay_cpu, 3),
        "calls": calls,
        "lost": calls - stored,
        "duplicated": (rows - calls) + (log_rows - calls),
        "online_direct": summary(direct),
        "online_outbox": summary(through),
        "online_ratio_p95": round((pct(through, 95) or 0) / (pct(direct, 95) or 1), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result, indent=2))
    return 0 if result["lost"] == 0 and result["duplicated"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
