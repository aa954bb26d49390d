"""`desktop-agent simulate`: a headless contact-centre run, as fast as possible; prints a JSON summary
and, with --write-queue-log, stores every queue_log row (callers then use customers' numbers)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import connect, print_json
from desktop_agent.commands.erlang import non_negative_float, positive_float
from desktop_agent.core import erlang
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store import queue_log
from desktop_agent.store.models import CustomerPhone
from desktop_agent.telephony.simulator import PROFILES, ContactCentre, SimConfig

MAX_HOURS = 100_000.0
MAX_AGENTS = 10_000
MAX_NUMBERS = 20_000   # customer numbers the simulated callers draw from
WRITE_BATCH = 5_000
QUEUE_NAMES = ("support", "sales", "billing", "tech", "retention")


def queue_names(count: int) -> tuple[str, ...]:
    return tuple(QUEUE_NAMES[i] if i < len(QUEUE_NAMES) else f"queue{i + 1}" for i in range(count))


def register(sub: Any) -> None:
    p = sub.add_parser("simulate", help="run the contact-centre simulator headless; print a JSON summary",
                       description="A discrete-event contact centre: Poisson arrivals, FIFO queues, "
                                   "simulated agents. Same --seed, same run.")
    p.add_argument("--agents", type=int, default=13, help="simulated agents (13)")
    p.add_argument("--calls", type=non_negative_float, default=100.0, help="calls offered per interval (100)")
    p.add_argument("--interval", type=positive_float, default=1800.0, help="interval length, seconds (1800)")
    p.add_argument("--aht", type=positive_float, default=180.0, help="mean talk time, seconds (180)")
    p.add_argument("--handle", choices=("exponential", "lognormal"), default="exponential",
                   help="talk-time distribution (exponential)")
    p.add_argument("--patience", type=positive_float, help="mean caller patience, seconds (default: nobody abandons)")
    p.add_argument("--max-wait", type=positive_float, help="queue timeout, seconds (EXITWITHTIMEOUT)")
    p.add_argument("--wrapup", type=non_negative_float, default=0.0, help="mean after-call work, seconds (0)")
    p.add_argument("--hours", type=positive_float, default=8.0, help="simulated hours of arrivals (8)")
    p.add_argument("--warmup", type=non_negative_float, default=0.0,
                   help="seconds at the start left out of the summary (0)")
    p.add_argument("--seed", type=int, default=1, help="random seed (1)")
    p.add_argument("--queues", type=int, default=1, help="number of queues sharing the agents (1)")
    p.add_argument("--profile", choices=sorted(PROFILES), default="flat", help="intraday arrival profile (flat)")
    p.add_argument("--target", type=non_negative_float, default=20.0, help="service-level time T, seconds (20)")
    p.add_argument("--write-queue-log", action="store_true",
                   help="store every queue_log row in the database (the run then ends now)")
    p.set_defaults(handler=run)


def build_config(args: Any, start: datetime | None) -> SimConfig:
    if not (0 <= args.agents <= MAX_AGENTS):
        raise CommandError(f"--agents must be between 0 and {MAX_AGENTS}")
    if not (1 <= args.queues <= 100):
        raise CommandError("--queues must be between 1 and 100")
    if args.hours > MAX_HOURS:
        raise CommandError(f"--hours must be at most {MAX_HOURS:g}")
    config = SimConfig(
        agents=args.agents, calls_per_hour=args.calls * 3600.0 / args.interval, aht=args.aht,
        handle=args.handle, patience=args.patience, max_wait=args.max_wait, wrapup=args.wrapup,
        queues=queue_names(args.queues), profile=args.profile, service_level_t=args.target,
        warmup=args.warmup, seed=args.seed, start=start,
    )
    try:
        config.validate()
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    if args.warmup >= args.hours * 3600:
        raise CommandError("--warmup must be shorter than --hours")
    return config


def customer_numbers(engine: Any) -> list[str]:
    stmt = select(CustomerPhone.e164).distinct().order_by(CustomerPhone.e164).limit(MAX_NUMBERS)
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(stmt)]


def run(args: Any) -> int:
    db = None
    numbers: list[str] = []
    start = None
    if args.write_queue_log:
        db = connect(args)
        numbers = customer_numbers(db.engine)
        # the simulated hours end now, so the wallboard's "today" shows the last part of the run
        now = datetime.now(UTC).replace(microsecond=0)
        start = now - timedelta(seconds=math.ceil(args.hours * 3600))
    config = build_config(args, start)

    batch: list[QueueLogRecord] = []
    written = 0

    def write(rec: QueueLogRecord) -> None:
        nonlocal written
        batch.append(rec)
        if len(batch) >= WRITE_BATCH:
            written += queue_log.append(db.engine, batch)  # type: ignore[union-attr]
            batch.clear()

    centre = ContactCentre(config, numbers, on_record=write if db is not None else None)
    try:
        summary = centre.run(args.hours)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    if db is not None and batch:
        written += queue_log.append(db.engine, batch)
    result = summary.as_dict()
    # after-call work keeps an agent from the next call just as talk does
    result["erlang"] = erlang.metrics(config.calls_per_hour / 3600.0, config.aht + config.wrapup, config.agents,
                                      config.service_level_t, config.patience).as_dict()
    result["seed"] = args.seed
    result["queues"] = list(config.queues)
    if db is not None:
        result["written"] = written
        result["customer_numbers"] = len(numbers)
        db.dispose()
    print_json(result)
    return 0
