"""The agents and customers stages.

Customers are drawn row by row from the run's random.Random, because a name, e-mail and note depend on
one another; what a customer's running index determines (ids, language, numbers) comes for the whole
batch at once.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from desktop_agent.core.domain import Role
from desktop_agent.store.seeding.context import BATCH, SeedContext
from desktop_agent.store.seeding.draws import DAY, weighted

_SEGMENTS = weighted({"consumer": 80, "small_business": 12, "corporate": 7, "government": 1}, 100)


def agent_rows(ctx: SeedContext, count: int, existing: dict[str, str]) -> tuple[list[tuple], list[str]]:
    """Agents agent001..agentNNN: the rows of those not in `existing` (login -> id), and the ids of
    those who take calls (operators; everyone, if there are none)."""
    rng, named = ctx.rng, ctx.settings.named_agents
    (m_first, _, m_last), (f_first, _, f_last) = ctx.pools.ru_male, ctx.pools.ru_female
    created = ctx.clock.text(ctx.clock.now - 400 * DAY)
    rows, ids, handling = [], [], []
    for i in range(count):
        login = f"agent{i + 1:03d}"
        first, last = (rng.choice(f_first), rng.choice(f_last)) if i % 2 else \
            (rng.choice(m_first), rng.choice(m_last))
        spec = named[i] if i < len(named) else {"display_name": f"{first} {last}",
                                                "role": Role.OPERATOR.value, "language": "ru"}
        aid = existing.get(login) or ctx.ids["agent"](i)
        if login not in existing:
            rows.append((aid, login, spec["display_name"], spec["role"], str(1001 + i), spec["language"],
                         True, created))
        ids.append(aid)
        if spec["role"] == Role.OPERATOR.value:
            handling.append(aid)
    return rows, handling or ids


def customer_batches(ctx: SeedContext, c0: int, n: int) -> Iterator[tuple[int, dict[str, list[tuple]]]]:
    """Batches of customers c0 .. c0+n-1 with their phones: (customers done, rows per table)."""
    # the hottest loop of the stage: draws are inlined (seq[int(rnd() * len(seq))] is rng.choice, faster)
    rnd, pools, mix, text, now = ctx.rng.random, ctx.pools, ctx.settings.mix, ctx.clock.text, ctx.clock.now
    domains, notes, companies, latin = (ctx.settings.email_domains, ctx.settings.customer_notes,
                                        pools.companies, pools.latin)
    en_female, en_male, en_last = pools.en_female, pools.en_male, pools.en_last
    with_email, with_notes, vip_share = mix["with_email"], mix["with_notes"], mix["vip"]
    for start in range(0, n, BATCH):
        ks = np.arange(c0 + start, c0 + min(n, start + BATCH), dtype=np.int64)
        cids = ctx.ids["customer"].of(ks)
        rows = []
        for cid, english in zip(cids, ctx.population.english(ks).tolist(), strict=True):
            if english:
                lang = "en"
                firsts = en_female if rnd() < 0.5 else en_male
                first, last = firsts[int(rnd() * len(firsts))], en_last[int(rnd() * len(en_last))]
                full_name = f"{first} {last}"
            else:
                lang = "ru"
                firsts, middles, lasts = pools.ru_female if rnd() < 0.53 else pools.ru_male
                first, last = firsts[int(rnd() * len(firsts))], lasts[int(rnd() * len(lasts))]
                full_name = f"{last} {first} {middles[int(rnd() * len(middles))]}"
            segment = _SEGMENTS[int(rnd() * 100)]
            company = None
            if segment != "consumer":
                names = companies[lang]
                company = names[int(rnd() * len(names))]
            email = None
            if rnd() < with_email:
                f, la, style = latin[first], latin[last], rnd()
                local = f"{f}.{la}" if style < 0.45 else f"{la}{int(70 + rnd() * 30)}" if style < 0.75 \
                    else f"{f[:1]}{la}"
                hosts = domains[lang]
                email = f"{local}@{hosts[int(rnd() * len(hosts))]}"
            note = ""
            if rnd() < with_notes:
                texts = notes[lang]
                note = texts[int(rnd() * len(texts))]
            vip = rnd() < vip_share
            created = text(now - 91 * DAY - int(rnd() * 1095 * DAY))  # customers for up to 3 years
            rows.append((cid, full_name, company, email, segment, vip, lang, note, False, created, created))
        owners, slots, e164s, labels = ctx.population.phones(ks)
        phones = list(zip(ctx.ids["phone"].of(slots), [cids[i] for i in owners], e164s, labels, strict=True))
        yield len(ks) + start, {"customers": rows, "customer_phones": phones}
