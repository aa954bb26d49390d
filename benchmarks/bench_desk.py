"""The call desk without a window: N calls end to end through `desktop-agent desk --headless`.
Prints JSON: calls per second, ring -> screen-pop and every write's p50/p95/p99 (from the command's
own report), and the process's CPU time and peak memory.

    python benchmarks/bench_desk.py --calls 200                 # a fresh SQLite file
    python benchmarks/bench_desk.py --calls 200 --db URL        # a migrated database (PostgreSQL...)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--calls", type=int, default=200)
    p.add_argument("--db", metavar="URL", help="default: a new SQLite file (reference data only)")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'desk.sqlite3'}"
        env = dict(os.environ, DESKTOP_AGENT_HOME=tmp)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "desktop_agent.cli", "--db", url, "desk", "--headless",
                               "--calls", str(args.calls), "--seed", str(args.seed)],
                              capture_output=True, text=True, env=env, timeout=3600)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    report = json.loads(done.stdout)
    result = {
        "benchmark": "desk_headless",
        "backend": "postgresql" if url.startswith("postgresql") else "sqlite",
        "calls": report["calls_completed"],
        "process_wall_s": round(wall, 3),
        "desk_s": report["seconds"],
        "calls_per_s": round(report["calls_completed"] / report["seconds"], 2) if report["seconds"] else None,
        "cpu_s": round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 3),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 1),
        "ring_to_screen_pop_ms": report["ring_to_screen_pop_ms"],
        "writes_ms": {k: v for k, v in report["writes_ms"].items() if v["count"]},
        "writes_pending": report["writes_pending"],
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
