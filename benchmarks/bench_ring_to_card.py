"""From a ring event to the caller card painted: p50/p95/p99 ms over N calls. Prints JSON.

Each call is what the operator window does: the softphone emits IncomingCall, the call flow starts
the screen-pop lookup on its worker thread, the answer crosses back to the GUI thread, the card
fills, and its paintEvent runs (offscreen Qt, the card shown at 380x900). The clock starts when
the event is emitted and stops in that paintEvent. Then the caller hangs up and the next call rings.
Known callers' numbers are drawn from customer_phones and delivered in the shapes carriers use;
a share of calls come from numbers nobody owns (the provisional-contact form).

By default the call rows the app writes on each ring (interactions) are NOT written, so a shared
benchmark database stays as it was; --record writes them as the app does (on the database worker,
concurrently with the lookup).

Small scale (a quick check; seeds a temporary SQLite file):
    python benchmarks/bench_ring_to_card.py --customers 5000 --tickets 2000 --interactions 20000 --calls 200
Full scale (the issue's target is p95 <= 50 ms), on the seeded 1M-customer database:
    python benchmarks/bench_ring_to_card.py --db URL --calls 2000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_lookup import counts  # noqa: E402 - the same row counts, from the script beside this one
from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from desktop_agent.core.domain import utcnow  # noqa: E402
from desktop_agent.core.dto import InteractionDTO  # noqa: E402
from desktop_agent.core.ports import AgentDTO  # noqa: E402
from desktop_agent.crm.contact_directory import CrmContactDirectory  # noqa: E402
from desktop_agent.crm.screen_pop import ScreenPopService  # noqa: E402
from desktop_agent.store.database import Database, check_connection, make_engine, parse_url  # noqa: E402
from desktop_agent.store.interactions import InteractionStore  # noqa: E402
from desktop_agent.store.migrate import is_current, upgrade  # noqa: E402
from desktop_agent.store.models import CustomerPhone  # noqa: E402
from desktop_agent.store.reference import ReferenceStore  # noqa: E402
from desktop_agent.store.seed import caller_id_formats  # noqa: E402
from desktop_agent.telephony import events as ev  # noqa: E402
from desktop_agent.telephony.protocol import Capabilities, EventFanout  # noqa: E402
from desktop_agent.ui.call.flow import CallFlow  # noqa: E402
from desktop_agent.ui.card.card import ScreenPopCard  # noqa: E402
from desktop_agent.ui.kit.qt_bridge import ServiceRunner  # noqa: E402

AGENT_LOGIN = "bench.ring-to-card"
TIMEOUT_S = 10.0


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return math.nan
    return sorted_values[max(1, math.ceil(p / 100 * len(sorted_values))) - 1]


def summarise(times_ms: list[float]) -> dict[str, Any]:
    s = sorted(times_ms)
    return {
        "n": len(s),
        "p50_ms": round(percentile(s, 50), 3), "p95_ms": round(percentile(s, 95), 3),
        "p99_ms": round(percentile(s, 99), 3), "max_ms": round(s[-1], 3) if s else math.nan,
        "mean_ms": round(sum(s) / len(s), 3) if s else math.nan,
    }


class RingingPhone:
    """The part of a Softphone the call flow needs to take rings and hang-ups; nothing is dialled."""

    name = "bench"
    capabilities = Capabilities()

    def __init__(self) -> None:
        self._fanout = EventFanout()
        self.subscribe = self._fanout.subscribe

    def ring(self, call_id: str, caller_id: str) -> None:
        self._fanout.emit(ev.IncomingCall(call_id, caller_id=caller_id, queue="support"))

    def caller_gives_up(self, call_id: str) -> None:
        self._fanout.emit(ev.Closed(call_id, reason=ev.CloseReason.CANCELLED))


class UnrecordedCalls:
    """The InteractionService calls the flow makes on a ring, answered without writing anything."""

    def ring(self, callid: str, caller_id_raw: str, **kwargs: Any) -> InteractionDTO:
        return InteractionDTO(id=uuid.uuid4(), callid=callid, direction="inbound", caller_id_raw=caller_id_raw,
                              caller_number=None, customer_id=None, queue=kwargs.get("queue"), agent_id=None,
                              offered_at=kwargs.get("offered_at") or utcnow(), answered_at=None, ended_at=None,
                              hold_seconds=0, wrapup_seconds=0, disposition=None, ticket_id=None)

    def _same(self, interaction_id: uuid.UUID, *_args: Any) -> None:
        return None

    set_customer = ended = answered = add_hold = _same


class TimedLookup:
    """The real lookup, timed on its worker: how much of ring-to-card is the database."""

    def __init__(self, service: ScreenPopService) -> None:
        self.service = service
        self.times_ms: list[float] = []

    def lookup(self, raw: object):  # noqa: ANN201 - a ScreenPop
        t0 = time.perf_counter()
        try:
            return self.service.lookup(raw)
        finally:
            self.times_ms.append((time.perf_counter() - t0) * 1000)


def prepare(db: Database, args: argparse.Namespace, own: bool) -> dict[str, Any]:
    check_connection(db.engine)
    if not is_current(db.engine):
        if not own:
            raise SystemExit("bench_ring_to_card: the database schema is not current: run `desktop-agent db upgrade`")
        upgrade(db.engine)
    if not own or counts(db)["customers"]:
        return {"seeded": False}
    from desktop_agent.store.seed import seed

    started = time.perf_counter()
    seed(db, customers=args.customers, tickets=args.tickets, interactions=args.interactions, seed=args.seed)
    return {"seeded": True, "seed_seconds": round(time.perf_counter() - started, 2)}


def callers(db: Database, n: int, unknown_share: float, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, raw caller ID) for n calls."""
    n_unknown = round(n * unknown_share)
    with db.engine.connect() as conn:
        known = list(conn.execute(select(CustomerPhone.e164).order_by(func.random()).limit(n - n_unknown)).scalars())
        taken = set(conn.execute(select(CustomerPhone.e164).where(CustomerPhone.e164.like("+7999%"))).scalars())
    calls = [("known", rng.choice(caller_id_formats(e164))) for e164 in known]
    while len(calls) < n:
        number = f"+7999{rng.randrange(10**7):07d}"
        if number not in taken:
            calls.append(("unknown", rng.choice(caller_id_formats(number))))
    rng.shuffle(calls)
    return calls


def wait_for(app: QApplication, condition, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def run_calls(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    reference = ReferenceStore(db, "bench")
    agent = reference.agent_by_login(AGENT_LOGIN)
    if agent is None and args.record:  # the rows written name their agent
        agent = reference.get_or_create_agent(AGENT_LOGIN, "Benchmark")
    elif agent is None:  # nothing is written: an agent that exists only here
        agent = AgentDTO(id=uuid.uuid4(), login=AGENT_LOGIN, display_name="Benchmark", role="operator")
    service = ScreenPopService.over_store(db)
    timed = TimedLookup(service)
    interactions = InteractionStore(db, "bench") if args.record else UnrecordedCalls()
    db_runner, lookup_runner = ServiceRunner("db"), ServiceRunner("lookup")
    phone = RingingPhone()
    flow = CallFlow(softphone=phone, interactions=interactions, screen_pops=timed, queue_log=lambda _r: 0,
                    agent=agent, db_runner=db_runner, lookup_runner=lookup_runner)
    card = ScreenPopCard(flow, CrmContactDirectory(service.registry, db, "bench"), interactions, reference,
                         db_runner)
    window = QMainWindow()
    window.setCentralWidget(card)
    window.resize(380, 900)
    window.show()
    flow.start(ready=True)
    painted: dict[str, float] = {}
    card.pop_painted.connect(lambda call_id: painted.setdefault(call_id, time.perf_counter()))

    plan = callers(db, args.calls + args.warmup, args.unknown_share, random.Random(args.seed))
    results: dict[str, list[float]] = {"known": [], "unknown": []}
    wall = time.perf_counter()
    for i, (kind, raw) in enumerate(plan):
        call_id = f"bench-{i}"
        t0 = time.perf_counter()
        phone.ring(call_id, raw)
        wait_for(app, lambda c=call_id: c in painted, f"call {i} to be painted")
        if i >= args.warmup:
            results[kind].append((painted[call_id] - t0) * 1000)
        phone.caller_gives_up(call_id)
        wait_for(app, lambda: flow.current is None and card.call_id is None, f"call {i} to end")
        if i + 1 == args.warmup:
            wall = time.perf_counter()
            timed.times_ms.clear()
    wall = time.perf_counter() - wall
    flow.stop()
    db_runner.shutdown(wait=True)
    lookup_runner.shutdown(wait=True)
    window.close()
    everything = results["known"] + results["unknown"]
    return {
        "ring_to_card": summarise(everything),
        "by_kind": {kind: summarise(times) for kind, times in results.items() if times},
        "lookup_on_worker": summarise(timed.times_ms),
        "calls_per_s": round(len(everything) / wall, 1) if wall else math.nan,
        "recorded_rings": bool(args.record),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", metavar="URL", help="an existing, migrated and seeded database (left as it is)")
    p.add_argument("--customers", type=int, default=5_000, help="without --db: customers to seed")
    p.add_argument("--tickets", type=int, default=2_000)
    p.add_argument("--interactions", type=int, default=20_000)
    p.add_argument("--calls", type=int, default=200, help="measured calls")
    p.add_argument("--warmup", type=int, default=20, help="calls before measuring (connections, caches)")
    p.add_argument("--unknown-share", type=float, default=0.2, help="share of calls from unknown numbers")
    p.add_argument("--record", action="store_true", help="write each ring's interaction row, as the app does")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    if not 0 <= args.unknown_share <= 1 or args.calls < 1 or args.warmup < 0:
        p.error("--calls must be 1 or more, --warmup 0 or more, --unknown-share from 0 to 1")

    with tempfile.TemporaryDirectory(prefix="bench-ring-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        db = Database(make_engine(parse_url(url)))
        try:
            prepared = prepare(db, args, own=args.db is None)
            rows = counts(db)
            measured = run_calls(db, args)
        finally:
            db.dispose()
    report = {
        "benchmark": "ring_to_card",
        "backend": db.engine.dialect.name,
        "params": {k: getattr(args, k) for k in ("calls", "warmup", "unknown_share", "record", "seed")},
        "rows": rows, **prepared, **measured,
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
