"""Reading a customer CSV that may be broken: encoding and delimiter detection, one record at a time.

Customer files come from Excel (cp1251 with ';' on Russian Windows, UTF-8 with a BOM elsewhere)
and from other CRMs. A broken record (bad quoting, a field over the csv limit, bytes that are
not in the encoding) becomes a Record with an error and the line it started on; reading goes on.
When a broken record swallowed several lines (an unclosed quote), only its first line is given
up: the lines after it are read again, so one stray quote cannot eat the rest of the file.
"""

from __future__ import annotations

import codecs
import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ENCODINGS = ("auto", "utf-8", "cp1251")
DELIMITERS = {",": ",", ";": ";", "\t": "\t", "\\t": "\t", "tab": "\t"}
RAW_PREVIEW = 200  # characters of a broken record kept for the report


class CsvFormatError(ValueError):
    """The file as a whole cannot be imported; the message is one line."""


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # 1-based line the record starts on
    fields: tuple[str, ...] = ()
    error: str | None = None
    raw: str = ""  # the record's text, cut to RAW_PREVIEW, for the report


def detect_encoding(path: Path) -> str:
    """utf-8 or cp1251, by a vote of the lines that are not plain ASCII.

    Russian cp1251 text practically never decodes as UTF-8, so a cp1251 file fails on nearly every
    such line; a UTF-8 file with one damaged line is still UTF-8 (and that line gets rejected).
    """
    utf8_lines = failed_lines = 0
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise CsvFormatError("UTF-16 files are not supported: save the file as CSV UTF-8 or cp1251")
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8"
        fh.seek(0)
        for line in fh:
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                utf8_lines += 1
            except UnicodeDecodeError:
                failed_lines += 1
    return "utf-8" if utf8_lines >= failed_lines else "cp1251"


def detect_delimiter(header_line: str) -> str:
    """The candidate that splits the header line most often, outside quotes; ',' on a tie."""
    counts = {d: 0 for d in (",", ";", "\t")}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts.values())
    if best == 0:
        return ","
    return next(d for d in (",", ";", "\t") if counts[d] == best)


def parse_delimiter(value: str) -> str | None:
    """'auto' -> None; ',', ';', '\\t' (or 'tab', or a real tab) -> the character."""
    if value == "auto":
        return None
    try:
        return DELIMITERS[value]
    except KeyError:
        raise CsvFormatError(f"unsupported delimiter {value!r}: use auto, ',', ';' or '\\t'") from None


class _Lines:
    """Decoded lines for csv.reader, remembering which lines the current record used."""

    def __init__(self, fh: BinaryIO, encoding: str) -> None:
        self._fh = fh
        self._encoding = encoding
        self._number = 0
        self._pending: deque[tuple[int, str, bool]] = deque()
        self.used: list[tuple[int, str, bool]] = []  # (line number, text, decoded cleanly)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pending:
            item = self._pending.popleft()
        else:
            data = self._fh.readline()
            if not data:
                raise StopIteration
            self._number += 1
            if self._number == 1 and data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8):]
            try:
                item = (self._number, data.decode(self._encoding), True)
            except UnicodeDecodeError:
                item = (self._number, data.decode(self._encoding, errors="replace"), False)
        self.used.append(item)
        return item[1]

    def start_record(self) -> None:
        self.used = []

    def read_again(self, lines: list[tuple[int, str, bool]]) -> None:
        self._pending.extendleft(reversed(lines))


def _preview(text: str) -> str:
    text = text.rstrip("\r\n")
    return text if len(text) <= RAW_PREVIEW else text[:RAW_PREVIEW] + "…"


def read_records(fh: BinaryIO, encoding: str, delimiter: str | None) -> tuple[str, Iterator[Record]]:
    """(the delimiter used, the records). The first record is the header. Blank lines are skipped."""
    lines = _Lines(fh, encoding)
    if delimiter is None:
        first = next(lines, "")
        delimiter = detect_delimiter(first)
        lines.read_again(lines.used)
        lines.start_record()
    return delimiter, _records(lines, delimiter, encoding)


def _records(lines: _Lines, delimiter: str, encoding: str) -> Iterator[Record]:
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', strict=True)
    while True:
        lines.start_record()
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            used = list(lines.used)
            if not used:
                return
            if len(used) > 1:
                lines.read_again(used[1:])
            yield Record(line=used[0][0], error=f"broken CSV: {exc}", raw=_preview(used[0][1]))
            continue
        used = lines.used
        if not used:
            return
        raw = _preview("".join(text for _, text, _ in used))
        bad = [number for number, _, clean in used if not clean]
        if bad:
            yield Record(line=used[0][0], error=f"line {bad[0]} is not valid {encoding}", raw=raw)
        elif not any(f.strip() for f in fields):
            continue
        elif any("\x00" in f for f in fields):
            yield Record(line=used[0][0], error="NUL byte in the row", raw=raw.replace("\x00", "\\0"))
        else:
            yield Record(line=used[0][0], fields=tuple(fields), raw=raw)
