"""Calls: the interactions stage, and the call in which each ticket from a call was opened.

Every column of a batch is drawn as a numpy vector; only the texts (ids, times, numbers) are built row
by row, each in one list comprehension.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from desktop_agent.store.seeding.context import BATCH, SeedContext
from desktop_agent.store.seeding.draws import GroupedChoices, objects, pick, weighted, whole
from desktop_agent.store.seeding.phones import raw_caller_ids

_ANONYMOUS = objects(("anonymous", "Anonymous", "unknown", "restricted", ""))
_CATEGORY_QUEUE = {"billing": "billing", "account": "billing"}  # every other category is support's
_OUTBOUND_CODES = {"info_provided": 40, "resolved_first_contact": 35, "callback_scheduled": 10,
                   "sale_made": 10, "call_dropped": 5}
_STAGE = 3  # this stage's numpy stream


def _rows(ctx: SeedContext, first: int, offered: np.ndarray, answered: np.ndarray, ended: np.ndarray,
          was_answered: np.ndarray | None, **columns: list) -> list[tuple]:
    """Interaction rows first, first+1, ...: ids, call ids and times here, the other columns as given."""
    m, texts = len(offered), ctx.clock.texts
    callids = [f"{o}.{i}" for o, i in zip(offered.tolist(), range(first, first + m), strict=True)]
    return list(zip(
        ctx.ids["interaction"].range(first, first + m), callids, columns["direction"], columns["raw"],
        columns["number"], columns["customer"], columns["queue"], columns["agent"], texts(offered),
        texts(answered, was_answered), texts(ended), columns["hold"], columns["wrapup"], columns["code"],
        [""] * m, columns["ticket"], strict=True))


def ticket_calls(ctx: SeedContext, g: np.random.Generator, first: int, ks: np.ndarray, created: np.ndarray,
                 categories: list[str], tiers: list[str], agents: list[str], ticket_ids: list[str],
                 customer_ids: list[str], ticket_code: str | None) -> list[tuple]:
    """The inbound calls, answered by the tickets' creators, in which the tickets were opened (at
    `created`), by customers `ks`: interaction rows first, first+1, ..."""
    m = len(ks)
    answered = created - whole(60 + g.random(m) * 340)
    offered = answered - whole(g.exponential(20, m))
    hold = np.where(g.random(m) < 0.3, whole(15 + g.random(m) * 135), 0)
    ended = created + whole(30 + g.random(m) * 150) + hold
    numbers = ctx.population.callers(ks, g.random(m), g.random(m))
    codes = []
    for category, tier in zip(categories, tiers, strict=True):
        code = "complaint_registered" if category == "complaint" else "escalated" if tier != "L1" \
            else "ticket_created"
        codes.append(code if code in ctx.codes else ticket_code)
    return _rows(ctx, first, offered, answered, ended, None, direction=["inbound"] * m,
                 raw=raw_caller_ids(numbers, g.random(m)), number=numbers, customer=customer_ids,
                 queue=[_CATEGORY_QUEUE.get(c, "support") for c in categories], agent=agents,
                 hold=hold.tolist(), wrapup=whole(20 + g.random(m) * 100).tolist(), code=codes,
                 ticket=ticket_ids)


def interaction_batches(ctx: SeedContext, i_start: int, n: int) -> Iterator[tuple[int, dict[str, list]]]:
    """Batches of calls i_start .. i_start+n-1, in and out, answered or abandoned: (calls done, rows)."""
    g, clock, mix, queues = ctx.stream(_STAGE, i_start), ctx.clock, ctx.settings.mix, ctx.settings.queues
    queue_table = np.array(weighted({i: q.weight for i, q in enumerate(queues)}, 100), dtype=np.int64)
    queue_names = objects([q.name for q in queues])
    per_queue = [{c: w for c, w in q.dispositions.items() if c in ctx.codes} for q in queues]
    dispositions = GroupedChoices([weighted(weights, 100) if weights else () for weights in per_queue])
    outbound_weights = {c: w for c, w in _OUTBOUND_CODES.items() if c in ctx.codes}
    outbound_codes = GroupedChoices([weighted(outbound_weights, 100) if outbound_weights else ()])
    handling = objects(ctx.handling)
    anonymous_cut, unknown_cut = mix["anonymous"], mix["anonymous"] + mix["unknown_caller"]
    for start in range(0, n, BATCH):
        m = min(n, start + BATCH) - start
        offered = clock.moments(g, m)
        outbound = g.random(m) < mix["outbound"]
        who = g.random(m)
        anonymous = ~outbound & (who < anonymous_cut)
        unknown = ~outbound & ~anonymous & (who < unknown_cut)
        known = ~anonymous & ~unknown  # a customer of this run: every outbound call, and the rest
        dialled_in = ~outbound & ~anonymous  # the PBX delivers these numbers in one of their shapes

        ks = ctx.customer_indexes(g, m)[known]
        number = np.full(m, None, dtype=object)
        number[known] = objects(ctx.population.callers(ks, g.random(len(ks)), g.random(len(ks))))
        number[unknown] = objects(ctx.population.unknown_numbers(g.integers(0, 10**9, int(unknown.sum()))))
        raw = number.copy()
        raw[anonymous] = pick(_ANONYMOUS, g.random(int(anonymous.sum())))
        shapes = raw_caller_ids(number[dialled_in].tolist(), g.random(int(dialled_in.sum())))
        raw[dialled_in] = objects(shapes)
        customer = np.full(m, None, dtype=object)
        customer[known] = objects(ctx.ids["customer"].of(ks))
        queue = pick(queue_table, g.random(m))

        ring = whole(5 + g.random(m) * 30)
        wait, patience = g.exponential(22, m), g.exponential(160, m)
        answered = np.where(outbound, g.random(m) < 0.75, wait <= patience)  # else: no answer, or gave up
        answered_at = offered + np.where(outbound, ring, whole(wait))
        talk = whole(np.where(outbound, g.lognormal(5.0, 0.6, m), g.lognormal(5.2, 0.6, m)))
        hold = np.where(~outbound & answered & (g.random(m) < 0.22), whole(10 + g.random(m) * 170), 0)
        ended = np.where(answered, answered_at + talk + hold,
                         np.where(outbound, offered + ring, offered + whole(patience) + 1))
        ended = np.minimum(ended, clock.now)  # an hours-long call on the last day still ends by now
        wrapup = np.where(answered, whole(5 + g.random(m) * np.where(outbound, 55, 85)), 0)
        agent = np.where(outbound | answered, pick(handling, g.random(m)), None)
        code = np.where(outbound, outbound_codes.pick(np.zeros(m, dtype=np.int64), g.random(m)),
                        dispositions.pick(queue, g.random(m)))
        rows = _rows(ctx, i_start + start, offered, answered_at, ended, answered,
                     direction=np.where(outbound, "outbound", "inbound").tolist(), raw=raw.tolist(),
                     number=number.tolist(), customer=customer.tolist(),
                     queue=np.where(outbound, None, queue_names[queue]).tolist(), agent=agent.tolist(),
                     hold=hold.tolist(), wrapup=wrapup.tolist(), code=np.where(answered, code, None).tolist(),
                     ticket=[None] * m)
        yield start + m, {"interactions": rows}
