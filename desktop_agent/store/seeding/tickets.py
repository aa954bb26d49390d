"""The tickets stage: tickets, their history (created, and the status change), and the calls they came from.

Every column of a batch is drawn as a numpy vector; only the texts are built row by row.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from desktop_agent.core.domain import Priority, TicketStatus, Tier, sla_due
from desktop_agent.store.seeding.calls import ticket_calls
from desktop_agent.store.seeding.context import BATCH, SeedContext
from desktop_agent.store.seeding.draws import (
    DAY,
    EPOCH,
    Clock,
    GroupedChoices,
    objects,
    pick,
    weighted,
    whole,
)
from desktop_agent.store.seeding.ticket_numbers import SeedTicketNumbers

_STATUSES = ("new", "open", "pending", "escalated", "resolved", "closed")  # drawn as positions in here
_NEW, _OPEN, _PENDING, _ESCALATED, _RESOLVED, _CLOSED = range(len(_STATUSES))
_PRIORITIES = tuple(p.value for p in Priority)
_TIERS = ("L1", "L2", "L3")
assert set(_STATUSES) == {s.value for s in TicketStatus} and set(_TIERS) == {t.value for t in Tier}


def _indexes(names: tuple[str, ...], weights: dict[str, float]) -> np.ndarray:
    """A weighted table (see draws.weighted) of positions in `names`."""
    return np.array(weighted({names.index(k): w for k, w in weights.items()}, 100), dtype=np.int64)


_PRIORITY_TABLE = _indexes(_PRIORITIES, {Priority.LOW.value: 15, Priority.NORMAL.value: 60,
                                         Priority.HIGH.value: 20, Priority.URGENT.value: 5})
# Ticket status by age: young tickets are still being worked on, old ones are mostly closed.
_STATUS_YOUNG = _indexes(_STATUSES, {"new": 35, "open": 30, "pending": 15, "escalated": 10, "resolved": 10})
_STATUS_WEEK = _indexes(_STATUSES, {"new": 3, "open": 15, "pending": 15, "escalated": 7, "resolved": 30,
                                    "closed": 30})
_STATUS_OLD = _indexes(_STATUSES, {"open": 3, "pending": 3, "escalated": 2, "resolved": 12, "closed": 80})
_TIER_TABLE = _indexes(_TIERS, {"L1": 75, "L2": 20, "L3": 5})
# the SLA policy of core.domain, as seconds per priority
_SLA_SECONDS = np.array([int((sla_due(EPOCH, Priority(p)) - EPOCH).total_seconds()) for p in _PRIORITIES])
_STAGE = 2  # this stage's numpy stream


def _history(ids: list[str], tickets: list[str], created: list[str], updated: list[str], creators: list[str],
             assignees: list[str | None], statuses: list[str]) -> list[tuple]:
    """Each ticket's "created" entry (id 2t) and, unless it is still new, its status change (id 2t+1)."""
    rows = []
    for h_created, h_change, tid, created_at, updated_at, by, assigned, status in zip(
            ids[0::2], ids[1::2], tickets, created, updated, creators, assignees, statuses, strict=True):
        rows.append((h_created, tid, created_at, by, "created", None, None, None, None))
        if status != "new":
            rows.append((h_change, tid, updated_at, assigned or by, "change", "status", "new", status, None))
    return rows


def ticket_batches(ctx: SeedContext, t0: int, n: int, linked: int, i0: int, taken: set[str],
                   ticket_code: str | None) -> Iterator[tuple[int, dict[str, list[tuple]]]]:
    """Batches of tickets t0 .. t0+n-1 with their history; the first `linked` also get the call they were
    opened in (interactions i0..). `taken`: ticket numbers already in the database for these months.
    Yields (tickets done, rows per table)."""
    g, clock, latest = ctx.stream(_STAGE, t0), ctx.clock, ctx.clock.latest
    numbers = SeedTicketNumbers(int(g.integers(1 << 30)), taken)
    categories = ctx.settings.ticket_categories
    category_table = np.array(weighted({i: c.weight for i, c in enumerate(categories)}, 100), dtype=np.int64)
    category_names = objects([c.name for c in categories])
    # group 2 * category + english: that category's texts in the customer's language
    subjects = GroupedChoices([c.subjects[lang] for c in categories for lang in ("ru", "en")])
    descriptions = GroupedChoices([c.descriptions[lang] for c in categories for lang in ("ru", "en")])
    handling = objects(ctx.handling)
    for start in range(0, n, BATCH):
        m = min(n, start + BATCH) - start
        first = t0 + start
        ks = ctx.customer_indexes(g, m)
        category = pick(category_table, g.random(m))
        group = 2 * category + ctx.population.english(ks)
        created = clock.moments(g, m)
        description = [f"{a} {b}" if more and a != b else a for a, b, more in zip(
            descriptions.pick(group, g.random(m)).tolist(), descriptions.pick(group, g.random(m)).tolist(),
            (g.random(m) < 0.4).tolist(), strict=True)]
        priority = pick(_PRIORITY_TABLE, g.random(m))
        age, u = clock.now - created, g.random(m)
        status = np.where(age < 2 * DAY, pick(_STATUS_YOUNG, u),
                          np.where(age < 14 * DAY, pick(_STATUS_WEEK, u), pick(_STATUS_OLD, u)))
        escalated_to = np.where(g.random(m) < 0.7, 1, 2)  # L2 or L3
        tier = np.where(status == _ESCALATED, escalated_to, pick(_TIER_TABLE, g.random(m)))
        creator = pick(handling, g.random(m))
        assignee = np.where(g.random(m) < 0.6, creator, pick(handling, g.random(m)))
        assignee[(status == _NEW) & (g.random(m) < 0.5)] = None
        sla = _SLA_SECONDS[priority]
        # most are solved within the SLA, some are late; closed ones a few hours to three days after
        resolved = np.minimum(created + whole(sla * (0.05 + 1.25 * g.random(m))), latest)
        closed = np.minimum(resolved + whole(3600 + g.random(m) * 71 * 3600), latest)
        worked_on = created + whole((latest - created) * g.random(m) * 0.5)
        updated = np.select([status == _NEW, status == _RESOLVED, status == _CLOSED],
                            [created, resolved, closed], worked_on)

        tids, cids = ctx.ids["ticket"].range(first, first + m), ctx.ids["customer"].of(ks)
        created_at, updated_at = clock.texts(created), clock.texts(updated)
        statuses, tiers = [_STATUSES[s] for s in status.tolist()], [_TIERS[t] for t in tier.tolist()]
        creators, assignees = creator.tolist(), assignee.tolist()
        category_of = category_names[category].tolist()
        subject = subjects.pick(group, g.random(m)).tolist()
        rows = list(zip(
            tids, numbers.numbers(Clock.year_months(created)), cids, subject, description, category_of,
            [_PRIORITIES[p] for p in priority.tolist()], statuses, tiers, assignees, creators, created_at,
            updated_at, clock.texts(created + sla), clock.texts(resolved, (status == _RESOLVED) | (status == _CLOSED)),
            np.where(status == _NEW, 1, 2).tolist(), strict=True))
        history = _history(ctx.ids["history"].range(2 * first, 2 * (first + m)), tids, created_at, updated_at,
                           creators, assignees, statuses)
        calls, c = [], max(0, min(m, linked - start))  # the first c tickets of this batch came from calls
        if c:
            calls = ticket_calls(ctx, g, i0 + start, ks[:c], created[:c], category_of[:c], tiers[:c],
                                 creators[:c], tids[:c], cids[:c], ticket_code)
        yield start + m, {"tickets": rows, "ticket_history": history, "interactions": calls}
