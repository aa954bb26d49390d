"""Size and start-up time of the frozen app (one-folder PyInstaller build), printed as JSON.

    python benchmarks/bench_frozen_start.py [--app DIR] [--runs N] [--platform offscreen|xcb]

Without --app it first builds the app with installers/desktop-agent.spec into a temp folder (and reports
the build time). Measured, wall clock from process start:
  version_ms      `desktop-agent --version`: the floor (bootloader, Python, imports of the CLI)
  first_start_ms  the operator window on a fresh profile (creates the SQLite file and the demo data)
  start_ms        the operator window on that profile again: the everyday start; goal <= 2000 ms
"Interactive" is the moment the app logs that its window is shown with the event loop running (app.py
logs "interactive after"); the process is then ended. On Linux the resident memory at that moment is read
from /proc. Starts are warm (the files in the page cache) unless --cold: then, as root, the page cache is
dropped before each start where the kernel allows it (it slows everything else on the machine for a
moment); `page_cache_dropped` says whether it was. The load average before and after is printed too:
on a shared machine the starts slow down with it, so compare figures taken at a similar load.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = "desktop-agent.exe" if sys.platform == "win32" else "desktop-agent"
READY_MARK = "interactive after"
GOALS = {"unpacked_mb": 200, "start_ms": 2000}


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile; fine for the handful of runs a start-up benchmark makes."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 1)


def summary(values: list[float]) -> dict:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "p99": percentile(values, 99),
            "min": round(min(values), 1) if values else None, "max": round(max(values), 1) if values else None,
            "n": len(values)}


def build(out: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
                    str(ROOT / "installers" / "desktop-agent.spec")], check=True, cwd=out)
    return out / "dist" / "desktop-agent", time.perf_counter() - started


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def drop_page_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def env_for(home: Path, platform: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DESKTOP_AGENT_DB", "DESKTOP_AGENT_RESOURCES"}}
    env.update(DESKTOP_AGENT_HOME=str(home), QT_QPA_PLATFORM=platform)
    return env


def time_version(app: Path, home: Path, platform: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(app / EXE), "--version"], check=True, capture_output=True, env=env_for(home, platform))
    return (time.perf_counter() - started) * 1000


def time_window(app: Path, home: Path, platform: str, timeout: float = 120) -> tuple[float, float | None]:
    """Milliseconds from exec to the interactive window, and the resident memory then."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(app / EXE), "-v"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env_for(home, platform))
    seen = threading.Event()
    tail: list[str] = []

    def watch() -> None:
        for line in proc.stderr:
            tail.append(line)
            if READY_MARK in line:
                seen.set()
        seen.set()  # the app ended before its window showed

    threading.Thread(target=watch, daemon=True).start()
    got = seen.wait(timeout)
    elapsed = (time.perf_counter() - started) * 1000
    memory = rss_mb(proc.pid)
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if not got or not any(READY_MARK in line for line in tail):
        raise SystemExit("bench_frozen_start: the app never showed its window:\n" + "".join(tail[-20:]))
    return elapsed, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="a built app folder (default: build one now)")
    parser.add_argument("--runs", type=int, default=5, help="starts to time (default 5)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM (xcb needs a display)")
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each start (root)")
    args = parser.parse_args()

    load_before = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(prefix="da-bench-frozen-") as tmp:
        work = Path(tmp)
        build_s = None
        app = args.app
        if app is None:
            app, build_s = build(work)
        size, files = folder_size(app)
        home = work / "profile"
        home.mkdir()
        def maybe_drop() -> bool:
            return drop_page_cache() if args.cold else False

        dropped = maybe_drop()
        version_ms = []
        for _ in range(args.runs):
            maybe_drop()
            version_ms.append(time_version(app, home, args.platform))
        maybe_drop()
        first_ms, first_rss = time_window(app, home, args.platform)
        starts, memory = [], []
        for _ in range(args.runs):
            maybe_drop()
            ms, rss = time_window(app, home, args.platform)
            starts.append(ms)
            if rss is not None:
                memory.append(rss)

    result = {
        "benchmark": "frozen_start",
        "platform": args.platform,
        "runs": args.runs,
        "page_cache_dropped": dropped,
        "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "build_s": round(build_s, 1) if build_s is not None else None,
        "unpacked_mb": round(size / 2**20, 1),
        "files": files,
        "version_ms": summary(version_ms),
        "first_start_ms": round(first_ms, 1),
        "first_start_rss_mb": first_rss,
        "start_ms": summary(starts),
        "rss_mb_at_interactive": summary(memory),
        "goals": GOALS,
        "meets_goals": {"unpacked_mb": size / 2**20 <= GOALS["unpacked_mb"],
                        "start_ms": bool(starts) and percentile(starts, 50) <= GOALS["start_ms"]},
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
