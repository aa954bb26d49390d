"""Bulk seeding: the asked counts, valid numbers and caller IDs, sound tickets, the same rows for the same seed."""

from __future__ import annotations

import gc
import json
import random
import re
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import numpy as np
import phonenumbers
import pytest
from sqlalchemy import func, inspect, select, text

from desktop_agent import cli
from desktop_agent.core.domain import Priority, TicketStatus, Tier, sla_due
from desktop_agent.core.phone import CallerIdKind, normalise
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.defaults import read_demo_settings
from desktop_agent.store.migrate import upgrade
from desktop_agent.store.models import (
    Agent,
    Customer,
    CustomerPhone,
    Disposition,
    Interaction,
    Ticket,
    TicketHistory,
)
from desktop_agent.store.seed import (
    PLANS,
    SeedError,
    caller_id_formats,
    new_ticket_number,
    restore_indexes,
    seed,
)
from desktop_agent.store.seeding import bulk
from desktop_agent.store.seeding.draws import EPOCH, Clock, Ids
from desktop_agent.store.seeding.phones import Population, raw_caller_ids
from desktop_agent.store.seeding.ticket_numbers import SeedTicketNumbers

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
NUMBER = re.compile(r"^\d{4}-[0-9A-HJKMNP-TV-Z]{6}$")
E164 = re.compile(r"^\+[1-9]\d{7,14}$")


def count(db: Database, model) -> int:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def small_seed(db: Database, **kw) -> dict:
    args = {"customers": 200, "tickets": 80, "interactions": 300, "agents": 12, "seed": 5, "now": NOW, **kw}
    return seed(db, **args)


def test_ticket_number_shape():
    rng = random.Random(3)
    numbers = {new_ticket_number(rng, at=datetime(2026, 11, 3, tzinfo=UTC)) for _ in range(2000)}
    assert len(numbers) == 2000
    assert all(NUMBER.match(n) and n.startswith("2611-") for n in numbers)
    assert new_ticket_number(random.Random(9)) == new_ticket_number(random.Random(9))
    assert NUMBER.match(new_ticket_number()) and new_ticket_number() != new_ticket_number()


def test_every_plan_gives_valid_numbers():
    rng = random.Random(1)
    for plan in PLANS:
        for _ in range(120):
            number = plan.number(rng.randrange(10**7), rng.randrange(plan.space))
            assert E164.match(number), number
            assert phonenumbers.is_valid_number(phonenumbers.parse(number, None)), number
            for raw in caller_id_formats(number):
                assert normalise(raw).e164 == number, raw


def test_batch_numbers_are_the_plans_numbers():
    rng = random.Random(4)
    for plan in PLANS:
        offset = rng.randrange(plan.space)
        slots = np.array([rng.randrange(3 * 10**6) for _ in range(300)] + [0, 1, 2, 3 * 10**6 - 1])
        assert plan.numbers(slots, offset) == [plan.number(s, offset) for s in slots.tolist()]


def test_population_phones_and_callers():
    population = Population(random.Random(2), read_demo_settings().mix)
    ks = np.arange(5000, 8000)
    owners, slots, e164s, labels = population.phones(ks)
    assert slots.tolist() == sorted(slots.tolist()) and len(set(e164s)) == len(e164s)
    assert all(3 * ks[o] <= s <= 3 * ks[o] + 2 for o, s in zip(owners, slots.tolist(), strict=True))
    assert set(labels) <= {"mobile", "home", "work"}
    by_owner: dict[int, list[str]] = {}
    for owner, e164 in zip(owners, e164s, strict=True):
        by_owner.setdefault(owner, []).append(e164)
    assert sorted(by_owner) == list(range(len(ks))) and {len(v) for v in by_owner.values()} == {1, 2, 3}
    english = population.english(ks).tolist()
    assert 0.05 < sum(english) / len(ks) < 0.5
    for i in range(0, len(ks), 97):  # English speakers mostly have US or UK numbers, Russians Russian ones
        first_number = by_owner[i][0]
        assert first_number.startswith(("+1", "+44", "+7")) and (english[i] or first_number.startswith("+7"))

    first = population.callers(ks, np.zeros(len(ks)), np.zeros(len(ks)))
    assert first == [by_owner[i][0] for i in range(len(ks))]
    other = population.callers(ks, np.ones(len(ks)) * 0.9, np.linspace(0, 0.999, len(ks)))
    assert all(n in by_owner[i] for i, n in enumerate(other))
    assert sum(n != by_owner[i][0] for i, n in enumerate(other)) > 300
    raw = raw_caller_ids(other, np.linspace(0, 0.999, len(other)))
    assert all(normalise(r).e164 == n for r, n in zip(raw, other, strict=True))
    assert 0.4 < sum(r == n for r, n in zip(raw, other, strict=True)) / len(raw) < 0.6


def test_ids_are_increasing_uuid7_shapes():
    ids = Ids(int(NOW.timestamp() * 1000) - 2**32, 0x1234_5678_9ABC_DEF0)
    batch = ids.range(0, 5000)
    parsed = [uuid.UUID(h) for h in batch]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert batch == sorted(batch) and len(set(batch)) == 5000
    assert ids(4321) == batch[4321] and ids.of(np.array([7, 3])) == [batch[7], batch[3]]


def test_time_texts_are_what_sqlalchemy_stores_on_sqlite():
    clock = Clock(NOW)
    g = np.random.default_rng(3)
    secs = np.concatenate([clock.moments(g, 2000), [0, 86399, 86400, clock.now, clock.window_start]])
    expected = [(EPOCH + timedelta(seconds=s)).strftime("%Y-%m-%d %H:%M:%S.%f") for s in secs.tolist()]
    assert clock.texts(secs) == expected and clock.text(int(secs[7])) == expected[7]
    present = secs % 2 == 0
    assert clock.texts(secs, present) == [t if p else None for t, p in zip(expected, present, strict=True)]
    moments = secs[:2000]
    assert clock.window_start <= moments.min() and moments.max() <= clock.latest
    hours = Counter(((moments % 86400) // 3600).tolist())
    assert hours[8] > 5 * hours[0]  # 11:00 Moscow time is busy, 03:00 is quiet
    assert Clock.year_months(np.array([0, clock.now])).tolist() == [7001, 2611]


def test_generated_ticket_numbers_are_unique_and_skip_taken_ones():
    months = np.array([2609, 2610, 2611])[np.random.default_rng(5).integers(0, 3, 60_000)]
    numbers = SeedTicketNumbers(77, set())
    made = numbers.numbers(months[:30_000]) + numbers.numbers(months[30_000:])
    assert len(set(made)) == 60_000 and all(NUMBER.match(n) for n in made)
    assert [int(n[:4]) for n in made] == months.tolist()
    taken = set(made[:500])
    again = SeedTicketNumbers(77, taken).numbers(months[:1000])  # the same salt: would repeat made[:1000]
    assert not taken & set(again) and len(set(again)) == 1000
    assert [int(n[:4]) for n in again] == months[:1000].tolist()


def test_seed_counts_and_shapes(db):
    gc.enable()  # the suite keeps the collector off during tests (tests/conftest.py); seeding must restore it
    try:
        summary = small_seed(db)
        assert gc.isenabled()  # paused while rows were generated, and back on
    finally:
        gc.disable()
    assert {k: summary[k] for k in ("agents", "customers", "tickets", "interactions")} == \
        {"agents": 12, "customers": 200, "tickets": 80, "interactions": 300}
    assert summary["ticket_history"] == count(db, TicketHistory) > 80
    assert count(db, Customer) == 200 and count(db, Ticket) == 80 and count(db, Interaction) == 300
    assert count(db, Agent) == 12 and count(db, Disposition) > 0  # the defaults came along
    phones = summary["customer_phones"]
    assert count(db, CustomerPhone) == phones and 215 <= phones <= 300  # about a fifth have 2-3 numbers

    with db.session() as s:
        customers = s.execute(select(Customer.id, Customer.full_name, Customer.language, Customer.vip,
                                     Customer.segment, Customer.email)).all()
        numbers = s.execute(select(CustomerPhone.customer_id, CustomerPhone.e164)).all()
        tickets = s.scalars(select(Ticket)).all()
        history = s.scalars(select(TicketHistory)).all()
        calls = s.scalars(select(Interaction)).all()

    languages = Counter(c.language for c in customers)
    assert languages["ru"] > languages["en"] > 10
    assert any(re.search("[А-Яа-я]", c.full_name) for c in customers)
    assert all(len(c.full_name.split()) == (3 if c.language == "ru" else 2) for c in customers)
    assert sum(c.vip for c in customers) < 20 and any(c.email for c in customers)
    assert {c.segment for c in customers} <= {"consumer", "small_business", "corporate", "government"}

    e164s = [n.e164 for n in numbers]
    assert len(set(e164s)) == len(e164s)  # nobody shares a number
    assert all(E164.match(n) and phonenumbers.is_valid_number(phonenumbers.parse(n, None)) for n in e164s)
    assert any(n.startswith(("+7495", "+7812", "+7499", "+7843")) for n in e164s)
    assert any(n.startswith(("+1", "+44")) for n in e164s)
    per_customer = Counter(n.customer_id for n in numbers)
    assert set(per_customer.values()) <= {1, 2, 3} and len(per_customer) == 200

    assert len({t.number for t in tickets}) == 80 and all(NUMBER.match(t.number) for t in tickets)
    assert {t.status for t in tickets} <= {s.value for s in TicketStatus} and len({t.status for t in tickets}) >= 4
    assert {t.tier for t in tickets} <= {t.value for t in Tier}
    for t in tickets:
        assert t.sla_due_at == sla_due(t.created_at, Priority(t.priority))
        assert (t.resolved_at is not None) == (t.status in ("resolved", "closed"))
        assert t.created_at <= t.updated_at <= NOW and t.customer_id is not None
        assert t.created_at.tzinfo is not None and NOW - t.created_at <= timedelta(days=92)
        assert t.version == (1 if t.status == "new" else 2)
    created = Counter(h.ticket_id for h in history if h.kind == "created")
    assert created == Counter({t.id: 1 for t in tickets})

    by_customer = {}
    for n in numbers:
        by_customer.setdefault(n.customer_id, set()).add(n.e164)
    ticket_ids = {t.id for t in tickets}
    assert len({c.callid for c in calls}) == 300
    for c in calls:
        caller = normalise(c.caller_id_raw)
        if c.caller_number is None:
            assert caller.kind is CallerIdKind.ANONYMOUS and c.customer_id is None
        else:
            assert caller.e164 == c.caller_number, c.caller_id_raw
        if c.customer_id is not None:
            assert c.caller_number in by_customer[c.customer_id]
        assert NOW - timedelta(days=92) <= c.offered_at < c.ended_at <= NOW
        if c.answered_at is not None:
            assert c.offered_at <= c.answered_at <= c.ended_at and c.agent_id is not None
        assert c.ticket_id is None or c.ticket_id in ticket_ids
    inbound = [c for c in calls if c.direction == "inbound"]
    assert {c.queue for c in inbound} == {"support", "billing", "sales"}
    assert 0 < sum(c.answered_at is None for c in inbound) < len(inbound) * 0.3  # some gave up
    assert sum(c.ticket_id is not None for c in calls) == round(80 * 0.7)
    assert any(c.customer_id is None and c.caller_number for c in inbound)  # unknown callers too


def test_same_seed_same_rows(db, tmp_path):
    def snapshot(database: Database) -> dict:  # through the models, so both backends give the same types
        with database.session() as s:
            return {
                "customers": s.execute(select(Customer.id, Customer.full_name, Customer.email, Customer.vip,
                                              Customer.notes, Customer.created_at).order_by(Customer.id)).all(),
                "phones": s.execute(select(CustomerPhone.id, CustomerPhone.customer_id, CustomerPhone.e164,
                                           CustomerPhone.label).order_by(CustomerPhone.id)).all(),
                "tickets": s.execute(select(Ticket.number, Ticket.subject, Ticket.status, Ticket.priority,
                                            Ticket.tier, Ticket.sla_due_at).order_by(Ticket.id)).all(),
                "calls": s.execute(select(Interaction.callid, Interaction.caller_id_raw, Interaction.caller_number,
                                          Interaction.queue, Interaction.disposition_code, Interaction.hold_seconds)
                                   .order_by(Interaction.id)).all(),
            }

    small_seed(db)
    other = Database(make_engine(parse_url(f"sqlite:///{tmp_path / 'other.sqlite3'}")))
    upgrade(other.engine)
    small_seed(other)
    third = Database(make_engine(parse_url(f"sqlite:///{tmp_path / 'third.sqlite3'}")))
    upgrade(third.engine)
    small_seed(third, seed=6)
    try:
        a, b, c = snapshot(db), snapshot(other), snapshot(third)
        assert a == b
        assert a["customers"] != c["customers"] and a["tickets"] != c["tickets"]
    finally:
        other.dispose()
        third.dispose()


def test_seeding_again_adds_rows(db):
    small_seed(db)
    second = small_seed(db, customers=100, tickets=40, interactions=100)
    assert second["agents"] == 0  # agent001..agent012 exist already
    assert count(db, Customer) == 300 and count(db, Ticket) == 120 and count(db, Interaction) == 400
    with db.session() as s:
        assert s.scalar(select(func.count(func.distinct(Ticket.number)))) == 120
        assert s.scalar(select(func.count(func.distinct(CustomerPhone.e164)))) == count(db, CustomerPhone)


def test_big_loads_set_indexes_aside_and_rebuild_them(db, monkeypatch):
    def names() -> set[str]:
        insp = inspect(db.engine)
        return {ix["name"] for t in ("customers", "customer_phones", "interactions") for ix in insp.get_indexes(t)}

    before = names()
    monkeypatch.setattr(bulk, "BIG_LOAD", 50)
    summary = small_seed(db, customers=120, tickets=10, interactions=80)
    assert names() == before and "indexes" in summary["stage_seconds"]
    with db.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_customer_phones_e164"))
    assert restore_indexes(db) == ["ix_customer_phones_e164"]
    assert names() == before


@pytest.mark.parametrize(("kw", "message"), [
    ({"customers": -1}, "customers must be a whole number"),
    ({"customers": 0, "tickets": 5}, "tickets and interactions belong to the customers"),
    ({"agents": 0}, "agents must be from 1 to 999"),
    ({"now": datetime(2026, 1, 1)}, "now must be an aware datetime"),
])
def test_bad_arguments_are_refused_before_writing(sqlite_url, kw, message):
    database = Database(make_engine(parse_url(sqlite_url)))
    upgrade(database.engine)
    try:
        with pytest.raises(SeedError, match=message):
            small_seed(database, **kw)
        assert count(database, Agent) == 0 and count(database, Customer) == 0
    finally:
        database.dispose()


def test_cli_seed_prints_a_json_summary(sqlite_url, capsys):
    code = cli.main(["--db", sqlite_url, "db", "seed", "--customers", "60", "--tickets", "20",
                     "--interactions", "90", "--agents", "5", "--seed", "5"])
    out = capsys.readouterr().out
    assert code == 0
    summary = json.loads(out)
    assert (summary["customers"], summary["tickets"], summary["interactions"], summary["agents"], summary["seed"]) == \
        (60, 20, 90, 5, 5)
    assert summary["backend"] == "sqlite" and summary["seconds"] > 0

    assert cli.main(["--db", sqlite_url, "db", "seed", "--customers", "0", "--tickets", "3"]) == 2
    assert "tickets and interactions belong" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        cli.main(["--db", sqlite_url, "db", "seed", "--customers", "lots"])
    assert exited.value.code == 2
    assert "not a whole number: 'lots'" in capsys.readouterr().err
