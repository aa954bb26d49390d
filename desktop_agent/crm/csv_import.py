"""`import customers FILE.csv`: every good row imported, every other one reported with its line and reason.

Rows are checked in Python first (mapping, numbers, values), then written in batches: one
transaction and one multi-row INSERT per batch. When a batch fails in the database, it is redone
row by row, each in its own savepoint, so a bad row never stops the good ones and a customer is
never half-written. A number already in the database, or on an earlier line, makes the row a
duplicate: it adds nothing and is reported. Because committed batches become duplicates, running
the same import again after an interruption adds exactly what is missing. The transactions and
savepoints themselves are store.customer_import's.
"""

from __future__ import annotations

import csv
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from desktop_agent.crm.csv_mapping import ColumnMapping, build_mapping, parse_map_options, parse_row
from desktop_agent.crm.csv_reading import (
    CsvFormatError,
    Record,
    detect_encoding,
    parse_delimiter,
    read_records,
)
from desktop_agent.store import customers as store
from desktop_agent.store.customer_import import ImportBatch, RowsRefused, import_batch
from desktop_agent.store.database import Database
from desktop_agent.store.errors import DatabaseUnreachable

log = logging.getLogger(__name__)

BATCH_ROWS = 1000


class ImportInterrupted(Exception):
    """The database went away mid-import; the message says what was committed (one line)."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    encoding: str = "auto"  # auto | utf-8 | cp1251
    delimiter: str = "auto"  # auto | , | ; | \t
    mapping: Sequence[str] = ()  # "CSVCOLUMN=field"
    dry_run: bool = False
    batch_rows: int = BATCH_ROWS


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    kind: str  # rejected | duplicate
    reason: str
    raw: str = ""


@dataclass
class ImportResult:
    file: str
    encoding: str = ""
    delimiter: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    dry_run: bool = False
    problems: list[RowProblem] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "file": self.file, "encoding": self.encoding,
            "delimiter": {"\t": "\\t"}.get(self.delimiter, self.delimiter), "columns": self.columns,
            "read": self.read, "imported": self.imported, "duplicates": self.duplicates,
            "rejected": self.rejected, "dry_run": self.dry_run,
        }

    def add_problem(self, problem: RowProblem) -> None:
        self.problems.append(problem)
        if problem.kind == "duplicate":
            self.duplicates += 1
        else:
            self.rejected += 1


@dataclass(slots=True)
class _Pending:
    line: int
    raw: str
    customer: store.NewCustomer


class _Importer:
    def __init__(self, db: Database, result: ImportResult, dry_run: bool) -> None:
        self.db = db
        self.result = result
        self.dry_run = dry_run
        self.seen: dict[str, int] = {}  # number -> the line that brought it in

    def flush(self, batch: list[_Pending]) -> None:
        if not batch:
            return
        try:
            self._flush(batch)
        except DatabaseUnreachable as exc:
            raise ImportInterrupted(
                f"the database stopped answering at line {batch[0].line} ({exc}); "
                f"{self.result.imported} customers were surely imported before that: run the import again "
                "to add the rest (what is already in counts as duplicates)") from exc

    def _flush(self, batch: list[_Pending]) -> None:
        with import_batch(self.db) as tx:
            in_db = tx.existing_numbers(p.e164 for row in batch for p in row.customer.phones)
            fresh = [row for row in batch if self._is_new(row, in_db)]
            if self.dry_run:
                self.result.imported += len(fresh)
                tx.rollback()
                return
            written = self._write(tx, fresh)
        self.result.imported += written  # counted once the commit went through

    def _is_new(self, row: _Pending, in_db: set[str]) -> bool:
        for phone in row.customer.phones:
            # the file's own line first: earlier batches are in the database by now
            if phone.e164 in self.seen:
                reason = f"number {phone.e164} is already on line {self.seen[phone.e164]}"
            elif phone.e164 in in_db:
                reason = f"number {phone.e164} already belongs to a customer in the database"
            else:
                continue
            self.result.add_problem(RowProblem(row.line, "duplicate", reason, row.raw))
            return False
        for phone in row.customer.phones:
            self.seen[phone.e164] = row.line
        return True

    def _write(self, tx: ImportBatch, fresh: list[_Pending]) -> int:
        """Insert the batch in one go; if the database refuses it, row by row. Returns rows written."""
        rows = [(uuid.uuid4(), row.customer) for row in fresh]
        try:
            tx.insert(rows)
            return len(rows)
        except RowsRefused as exc:
            log.info("batch insert failed (%s); retrying row by row", type(exc.__cause__).__name__)
        written = 0
        for pending, row in zip(fresh, rows, strict=True):
            try:
                tx.insert([row])
                written += 1
            except RowsRefused as exc:
                self.result.add_problem(RowProblem(pending.line, "rejected", f"database refused: {exc}",
                                                   pending.raw))
                for phone in pending.customer.phones:
                    if self.seen.get(phone.e164) == pending.line:
                        del self.seen[phone.e164]
        return written


def _open_source(path: Path, encoding: str):  # noqa: ANN202
    if encoding == "auto":
        encoding = detect_encoding(path)
    elif encoding not in ("utf-8", "cp1251"):
        raise CsvFormatError(f"unsupported encoding {encoding!r}: use auto, utf-8 or cp1251")
    return encoding, path.open("rb")


def import_customers(db: Database, path: Path, options: ImportOptions = ImportOptions()) -> ImportResult:
    """Raises CsvFormatError (one line) only when the file as a whole is unusable; rows never raise."""
    overrides = parse_map_options(options.mapping)
    delimiter = parse_delimiter(options.delimiter)
    encoding, fh = _open_source(path, options.encoding)
    result = ImportResult(file=str(path), encoding=encoding, dry_run=options.dry_run)
    with fh:
        result.delimiter, records = read_records(fh, encoding, delimiter)
        header = next(records, None)
        if header is None:
            raise CsvFormatError(f"{path.name} is empty: no header line")
        if header.error:
            raise CsvFormatError(f"the header (line {header.line}) is unreadable: {header.error}")
        mapping: ColumnMapping = build_mapping(header.fields, overrides)
        result.columns = mapping.describe()
        importer = _Importer(db, result, options.dry_run)
        batch: list[_Pending] = []
        for record in records:
            result.read += 1
            customer = _parse(record, mapping)
            if isinstance(customer, str):
                result.add_problem(RowProblem(record.line, "rejected", customer, record.raw))
                continue
            batch.append(_Pending(record.line, record.raw, customer))
            if len(batch) >= options.batch_rows:
                importer.flush(batch)
                batch = []
        importer.flush(batch)
    return result


def _parse(record: Record, mapping: ColumnMapping) -> store.NewCustomer | str:
    if record.error:
        return record.error
    return parse_row(record.fields, mapping)


REPORT_COLUMNS = ("line", "kind", "reason", "record")


def write_report(result: ImportResult, out: TextIO) -> int:
    """The rejected and duplicate rows as CSV, in line order. Returns how many were written."""
    writer = csv.writer(out)
    writer.writerow(REPORT_COLUMNS)
    for p in sorted(result.problems, key=lambda p: p.line):
        writer.writerow((p.line, p.kind, p.reason, p.raw))
    return len(result.problems)
