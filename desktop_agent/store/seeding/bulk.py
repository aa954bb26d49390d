"""Writing generated rows in bulk, never through the ORM: executemany on SQLite, COPY on PostgreSQL.

Also sets a big load's plain indexes aside and builds them again afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, inspect

from desktop_agent.store.database import Database
from desktop_agent.store.models import Base

# The columns each generated row fills, in order; table and column names are these constants, never input.
COLUMNS = {
    "agents": ("id", "login", "display_name", "role", "extension", "language", "active", "created_at"),
    "customers": ("id", "full_name", "company", "email", "segment", "vip", "language", "notes", "provisional",
                  "created_at", "updated_at"),
    "customer_phones": ("id", "customer_id", "e164", "label"),
    "tickets": ("id", "number", "customer_id", "subject", "description", "category", "priority", "status",
                "tier", "assignee_id", "created_by_id", "created_at", "updated_at", "sla_due_at",
                "resolved_at", "version"),
    "ticket_history": ("id", "ticket_id", "at", "agent_id", "kind", "field", "old_value", "new_value",
                       "comment"),
    "interactions": ("id", "callid", "direction", "caller_id_raw", "caller_number", "customer_id", "queue",
                     "agent_id", "offered_at", "answered_at", "ended_at", "hold_seconds", "wrapup_seconds",
                     "disposition_code", "notes", "ticket_id"),
}
SEEDED_TABLES = ("customers", "customer_phones", "tickets", "ticket_history", "interactions")
BIG_LOAD = 50_000  # rows; a load this big into a table no bigger sets the table's plain indexes aside


class BulkWriter:
    """Rows in the stored form both backends accept: ids as 32 hex digits (SQLAlchemy's Uuid on SQLite),
    times as naive-UTC `YYYY-MM-DD HH:MM:SS.ffffff` text (SQLAlchemy's SQLite format; PostgreSQL's COPY
    parses it). One transaction per batch: :meth:`write` commits."""

    def __init__(self, engine: Engine) -> None:
        self.fairy = engine.raw_connection()
        self.conn: Any = self.fairy.driver_connection
        self.seconds: dict[str, float] = {}  # per table, and "commit"

    def write(self, batch: dict[str, list[tuple]]) -> None:
        """Insert each table's rows (in the order given, parents first) and commit them as one transaction."""
        for table, rows in batch.items():
            if rows:
                started = time.perf_counter()
                self._insert(table, COLUMNS[table], rows)
                self._took(table, started)
        started = time.perf_counter()
        self.conn.commit()
        self._took("commit", started)

    def _took(self, key: str, started: float) -> None:
        self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - started

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        raise NotImplementedError

    def _restore_session(self) -> None:
        """Undo this writer's session settings; runs after the rollback of a failed load."""

    def close(self, ok: bool) -> None:
        try:
            if not ok:
                self.conn.rollback()
            self._restore_session()
        finally:
            self.fairy.close()


class SqliteWriter(BulkWriter):
    # For the seed only: no fsync per batch, a bigger page cache, and no foreign-key lookups for rows
    # that are consistent by construction. Restored before the connection goes back to the pool.
    PRAGMAS = {"synchronous": "OFF", "foreign_keys": "OFF", "cache_size": "-131072", "temp_store": "MEMORY"}

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.conn.commit()  # PRAGMA foreign_keys is ignored inside a transaction
        self.saved = {p: self.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in self.PRAGMAS}
        for pragma, value in self.PRAGMAS.items():
            self.conn.execute(f"PRAGMA {pragma}={value}")

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        places = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({places})"  # noqa: S608
        self.conn.executemany(sql, rows)

    def _restore_session(self) -> None:
        self.conn.commit()
        for pragma, value in self.saved.items():
            self.conn.execute(f"PRAGMA {pragma}={value}")


class PostgresWriter(BulkWriter):
    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.conn.execute("SET synchronous_commit TO off")  # for this session only

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _restore_session(self) -> None:
        self.conn.execute("RESET synchronous_commit")
        self.conn.commit()


@contextmanager
def bulk_writer(db: Database) -> Iterator[BulkWriter]:
    writer = SqliteWriter(db.engine) if db.is_sqlite else PostgresWriter(db.engine)
    ok = False
    try:
        yield writer
        ok = True
    finally:
        writer.close(ok)


@contextmanager
def indexes_set_aside(db: Database, planned: dict[str, tuple[int, int]],
                      stages: dict[str, float]) -> Iterator[None]:
    """Drop a table's plain (non-unique) indexes while a big load goes in, and build them again after.

    `planned` is table -> (rows to add, rows present). One sorted pass afterwards is much faster than
    keeping random-order indexes up to date row by row. Only for loads at least as big as what the
    table already holds. Unique indexes stay, so constraints hold throughout. An interrupted seed's
    missing indexes come back with :func:`restore_indexes` (the next seed calls it first).
    """
    aside = [ix for name, (adding, present) in planned.items() if adding >= BIG_LOAD and adding >= present
             for ix in Base.metadata.tables[name].indexes if not ix.unique]
    if aside:
        with db.engine.begin() as conn:
            for ix in aside:
                ix.drop(conn)
    try:
        yield
    finally:
        started = time.perf_counter()
        restore_indexes(db)
        stages["indexes"] = time.perf_counter() - started


def restore_indexes(db: Database, tables: tuple[str, ...] = SEEDED_TABLES) -> list[str]:
    """Create the models' indexes on these tables that the database lacks; returns their names."""
    created = []
    with db.engine.begin() as conn:
        inspector = inspect(conn)
        for name in tables:
            have = {ix["name"] for ix in inspector.get_indexes(name)}
            for ix in Base.metadata.tables[name].indexes:
                if ix.name not in have:
                    ix.create(conn)
                    created.append(ix.name)
    return created
