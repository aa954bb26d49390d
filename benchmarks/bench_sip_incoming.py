"""Time from sipp's INVITE to the BaresipSoftphone's IncomingCall event, over N real SIP calls.

sipp sends each INVITE to the agent's baresip and logs the send time (-trace_msg); the backend's
event handler takes its own time when the IncomingCall event reaches it, then rejects the call so
sipp can finish it. Both clocks are the same machine's wall clock. Prints JSON.

    python benchmarks/bench_sip_incoming.py --calls 500 --rate 25
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import re
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from desktop_agent.telephony.baresip.backend import BaresipSoftphone
from desktop_agent.telephony.baresip.process import BaresipSettings
from desktop_agent.telephony.baresip.sip_testing import free_sip_port, sipp_command, start_sipp
from desktop_agent.telephony.events import BackendState, IncomingCall, TelephonyEvent
from desktop_agent.telephony.protocol import TelephonyError
from desktop_agent.testing import free_port

SCENARIO = Path(__file__).resolve().parent.parent / "tests" / "integration" / "sipp" / "uac_rejected.xml"
_SENT = re.compile(r"^-{10,} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\n\w+ message sent", re.MULTILINE)


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def invite_send_times(message_log: str) -> dict[str, float]:
    """Call-ID -> when sipp first sent its INVITE (later sends are retransmissions)."""
    sent: dict[str, float] = {}
    starts = list(_SENT.finditer(message_log))
    for i, match in enumerate(starts):
        block = message_log[match.end():starts[i + 1].start() if i + 1 < len(starts) else len(message_log)]
        if not block.lstrip(" (0123456789bytes):\n").startswith("INVITE "):
            continue
        call_id = re.search(r"^Call-ID:\s*(\S+)", block, re.MULTILINE | re.IGNORECASE)
        if call_id and call_id.group(1) not in sent:
            # sipp logs local time without a zone; a naive datetime's timestamp() reads it the same way
            sent[call_id.group(1)] = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp()
    return sent


def rss_kb(pid: int | None) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return None
    match = re.search(r"VmRSS:\s+(\d+)", status)
    return int(match.group(1)) if match else None


async def bench(calls: int, rate: float, workdir: Path) -> dict:
    sip_port = free_sip_port()
    settings = BaresipSettings(listen_host="127.0.0.1", sip_port=sip_port, ctrl_port=free_port(),
                               domain=f"127.0.0.1:{sip_port}")
    phone = BaresipSoftphone(settings)
    arrived: dict[str, float] = {}
    reject_errors: list[str] = []
    running = asyncio.Event()
    tasks: set[asyncio.Task] = set()

    async def reject(call_id: str) -> None:
        try:
            await phone.reject(call_id)
        except TelephonyError as exc:
            reject_errors.append(str(exc))

    def on_event(event: TelephonyEvent) -> None:
        if isinstance(event, IncomingCall):
            arrived.setdefault(event.call_id, time.time())
            task = asyncio.get_running_loop().create_task(reject(event.call_id))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        elif isinstance(event, BackendState) and event.state == "running":
            running.set()

    phone.subscribe(on_event)
    await phone.start()
    try:
        await asyncio.wait_for(running.wait(), 10)
        # -l 1: one call at a time, as one agent takes them (baresip 1.0 acts on its newest call).
        cmd = sipp_command(SCENARIO, f"127.0.0.1:{sip_port}", local_port=free_port(), media_port=free_port(),
                           keys={"caller": "+79161234567", "display": "Bench"}, calls=calls, rate=rate,
                           timeout_s=max(30, int(calls / rate * 3) + 30),
                           extra=("-l", "1", "-trace_msg", "-message_file", "messages.log"))
        started = time.perf_counter()
        proc = start_sipp(cmd, workdir)
        while proc.poll() is None:
            await asyncio.sleep(0.1)
        elapsed = time.perf_counter() - started
        baresip_rss = rss_kb(phone.process.pid if phone.process else None)
    finally:
        await phone.stop()

    sent = invite_send_times((workdir / "messages.log").read_text(errors="replace"))
    latencies = sorted((arrived[cid] - t) * 1000 for cid, t in sent.items() if cid in arrived)
    return {
        "benchmark": "sip_incoming",
        "what": "sipp INVITE sent -> BaresipSoftphone IncomingCall handler, ms (real baresip 1.0 over loopback)",
        "calls": calls,
        "rate_cps": rate,
        "invites_sent": len(sent),
        "incoming_events": len(arrived),
        "measured": len(latencies),
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 3),
            "p95": round(percentile(latencies, 95), 3),
            "p99": round(percentile(latencies, 99), 3),
            "max": round(latencies[-1], 3) if latencies else None,
            "mean": round(sum(latencies) / len(latencies), 3) if latencies else None,
        },
        "throughput_calls_per_s": round(len(arrived) / elapsed, 2) if elapsed else None,
        "sipp_exit_code": proc.returncode,
        "reject_errors": len(reject_errors),
        "baresip_rss_kb": baresip_rss,
        "python_max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--rate", type=float, default=25.0, help="calls per second offered by sipp")
    args = parser.parse_args()
    missing = [b for b in ("baresip", "sipp") if shutil.which(b) is None]
    if missing:
        print(f"bench_sip_incoming: not installed: {', '.join(missing)}", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="bench-sip-"))
    try:
        result = asyncio.run(bench(args.calls, args.rate, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result, indent=2))
    return 0 if result["measured"] == args.calls and result["sipp_exit_code"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
