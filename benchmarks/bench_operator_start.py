"""From process start to an interactive operator window (source tree, not frozen), as JSON.

    python benchmarks/bench_operator_start.py [--runs N] [--platform offscreen|xcb]

Each run starts `python -m desktop_agent.cli -v` and waits for app.py's "interactive after" log line
(the window's first frame is painted and the event loop takes input), then ends the process. The
first run on a fresh profile also creates the SQLite file and the demo data (`first_start_ms`); the
others are the everyday start (`start_ms`, goal <= 1500 ms). `in_process_ms` is app.py's own figure
(from run_operator_app to that frame); `cpu_ms` the process's CPU time by then (all its threads),
which a busy machine inflates far less than the wall clock.

`--platform xcb` draws on a real X server: $DISPLAY when it is set, otherwise an Xvfb started once
before the runs (its start is not counted; `x_server_cpu_ms` is the CPU it spent per start).

`--baseline DIR` compares with another checkout (say `git worktree add DIR main`): its starts
alternate with this tree's, so both see the same machine, and `ratio_p50` is this tree's p50 over
the baseline's. Machines are noisy; a ratio within one run says more than two runs' figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

MARK = re.compile(r"interactive after (\d+) ms(?: \(CPU (\d+) ms)?")
GOAL_MS = 1500


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 1)


def one_start(home: str, env_extra: dict[str, str], timeout: float = 120.0) -> tuple[float, float, float]:
    """(wall ms, in-process ms, CPU ms) of one start; CPU is NaN for a tree that does not log it."""
    env = {**os.environ, "DESKTOP_AGENT_HOME": home, **env_extra}
    env.pop("DESKTOP_AGENT_DB", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "desktop_agent.cli", "-v"], env=env, stdin=subprocess.DEVNULL,
                            cwd=env.get("PYTHONPATH"),  # `-m` puts the working directory first on sys.path
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = started + timeout
        assert proc.stderr is not None
        for line in proc.stderr:
            found = MARK.search(line)
            if found:
                return (time.perf_counter() - started) * 1000, float(found.group(1)), float(found.group(2) or "nan")
            if time.perf_counter() > deadline:
                break
        raise RuntimeError("the window never became interactive")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def calibration_ms() -> float:
    """A fixed pure-Python loop: the same machine runs it in 350 ms one hour and 500 ms the next, and
    start-up moves with it. Reported so that figures from different runs can be put side by side."""
    started = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i
    return round((time.perf_counter() - started) * 1000, 1)


def process_cpu_ms(pid: int) -> float:
    """utime + stime of a running process, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def start_xvfb() -> tuple[subprocess.Popen, str]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("--platform xcb without $DISPLAY needs Xvfb (apt-get install xvfb)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def summary(walls: list[float], inner: list[float], cpu: list[float]) -> dict:
    return {
        "start_ms": {"p50": percentile(walls, 50), "p95": percentile(walls, 95), "p99": percentile(walls, 99),
                     "min": round(min(walls), 1), "max": round(max(walls), 1), "n": len(walls)},
        "in_process_ms": {"p50": percentile(inner, 50), "p95": percentile(inner, 95)},
        "cpu_ms": {"p50": percentile(cpu, 50), "p95": percentile(cpu, 95)} if not any(map(math.isnan, cpu)) else None,
    }


def compile_tree(root: str) -> None:
    """As after an install: the package's bytecode exists (bootstrap.sh compiles it; pip does for a
    wheel), so a machine with PYTHONDONTWRITEBYTECODE does not measure the compiler."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(root, "desktop_agent")],
                   check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="everyday starts after the first (10)")
    parser.add_argument("--platform", default="offscreen", help="Qt platform: offscreen, or xcb (an X server)")
    parser.add_argument("--baseline", metavar="DIR", help="another checkout to compare with, start for start")
    args = parser.parse_args()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    trees = {"this": here} | ({"baseline": os.path.abspath(args.baseline)} if args.baseline else {})
    for root in trees.values():
        compile_tree(root)
    env_extra = {"QT_QPA_PLATFORM": args.platform}
    server = None
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        server, env_extra["DISPLAY"] = start_xvfb()
    calibration = [calibration_ms()]
    homes = {name: tempfile.mkdtemp(prefix="da-bench-start-") for name in trees}
    envs = {name: {**env_extra, "PYTHONPATH": root} for name, root in trees.items()}  # before the editable install
    runs: dict[str, tuple[list[float], list[float], list[float]]] = {name: ([], [], []) for name in trees}
    try:
        first_ms, first_inner, _ = one_start(homes["this"], envs["this"])
        for name in trees:
            if name != "this":
                one_start(homes[name], envs[name])  # its first start: the demo data
        server_cpu_before = process_cpu_ms(server.pid) if server else 0.0
        for _ in range(args.runs):
            for name in trees:
                for into, value in zip(runs[name], one_start(homes[name], envs[name]), strict=True):
                    into.append(value)
        server_cpu = (process_cpu_ms(server.pid) - server_cpu_before) / (args.runs * len(trees)) if server else None
        calibration.append(calibration_ms())
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        for home in homes.values():
            shutil.rmtree(home, ignore_errors=True)
    walls = runs["this"][0]
    result = {
        "benchmark": "operator_start",
        "platform": args.platform,
        # the interpreter matters: Debian's (PGO) runs our start ~20 % faster than a plain source build
        "python": f"{platform.python_version()} ({'distribution' if sys.base_prefix == '/usr' else 'own'} build)",
        "first_start_ms": round(first_ms, 1),
        "first_start_in_process_ms": first_inner,
        **summary(*runs["this"]),
        "x_server_cpu_ms": round(server_cpu, 1) if server_cpu is not None else None,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpu_calibration_ms": {"before": calibration[0], "after": calibration[-1]},
        "goal_ms": GOAL_MS,
        "meets_goal": (percentile(walls, 95) or math.inf) <= GOAL_MS,
    }
    if "baseline" in runs:
        result["baseline"] = {"tree": args.baseline, **summary(*runs["baseline"])}
        result["ratio_p50"] = round((percentile(walls, 50) or 0) / (percentile(runs["baseline"][0], 50) or 1), 3)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
