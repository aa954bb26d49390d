"""Bulk generation of realistic data: agents, customers with phones, tickets with history, and calls.

Fast by construction. Faker builds name pools once; customers are then a handful of draws each from
one random.Random(seed), and tickets and calls are drawn a batch at a time as numpy vectors from streams
derived from the seed, so a seed (with a fixed `now`) always gives the same data. Rows go in as
executemany batches on SQLite and COPY on PostgreSQL, never through the ORM.

What later rows must find again (a customer's id, language and phone numbers) is a pure function of
the customer's running index, so a million customers need no id list in memory. Ids are shaped like
UUIDv7 (a counter where the time goes), which makes every bulk insert an append to the primary key.
The running indexes continue from the rows already in each table, so seeding twice adds rows instead
of colliding. The parts live in :mod:`desktop_agent.store.seeding`.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from desktop_agent.core.domain import utcnow
from desktop_agent.store.database import Database
from desktop_agent.store.defaults import DemoSettings, load_defaults, read_demo_settings
from desktop_agent.store.models import Disposition
from desktop_agent.store.seeding import SeedError
from desktop_agent.store.seeding.bulk import restore_indexes
from desktop_agent.store.seeding.phones import PLANS, caller_id_formats
from desktop_agent.store.seeding.run import Progress, run_seed
from desktop_agent.store.seeding.ticket_numbers import CROCKFORD, new_ticket_number

__all__ = ["CROCKFORD", "PLANS", "Progress", "SeedError", "caller_id_formats", "new_ticket_number",
           "restore_indexes", "seed"]


def seed(db: Database, *, customers: int, tickets: int, interactions: int, agents: int = 40, seed: int = 1,
         progress: Progress | None = None, now: datetime | None = None,
         settings: DemoSettings | None = None) -> dict[str, Any]:
    """Generate realistic data in bulk and return a summary: rows per table, seconds per stage and table.

    Tickets and calls go to the customers generated in the same run. The same `seed` and `now` give the
    same rows. Missing dispositions and other defaults are loaded first. Each batch is one transaction.
    """
    for name, value in (("customers", customers), ("tickets", tickets), ("interactions", interactions)):
        if not isinstance(value, int) or value < 0:
            raise SeedError(f"{name} must be a whole number 0 or more, got {value!r}")
    if not isinstance(agents, int) or not 1 <= agents <= 999:
        raise SeedError(f"agents must be from 1 to 999, got {agents!r}")
    if not isinstance(seed, int):
        raise SeedError(f"seed must be a whole number, got {seed!r}")
    if now is not None and now.tzinfo is None:
        raise SeedError("now must be an aware datetime (use core.domain.utcnow())")
    if (tickets or interactions) and not customers:
        raise SeedError("tickets and interactions belong to the customers of the same run: "
                        "give customers too")
    started = time.perf_counter()
    with db.session() as s:
        have_dispositions = s.scalar(select(func.count()).select_from(Disposition))
    if not have_dispositions:
        load_defaults(db)
    restore_indexes(db)  # in case an earlier seed was interrupted while they were set aside
    return run_seed(db, settings or read_demo_settings(), seed, now or utcnow(), progress,
                    customers=customers, tickets=tickets, interactions=interactions, agents=agents,
                    started=started)
