"""The database side of a customer import (crm.csv_import): one transaction per batch, a savepoint
per insert, and a database that stops answering turned into one line.

    with import_batch(db) as batch:             # BEGIN ... COMMIT at the end of the block
        known = batch.existing_numbers(numbers)
        try:
            batch.insert(rows)                  # in a savepoint: all of the rows or none
        except RowsRefused as exc:              # a constraint or a trigger said no (one line)
            ...

A lost database (in any statement or in the commit) raises store.errors.DatabaseUnreachable whose
message is the driver's first line; what was committed by earlier batches stays committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, RootTransaction
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from desktop_agent.store.customers import NewCustomer, existing_numbers, insert_customers
from desktop_agent.store.database import Database
from desktop_agent.store.errors import DatabaseUnreachable, StoreError


class RowsRefused(StoreError):
    """The database refused an insert; the message is its first line. Nothing of it was written."""


def _first_line(exc: BaseException) -> str:
    return (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["error"])[0]


class ImportBatch:
    """One batch's transaction (see import_batch)."""

    def __init__(self, conn: Connection, tx: RootTransaction) -> None:
        self._conn, self._tx = conn, tx

    def existing_numbers(self, numbers: Iterable[str]) -> set[str]:
        """Which of these E.164 numbers some customer already has (store.customers.existing_numbers)."""
        return existing_numbers(self._conn, numbers)

    def insert(self, rows: Sequence[tuple[uuid.UUID, NewCustomer]]) -> None:
        """The customers with their phones, in a savepoint: all of them or, raising RowsRefused, none.
        Validate them with NewCustomer.problem() first."""
        try:
            with self._conn.begin_nested():
                insert_customers(self._conn, rows)
        except SQLAlchemyError as exc:
            raise RowsRefused(_first_line(exc)) from exc

    def rollback(self) -> None:
        """Write nothing of this batch (a dry run); the block then ends without a commit."""
        self._tx.rollback()


@contextmanager
def import_batch(db: Database) -> Iterator[ImportBatch]:
    """A transaction for one batch, committed when the block ends. DatabaseUnreachable (one line)
    when the database stops answering, the commit included."""
    try:
        with db.engine.connect() as conn, conn.begin() as tx:
            _begin_for_real(conn)
            yield ImportBatch(conn, tx)
    except OperationalError as exc:
        raise DatabaseUnreachable(_first_line(exc)) from exc


def _begin_for_real(conn: Connection) -> None:
    """pysqlite starts its transaction lazily, so a first SAVEPOINT would start (and its RELEASE end)
    a transaction of its own: committing rows a later rollback should undo. Begin explicitly."""
    if conn.dialect.name == "sqlite":
        dbapi = conn.connection.dbapi_connection
        if dbapi is not None and not dbapi.in_transaction:
            conn.exec_driver_sql("BEGIN")
