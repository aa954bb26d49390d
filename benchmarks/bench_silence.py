"""How well the baresip backend hears a caller go quiet: N real calls between two baresip 1.0
instances, the caller playing a WAV (aufile) of tone, silence, tone, with the silence starting at a
random moment so it falls anywhere between two of vumeter's level reports (every 500 ms).

For each call: the error of SilenceChanged.since against the true start and end of the silence
(measured from the caller's Established event, when its file starts), and how long after the
silence began the backend reported it (the 1 s hangover included). Prints JSON.

    python benchmarks/bench_silence.py --calls 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import resource
import shutil
import sys
import tempfile
import wave
from pathlib import Path

from desktop_agent.telephony.baresip.backend import BaresipSoftphone
from desktop_agent.telephony.baresip.process import BaresipSettings
from desktop_agent.telephony.baresip.sip_testing import free_sip_port
from desktop_agent.telephony.events import BackendState, Closed, Established, IncomingCall, SilenceChanged
from desktop_agent.testing import free_port

RATE = 48000  # what the generated baresip config asks of an audio source: 48 kHz stereo S16LE
_PERIOD = 96  # samples of a 500 Hz tone at 48 kHz: whole periods tile without a click


def write_wav(path: Path, lead: float, gap: float, tail: float) -> None:
    one = b"".join(int(8000 * math.sin(2 * math.pi * i / _PERIOD)).to_bytes(2, "little", signed=True) * 2
                   for i in range(_PERIOD))

    def tone(seconds: float) -> bytes:
        frames = round(seconds * RATE)
        return (one * (frames // _PERIOD + 1))[:frames * 4]

    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(tone(lead) + bytes(round(gap * RATE) * 4) + tone(tail))


def settings(user: str, **extra: object) -> BaresipSettings:
    port = free_sip_port()
    return BaresipSettings(user=user, domain=f"127.0.0.1:{port}", listen_host="127.0.0.1", sip_port=port,
                           ctrl_port=free_port(), **extra)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1] if ordered else math.nan


async def events_of(phone: BaresipSoftphone) -> tuple[list, asyncio.Event]:
    got: list = []
    changed = asyncio.Event()

    def add(event: object) -> None:
        got.append(event)
        changed.set()

    phone.subscribe(add)
    return got, changed


async def wait_for(events: list, changed: asyncio.Event, match, timeout: float = 15.0):  # noqa: ANN001
    deadline = asyncio.get_running_loop().time() + timeout
    seen = 0
    while True:
        for event in events[seen:]:
            if match(event):
                return event
        seen = len(events)
        changed.clear()
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise TimeoutError("no matching event")
        try:
            await asyncio.wait_for(changed.wait(), left)
        except TimeoutError:
            raise TimeoutError("no matching event") from None


async def one_call(workdir: Path, n: int, rng: random.Random) -> dict:
    lead, gap = 2.0 + rng.random(), 3.0
    wav = workdir / f"call{n}.wav"
    write_wav(wav, lead, gap, 1.5)
    agent = BaresipSoftphone(settings("agent"))
    caller = BaresipSoftphone(settings("caller", audio_source=f"aufile,{wav}", detect_silence=False))
    agent_ev, agent_changed = await events_of(agent)
    caller_ev, caller_changed = await events_of(caller)
    try:
        for phone, evs, changed in ((agent, agent_ev, agent_changed), (caller, caller_ev, caller_changed)):
            await phone.start()
            await wait_for(evs, changed, lambda e: isinstance(e, BackendState) and e.state == "running")
        call_id = await caller.dial(agent.settings.aor)  # type: ignore[union-attr]
        await wait_for(agent_ev, agent_changed, lambda e: isinstance(e, IncomingCall))
        await agent.answer(call_id)
        started = (await wait_for(caller_ev, caller_changed,
                                  lambda e: isinstance(e, Established) and e.call_id == call_id)).at
        silent = await wait_for(agent_ev, agent_changed, lambda e: isinstance(e, SilenceChanged) and e.silent)
        speaking = await wait_for(agent_ev, agent_changed,
                                  lambda e: isinstance(e, SilenceChanged) and not e.silent)
        await agent.hangup(call_id)
        await wait_for(agent_ev, agent_changed, lambda e: isinstance(e, Closed))
        false_silences = sum(1 for e in agent_ev if isinstance(e, SilenceChanged) and e.silent) - 1
        return {
            "start_error_s": (silent.since - started).total_seconds() - lead,
            "end_error_s": (speaking.since - started).total_seconds() - lead - gap,
            "silent_reported_after_s": (silent.at - started).total_seconds() - lead,
            "speaking_reported_after_s": (speaking.at - started).total_seconds() - lead - gap,
            "extra_silences": false_silences,
        }
    finally:
        await caller.stop()
        await agent.stop()


def summary(values: list[float]) -> dict:
    return {"p50": round(percentile(values, 50), 3), "p95": round(percentile(values, 95), 3),
            "p99": round(percentile(values, 99), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


async def bench(calls: int, seed: int, workdir: Path) -> dict:
    rng = random.Random(seed)
    results = [await one_call(workdir, n, rng) for n in range(calls)]
    start = [r["start_error_s"] for r in results]
    end = [r["end_error_s"] for r in results]
    return {
        "benchmark": "silence",
        "what": "baresip 1.0 vumeter levels -> SilenceChanged; errors against the true silence, seconds",
        "calls": calls,
        "silence_start_error_s": summary(start),
        "silence_end_error_s": summary(end),
        "abs_error_s": summary([abs(x) for x in start + end]),
        "silent_reported_after_s": summary([r["silent_reported_after_s"] for r in results]),
        "speaking_reported_after_s": summary([r["speaking_reported_after_s"] for r in results]),
        "extra_silences": sum(r["extra_silences"] for r in results),
        "python_max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("baresip") is None:
        print("bench_silence: baresip is not installed", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="bench-silence-"))
    try:
        result = asyncio.run(bench(args.calls, args.seed, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
