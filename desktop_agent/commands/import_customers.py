"""`desktop-agent import customers FILE.csv`: prints a JSON summary; --report writes the refused rows.

Exit 0 when every row was imported or was a duplicate, 1 when some rows were rejected (the
summary and the report say which), 2 with a one-line reason when the file or database is unusable.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import connect, readable_file
from desktop_agent.commands.lookup import write_utf8_json
from desktop_agent.crm.csv_import import (
    ImportInterrupted,
    ImportOptions,
    ImportResult,
    import_customers,
    write_report,
)
from desktop_agent.crm.csv_mapping import FIELDS
from desktop_agent.crm.csv_reading import ENCODINGS, CsvFormatError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.csv", help="the CSV file; the first line names the columns")
    parser.add_argument("--encoding", choices=ENCODINGS, default="auto",
                        help="auto (default): UTF-8 with or without BOM, else cp1251")
    parser.add_argument("--delimiter", default="auto", metavar="auto|,|;|\\t",
                        help="column separator (default: guessed from the header line)")
    parser.add_argument("--map", action="extend", nargs="+", default=[], metavar="CSVCOLUMN=field",
                        help=f"map columns to fields ({', '.join(FIELDS)}) or to 'ignore'; "
                             "the rest are guessed from common Russian and English headers")
    parser.add_argument("--report", metavar="rejected.csv",
                        help="write the rejected and duplicate rows (line, kind, reason, record) as CSV")
    parser.add_argument("--dry-run", action="store_true", help="check everything, write nothing")


def run(args: Any) -> int:
    try:
        path = readable_file(args.file)
    except OSError as exc:  # a directory on the way we may not search
        raise CommandError(f"cannot read {args.file}: {exc.strerror}") from exc
    report = _open_report(args.report) if args.report else None
    try:
        result = _import(args, path)
        if report is not None:
            write_report(result, report)
    except BaseException:
        if report is not None:  # no half-written or empty report left behind a failed import
            report.close()
            Path(args.report).unlink(missing_ok=True)
        raise
    if report is not None:
        report.close()
    summary = result.summary()
    if args.report:
        summary["report"] = args.report
    write_utf8_json(summary)
    return 1 if result.rejected else 0


def _open_report(name: str) -> TextIO:
    # opened before importing: an unwritable report must not be found out after the import
    try:
        return open(name, "w", encoding="utf-8-sig", newline="")  # Excel needs the BOM for Cyrillic
    except OSError as exc:
        raise CommandError(f"cannot write the report {name}: {exc.strerror}") from exc


def _import(args: Any, path: Path) -> ImportResult:
    db = connect(args)
    try:
        return import_customers(db, path, ImportOptions(
            encoding=args.encoding, delimiter=args.delimiter, mapping=args.map, dry_run=args.dry_run))
    except CsvFormatError as exc:
        raise CommandError(f"{path.name}: {exc}") from exc
    except ImportInterrupted as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror}") from exc
    finally:
        db.dispose()
