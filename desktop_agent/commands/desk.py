"""`desktop-agent desk --headless`: the operator's call handling without a window.

    desktop-agent [--db URL] desk --headless --calls N [--interval SECONDS] [--agent LOGIN] [--seed S]

Logs the agent in and takes N calls from the built-in simulator end to end through the same call
desk (services.CallDesk) the window uses; prints one JSON object with what was done and how long
it took. Exit 0 only when every call completed; 1 when some did not (the JSON says how far it
got); 2 for a database that cannot be used (from the CLI).
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import sys
import time
from typing import Any

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import connect, print_json

INTERACTION_WRITES = ("ring", "answered", "ended", "wrap_up", "set_customer", "set_hold")
CALL_TIMEOUT_S = 60.0
OUTBOX_DRAIN_S = 600.0


def register(sub: Any) -> None:
    p = sub.add_parser("desk", help="the operator's call desk without a window (tests, load, outage drills)")
    p.add_argument("--headless", action="store_true", required=True,
                   help="required: run without a window (the window is `desktop-agent` with no subcommand)")
    p.add_argument("--calls", default="10", metavar="N", help="calls to take (default 10)")
    p.add_argument("--interval", default="0", metavar="SECONDS",
                   help="pause between one call's Ready and the next ring (default 0)")
    p.add_argument("--agent", metavar="LOGIN", default="headless", help="the agent's login (default: headless)")
    p.add_argument("--seed", type=int, default=None, metavar="S", help="seed for the callers' numbers")
    p.set_defaults(handler=run)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise CommandError(f"--calls takes a whole number, not {text[:40]!r}") from None
    if not 1 <= value <= 100_000:
        raise CommandError("--calls must be between 1 and 100000")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CommandError(f"--interval takes seconds, not {text[:40]!r}") from None
    if not (math.isfinite(value) and 0 <= value <= 3600):
        raise CommandError("--interval must be between 0 and 3600 seconds")
    return value


def run(args: Any) -> int:
    from desktop_agent.composition import build_services, prepare_data
    from desktop_agent.services.recovery import recover_at_start  # what a crashed run left open
    from desktop_agent.store.database import ENV_VAR
    from desktop_agent.store.demo import ensure_demo_data

    calls, interval = _positive_int(args.calls), _seconds(args.interval)
    login = args.agent.strip()
    if not login or len(login) > 64:
        raise CommandError("--agent needs a login of 1 to 64 characters")
    db = connect(args)
    try:
        if getattr(args, "db", None) or os.environ.get(ENV_VAR):
            ensure_demo_data(db, customers=0)  # a named database: the shipped reference data, no invented people
        else:
            prepare_data(db)  # the embedded default: the same demo centre the window shows
        services = build_services(db, login=login)
        recover_at_start(services, say=lambda text: print(f"desktop-agent: {text}", file=sys.stderr))
        report = asyncio.run(drive(services, calls=calls, interval=interval, seed=args.seed,
                                   language=getattr(args, "lang", None) or services.agent.language or "ru"))
    finally:
        db.dispose()
    print_json(report)
    return 0 if report["calls_completed"] == calls else 1


async def drive(services: Any, *, calls: int, interval: float, seed: int | None, language: str) -> dict[str, Any]:
    from desktop_agent.composition import make_outbox
    from desktop_agent.core.call_session import WrapupPolicy
    from desktop_agent.services.call_desk import CallDesk
    from desktop_agent.services.headless import ScriptedOperator, Timings, percentiles
    from desktop_agent.services.outbox import DirectWrites, desk_appliers
    from desktop_agent.services.recovery import SessionJournal
    from desktop_agent.services.workers import SerialWorker
    from desktop_agent.telephony.simulator import SimConfig
    from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone

    loop = asyncio.get_running_loop()
    post = loop.call_soon_threadsafe
    db, lookups = SerialWorker("db", post), SerialWorker("lookup", post)
    timings = Timings()
    interactions = timings.wrap(services.interactions, INTERACTION_WRITES, "interactions")
    tickets = timings.wrap(services.tickets, ("create",), "tickets")
    checklists = timings.wrap(services.checklists, ("save_run",), "checklists")
    write_queue_log = timings.timed("queue_log.append", services.write_queue_log)
    appliers = desk_appliers(interactions, write_queue_log, tickets=tickets, checklists=checklists)
    outbox = make_outbox(services, appliers, post)  # a central database: through the journal
    writes = outbox or DirectWrites(appliers, db)
    watch = OutboxWatch()
    if outbox is not None:
        outbox.on_status(watch.seen)
        outbox.start()
    config = SimConfig(agents=0, calls_per_hour=0, queues=("support",), operator=services.agent.login,
                       operator_wrapup_limit=None, operator_autopause=None, seed=seed, caller_voice=False)
    softphone = SimulatorSoftphone(
        config, services.numbers, records=lambda records: writes.submit("queue_log.append", {"records": list(records)}))
    desk = CallDesk(softphone=softphone, interactions=interactions, screen_pops=services.screen_pops,
                    queue_log=write_queue_log, agent=services.agent, db=db, lookups=lookups, post=post,
                    policy=WrapupPolicy(limit_seconds=0, auto_ready=False), tickets=tickets, checklists=checklists,
                    writes=writes)
    operator = ScriptedOperator(desk, services.reference, services.templates, checklists, calls, language=language)
    journal = SessionJournal.of(desk, services)  # the session on disk, for a crash's next start
    await asyncio.to_thread(operator.prepare)
    desk.subscribe(operator.on_event)
    numbers = list(services.numbers) or ["+74950000000"]
    draw = random.Random(seed)

    started, cpu0 = time.perf_counter(), time.process_time()
    desk.listen()
    await softphone.start()
    desk.start(ready=True)
    ticker = asyncio.create_task(_tick(desk))
    try:
        for index in range(calls):
            finished = operator.completed
            softphone.offer_call(draw.choice(numbers), talk=math.inf, patience=None)
            deadline = time.monotonic() + CALL_TIMEOUT_S
            while operator.completed == finished and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
            if operator.completed == finished:
                print(f"desktop-agent: call {index + 1} did not complete within {CALL_TIMEOUT_S:.0f} s",
                      file=sys.stderr)
                break
            if interval and index + 1 < calls:
                await asyncio.sleep(interval)
    finally:
        ticker.cancel()
        desk.stop()
        await softphone.stop()
        await asyncio.to_thread(_drain, db)  # every queued write is done before we count
        if outbox is not None:  # ... and every entry of the journal, once the database answers
            if not await asyncio.to_thread(outbox.wait_empty, OUTBOX_DRAIN_S):
                print(f"desktop-agent: {outbox.pending} writes still wait for the database after "
                      f"{OUTBOX_DRAIN_S:.0f} s; they stay in the outbox for the next start", file=sys.stderr)
        for _ in range(3):
            await asyncio.sleep(0.05)  # deliver the last callbacks
        pending = db.pending + (outbox.pending if outbox is not None else 0)
        if outbox is not None:
            outbox.stop()
        db.shutdown(wait=True)
        lookups.shutdown(wait=True)
        journal.close()  # gone: nothing is left open
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu0
    return {
        "calls_requested": calls,
        "calls_completed": operator.completed,
        "tickets_created": operator.tickets_created,
        "checklist_runs": operator.checklist_runs,
        "writes_pending": pending,
        "outbox": watch.report(outbox is not None),
        "agent": services.agent.login,
        "seconds": round(elapsed, 3),
        "cpu_seconds": round(cpu, 3),
        "ring_to_screen_pop_ms": percentiles(operator.ring_to_pop),
        "writes_ms": timings.report(),
        "problems": operator.failures[:20],
    }


class OutboxWatch:
    """What the outbox went through during the run: how long it waited for the database, how much."""

    def __init__(self) -> None:
        self.max_pending = 0
        self.offline_s = 0.0
        self.outages = 0
        self.refused = 0
        self._since: float | None = None

    def seen(self, status: Any) -> None:
        self.max_pending = max(self.max_pending, status.pending)
        self.refused = status.failed
        if status.offline_since is not None and self._since is None:
            self._since, self.outages = time.monotonic(), self.outages + 1
        elif status.offline_since is None and self._since is not None:
            self.offline_s += time.monotonic() - self._since
            self._since = None

    def report(self, used: bool) -> dict[str, Any]:
        return {"used": used, "max_pending": self.max_pending, "outages": self.outages,
                "offline_seconds": round(self.offline_s, 1), "refused": self.refused}


async def _tick(desk: Any) -> None:
    while True:
        await asyncio.sleep(0.5)
        desk.tick()


def _drain(worker: Any) -> None:
    worker.flush(timeout=120)
