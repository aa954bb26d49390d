"""One seed run: what the database holds already, the stages in order, and the summary."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import func, or_, select

from desktop_agent.store.database import Database
from desktop_agent.store.defaults import DemoSettings
from desktop_agent.store.models import Agent, Customer, Disposition, Interaction, Ticket
from desktop_agent.store.seeding import SeedError
from desktop_agent.store.seeding.bulk import BulkWriter, bulk_writer, indexes_set_aside
from desktop_agent.store.seeding.calls import interaction_batches
from desktop_agent.store.seeding.context import SeedContext
from desktop_agent.store.seeding.draws import DAY, Clock
from desktop_agent.store.seeding.people import agent_rows, customer_batches
from desktop_agent.store.seeding.tickets import ticket_batches

Progress = Callable[[str, int, int], None]  # (stage, rows done, rows in the stage)
MAX_CUSTOMERS = 10**9  # running indexes stay where the vectorised phone arithmetic fits 64 bits
TABLES = ("agents", "customers", "customer_phones", "tickets", "ticket_history", "interactions")


def _present(s: Any, model: type) -> int:
    return s.scalar(select(func.count()).select_from(model)) or 0


def _numbers_taken(s: Any, clock: Clock) -> set[str]:
    """Ticket numbers already given out in the months that generated tickets fall in."""
    moments = np.arange(clock.window_start, clock.now + DAY, 7 * DAY)
    months = sorted(set(Clock.year_months(np.append(moments, clock.now)).tolist()))
    like_months = or_(*(Ticket.number.like(f"{m:04d}-%") for m in months))
    return set(s.scalars(select(Ticket.number).where(like_months)))


@contextmanager
def pause_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows are generated and written.

    Rows are tuples of strings and numbers, which make no reference cycles; but the tens of thousands
    of them alive per batch would set off a collection every few hundred rows, each one walking every
    object the process holds (Faker's locale tables among them). Reference counting frees them anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_seed(db: Database, settings: DemoSettings, seed: int, now: datetime, progress: Progress | None, *,
             customers: int, tickets: int, interactions: int, agents: int, started: float) -> dict[str, Any]:
    """Seed, with the arguments already checked (see :func:`desktop_agent.store.seed.seed`).

    `started`: the perf_counter() that the summary's seconds count from."""
    ctx = SeedContext.create(settings, seed, now)
    logins = [f"agent{i:03d}" for i in range(1, agents + 1)]
    with db.session() as s:
        c0, t0, i0 = _present(s, Customer), _present(s, Ticket), _present(s, Interaction)
        ctx.codes = set(s.scalars(select(Disposition.code)))
        ticket_codes = list(s.scalars(select(Disposition.code).where(Disposition.requires_ticket)))
        taken = _numbers_taken(s, ctx.clock) if t0 else set()
        existing_agents = {login: aid.hex for login, aid in
                           s.execute(select(Agent.login, Agent.id).where(Agent.login.in_(logins)))}
    if c0 + customers > MAX_CUSTOMERS:
        raise SeedError(f"at most {MAX_CUSTOMERS:,} customers in all; the database has {c0:,} already")
    ctx.c0, ctx.n_customers = c0, customers
    linked = min(round(tickets * settings.mix["tickets_from_calls"]), interactions)

    counts = dict.fromkeys(TABLES, 0)
    stages: dict[str, float] = {}
    cpu: dict[str, float] = {}  # this process's CPU time per stage: what a stage costs when cores are shared

    def write(stage: str, total: int, batches: Iterator[tuple[int, dict[str, list[tuple]]]],
              writer: BulkWriter) -> None:
        mark, cpu_mark = time.perf_counter(), time.process_time()
        for done, batch in batches:
            writer.write(batch)
            for table, rows in batch.items():
                counts[table] += len(rows)
            if progress is not None:
                progress(stage, done, total)
        stages[stage] = time.perf_counter() - mark
        cpu[stage] = time.process_time() - cpu_mark

    planned = {"customers": (customers, c0), "customer_phones": (customers, c0), "tickets": (tickets, t0),
               "ticket_history": (tickets, t0), "interactions": (interactions, i0)}
    with indexes_set_aside(db, planned, stages), bulk_writer(db) as writer, pause_cycle_collection():
        mark = time.perf_counter()
        rows, ctx.handling = agent_rows(ctx, agents, existing_agents)
        writer.write({"agents": rows})
        counts["agents"] = len(rows)
        stages["agents"] = time.perf_counter() - mark
        write("customers", customers, customer_batches(ctx, c0, customers), writer)
        write("tickets", tickets, ticket_batches(ctx, t0, tickets, linked, i0, taken,
                                                 ticket_codes[0] if ticket_codes else None), writer)
        write("interactions", interactions - linked,
              interaction_batches(ctx, i0 + linked, interactions - linked), writer)
        insert_seconds = dict(writer.seconds)
    return {
        **counts,
        "seed": seed,
        "backend": db.engine.dialect.name,
        "seconds": round(time.perf_counter() - started, 3),
        "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        "stage_cpu_seconds": {k: round(v, 3) for k, v in cpu.items()},
        "insert_seconds": {k: round(v, 3) for k, v in insert_seconds.items()},
    }
