"""Each screen-pop part is one statement, and EXPLAIN shows the indexes answer it (no full scans)."""

from __future__ import annotations

import json
import re
from contextlib import contextmanager

from conftest import NOW
from sqlalchemy import event

from desktop_agent.crm.screen_pop import ScreenPopService
from desktop_agent.store import customers as store

BIG_TABLES = ("customers", "customer_phones", "interactions", "tickets")


@contextmanager
def captured_sql(engine):
    statements = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", remember)


def _table_of(name: str) -> str | None:
    # SQLAlchemy aliases a table as customer_phones_1 and so on
    return next((t for t in BIG_TABLES if re.fullmatch(rf"{t}(_\d+)?", name)), None)


def sqlite_full_scans(conn, statement, parameters) -> list[str]:
    plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    assert plan, statement
    return [line for line in plan
            if (m := re.match(r"SCAN (\w+)", line)) and _table_of(m.group(1))]


def _walk(node):
    yield node
    for child in node.get("Plans", ()):
        yield from _walk(child)


def postgres_full_scans(conn, statement, parameters) -> list[str]:
    # Tiny test tables make a sequential scan the cheapest plan; with it switched off the planner
    # still falls back to one when no index can answer, so a Seq Scan here means "no usable index".
    conn.exec_driver_sql("SET enable_seqscan = off")
    raw = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar_one()
    plan = raw if isinstance(raw, list) else json.loads(raw)
    bad = []
    for node in _walk(plan[0]["Plan"]):
        table = _table_of(node.get("Relation Name", "")) or _table_of(node.get("Alias", ""))
        kind = node["Node Type"]
        if table and kind == "Seq Scan":
            bad.append(f"Seq Scan on {table}")
        if kind in ("Index Scan", "Index Only Scan", "Bitmap Index Scan") and "Index Cond" not in node:
            bad.append(f"full {kind} of {node.get('Index Name')}")
    return bad


def full_scans(db, captured) -> dict[str, list[str]]:
    found = {}
    with db.engine.connect() as conn:
        for statement, parameters in captured:
            if db.is_sqlite:
                bad = sqlite_full_scans(conn, statement, parameters)
            else:
                bad = postgres_full_scans(conn, statement, parameters)
            if bad:
                found[statement] = bad
        conn.rollback()
    return found


def _selects(captured):
    return [(s, p) for s, p in captured if s.lstrip().upper().startswith("SELECT")]


def test_known_caller_is_four_indexed_queries(db, crm_data):
    service = ScreenPopService.over_store(db, clock=lambda: NOW)
    service.lookup("+79999999999")  # warm up (first connect runs PRAGMAs / version checks)
    with captured_sql(db.engine) as captured:
        pop = service.lookup("+7 495 765-43-21")
    assert pop.customer is not None and pop.alternatives  # the shared number: customers + alternatives
    queries = _selects(captured)
    assert len(queries) == 4, [s for s, _ in queries]  # customer(s) with phones, tickets, calls, count
    assert full_scans(db, queries) == {}


def test_unknown_caller_is_three_indexed_queries(db, crm_data):
    service = ScreenPopService.over_store(db, clock=lambda: NOW)
    service.lookup("+79999999999")
    with captured_sql(db.engine) as captured:
        pop = service.lookup("8 903 000 00 00")
    assert pop.unknown_caller
    queries = _selects(captured)
    assert len(queries) == 3, [s for s, _ in queries]  # no owner, calls by number, count by number
    assert full_scans(db, queries) == {}


def test_the_plan_check_does_catch_a_full_scan(db, crm_data):
    # the checker itself must be able to fail: a search on an unindexed column is a full scan
    with captured_sql(db.engine) as captured, db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT id FROM customers WHERE email = 'x@example.com'")
        conn.exec_driver_sql("SELECT id FROM interactions WHERE queue = 'support'")
    assert len(full_scans(db, _selects(captured))) == 2


def test_import_duplicate_check_and_search_use_indexes(db, crm_data):
    with captured_sql(db.engine) as captured, db.engine.connect() as conn:
        assert store.existing_numbers(conn, ["+79123456789", "+70000000001"]) == {"+79123456789"}
        assert [c.id for c in store.search_customers(conn, "Сидоров")] == [crm_data.sidorov, crm_data.sidorova]
        assert [c.id for c in store.search_customers(conn, "petrova")] == [crm_data.petrova]
    assert full_scans(db, _selects(captured)) == {}
