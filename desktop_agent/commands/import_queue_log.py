"""`desktop-agent import queue-log FILE`: an Asterisk queue_log text file into the queue_log table.

The file is streamed line by line (a year of queue_log does not fit in memory), in batches of one
transaction each. A malformed line is reported with its number and reason and skipped; every good
line is imported. Lines may be UTF-8 or, where a line is not valid UTF-8, latin-1 (Asterisk writes
caller names as it gets them), with LF or CRLF endings.

Importing is idempotent: each event's uid is a hash of its content (core.queue_log.content_uid), and
the store keeps each uid once, so a file imported twice, or two files that overlap, store every
event once; the summary counts the events that were new (`imported`) and those already stored
(`already_present`). Identical lines within one file are distinct events (the second of them is
hashed with its occurrence number), so nothing Asterisk wrote twice on purpose is lost.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import connect, print_json, readable_file
from desktop_agent.core.queue_log import (
    MAX_FIELD,
    QueueLogParseError,
    QueueLogRecord,
    content_uid,
    parse_line,
)
from desktop_agent.store import queue_log

MAX_ERRORS_SHOWN = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the queue_log text file (epoch|callid|queue|agent|EVENT|data...)")
    p.add_argument("--report", metavar="FILE", help="write every skipped line (number, reason, text) to FILE")
    p.add_argument("--batch", type=int, default=5000, metavar="N", help="rows per transaction (default 5000)")
    p.add_argument("--from-line", type=int, default=1, metavar="N",
                   help="start at line N, to resume an import that stopped (default 1)")
    p.epilog = "Prints a JSON summary. Exit code 0 when every line was imported, 1 when some were skipped."


@dataclass
class ImportSummary:
    file: str
    from_line: int = 1
    lines: int = 0            # lines read (from --from-line on)
    imported: int = 0         # events stored by this import
    already_present: int = 0  # events the table already had (an earlier import of the same lines)
    malformed: int = 0
    blank: int = 0
    latin1_lines: int = 0     # lines that were not UTF-8 and were read as latin-1
    truncated: int = 0        # imported with a data field cut to the column's length
    first_time: str | None = None
    last_time: str | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)   # the first few; all in --report
    report: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _decode(raw: bytes, summary: ImportSummary) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        summary.latin1_lines += 1
        text = raw.decode("latin-1")
    return text.rstrip("\r\n")


def _check(text: str) -> str | None:
    """Reasons the database would refuse or silently change a line that parse_line accepts."""
    if "\x00" in text:
        return "contains a NUL byte"
    parts = text.split("|", 5)
    if len(parts) > 4 and len(parts[4].strip()) > MAX_FIELD["event"]:
        return f"event name is longer than {MAX_FIELD['event']} characters"
    return None


class _Importer:
    def __init__(self, engine: Engine, summary: ImportSummary, report: IO[str] | None, batch: int) -> None:
        self.engine, self.summary, self.report, self.batch_size = engine, summary, report, batch
        self.batch: list[tuple[int, QueueLogRecord]] = []

    def skip(self, number: int, reason: str, text: str) -> None:
        s = self.summary
        s.malformed += 1
        if len(s.errors) < MAX_ERRORS_SHOWN:
            s.errors.append({"line": number, "reason": reason})
        if self.report is not None:
            self.report.write(f"{number}\t{reason}\t{text}\n")

    def add(self, number: int, rec: QueueLogRecord) -> None:
        self.batch.append((number, rec))
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        try:
            self._done(batch, queue_log.append(self.engine, (rec for _, rec in batch)))
        except OperationalError as exc:
            self._stopped(batch[0][0], exc)
        except (DBAPIError, SQLAlchemyError):
            # one row the database refuses must not take its 4,999 neighbours with it: retry one by one
            for number, rec in batch:
                try:
                    self._done([(number, rec)], queue_log.append(self.engine, [rec]))
                except OperationalError as exc:
                    self._stopped(number, exc)
                except (DBAPIError, SQLAlchemyError) as exc:
                    self.skip(number, f"refused by the database: {_reason(exc)}", rec.to_line())

    def _done(self, batch: list[tuple[int, QueueLogRecord]], inserted: int) -> None:
        s = self.summary
        s.imported += inserted
        s.already_present += len(batch) - inserted
        for _, rec in batch:
            stamp = rec.time.isoformat()
            if s.first_time is None or stamp < s.first_time:
                s.first_time = stamp
            if s.last_time is None or stamp > s.last_time:
                s.last_time = stamp

    def _stopped(self, number: int, exc: BaseException) -> None:
        s = self.summary
        raise CommandError(
            f"the database stopped answering at line {number} ({_reason(exc)}); the "
            f"{s.imported + s.already_present} lines before it are stored: run again with --from-line {number} "
            f"to continue (lines already stored are skipped, so running the whole file again is safe too)")


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


def _longest_data_field(text: str) -> int:
    data = text.split("|")[5:]
    if len(data) > 5:  # parse_line keeps a sixth field and beyond joined into the fifth
        data = data[:4] + ["|".join(data[4:])]
    return max((len(d) for d in data), default=0)


def _numbered_lines(path: Path, from_line: int, occurrences: _Occurrences) -> Iterator[tuple[int, bytes]]:
    """The lines from from_line on. The lines just before it that have its time are counted in
    `occurrences` first, so a resumed import numbers identical lines as the first run did."""
    same_time: list[bytes] = []
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if number < from_line:
                if same_time and raw.split(b"|", 1)[0] != same_time[-1].split(b"|", 1)[0]:
                    same_time.clear()
                same_time.append(raw)
                continue
            if same_time:
                occurrences.count(same_time)
                same_time.clear()
            yield number, raw


class _Occurrences:
    """Tells identical lines apart: the n-th line with the same content as an earlier one (same time,
    to the second as Asterisk writes it) gets content_uid(rec, n). Only the current time's hashes are
    kept, so memory stays flat however long the file."""

    def __init__(self) -> None:
        self.time: object = None
        self.seen: dict[str, int] = {}

    def uid_of(self, rec: QueueLogRecord) -> QueueLogRecord:
        if rec.time != self.time:
            self.time, self.seen = rec.time, {}
        uid = rec.uid or content_uid(rec)
        n = self.seen.get(uid, 0)
        self.seen[uid] = n + 1
        return rec if n == 0 else replace(rec, uid=content_uid(rec, n))

    def count(self, lines: list[bytes]) -> None:
        """Lines before the import's first one: counted, not imported."""
        for raw in lines:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            try:
                self.uid_of(parse_line(text.removeprefix("\ufeff")))
            except QueueLogParseError:
                pass


def import_file(engine: Engine, path: Path, *, batch: int = 5000, from_line: int = 1,
                report: IO[str] | None = None) -> ImportSummary:
    summary = ImportSummary(file=str(path), from_line=from_line)
    importer = _Importer(engine, summary, report, batch)
    occurrences = _Occurrences()
    for number, raw in _numbered_lines(path, from_line, occurrences):
        summary.lines += 1
        text = _decode(raw, summary)
        if number == 1:
            text = text.removeprefix("\ufeff")
        if not text.strip():
            summary.blank += 1
            continue
        reason = _check(text)
        if reason is None:
            try:
                rec = parse_line(text)
            except QueueLogParseError as exc:
                reason = str(exc)
        if reason is not None:
            importer.skip(number, reason, text)
            continue
        if _longest_data_field(text) > MAX_FIELD["data"]:
            summary.truncated += 1
        importer.add(number, occurrences.uid_of(rec))
    importer.flush()
    return summary


def run(args: Any) -> int:
    path = readable_file(args.file)
    if args.batch < 1:
        raise CommandError("--batch must be at least 1")
    if args.from_line < 1:
        raise CommandError("--from-line must be at least 1")
    report_path = Path(args.report) if args.report else None
    if report_path is not None and report_path.resolve() == path.resolve():
        raise CommandError("--report must not be the file being imported")
    db = connect(args)
    try:
        report = report_path.open("w", encoding="utf-8") if report_path else None
    except OSError as exc:
        raise CommandError(f"cannot write the report {args.report}: {exc.strerror}") from exc
    try:
        summary = import_file(db.engine, path, batch=args.batch, from_line=args.from_line, report=report)
    finally:
        if report is not None:
            report.close()
        db.dispose()
    summary.report = str(report_path) if report_path else None
    print_json(summary.to_json())
    return 0 if summary.malformed == 0 else 1
