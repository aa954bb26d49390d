"""Unsaved ticket work on disk, so that `kill -9` or a power cut loses none of it. No Qt.

What is kept: the ticket editor's current work and every unsaved ticket the desk holds (the kept
drafts, `CallDesk.kept`, and a live call's work), each with its call's id, the call's customer, the
caller's number as it came, the call's interaction row and when it was last changed. At the next
start `DraftKeeper.restore()` puts them back into the desk's kept drafts, so the editor's empty page
lists them; reopened and saved, a draft is linked to its own call's interaction row.

Where: one small JSON document per database and agent in the profile's data directory
(`drafts/<key>.json`), replaced as a whole: written to a temporary file, fsync'ed, renamed over the
old one (atomic on POSIX and Windows), and the folder fsync'ed, so a reader finds the old document
or the new one, never a half of either. Why not SQLite: the whole state is a few tickets' text (a
description is at most 20,000 characters), always read and written as one snapshot; a file replaced
at once needs no schema, no migration and no WAL beside it, and the start reads it with `json` alone.

When: the editor reports its work on every change (`editor_work`, a reference kept, nothing more);
on the desk's tick (twice a second) a snapshot that changed is handed to a writer thread of its own
(never the database worker, which may wait for a lost server), and a newer snapshot replaces one
still waiting. A key reaches the disk about half a second after it was typed, an fsync later. When
nothing is unsaved any more (saved, discarded), the file goes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from desktop_agent import paths
from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import CustomerDTO
from desktop_agent.services import codec
from desktop_agent.services import events as ev
from desktop_agent.services.call_record import KeptDraft, TicketWork

log = logging.getLogger(__name__)

FOLDER = "drafts"
FORMAT = 1
RETRY_S = 1.0  # a write the disk refused (full, gone) is tried again after this


def profile_file(folder: str, where: str, login: str) -> Path:
    """A file of this agent's on this database, in the profile: a desk pointed at another database
    (or another agent at this desktop) never sees it."""
    key = hashlib.sha256(f"{where}|{login}".encode()).hexdigest()[:20]
    return paths.data_dir() / folder / f"{key}.json"


def drafts_path(where: str, login: str) -> Path:
    return profile_file(FOLDER, where, login)


# ---- one document, replaced atomically --------------------------------------------------------


def replace_durably(path: Path, data: bytes) -> None:
    """`path` holds `data`, or (should the machine stop meanwhile) what it held before."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    with open(temporary, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)
    _sync_folder(folder)


def remove_durably(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """The rename itself on disk (POSIX; Windows cannot open a folder, and NTFS journals renames)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_NOTHING = object()


class DurableFile:
    """One document on disk, written by a thread of its own: `put` returns at once (a newer document
    replaces one still waiting), `flush` waits until the newest is on disk. `on_written(n, t)` says
    that the n-th document put was on disk at time.monotonic() t."""

    def __init__(self, path: Path, *, on_written: Callable[[int, float], None] | None = None) -> None:
        self.path = Path(path)
        self.on_written = on_written
        self.failures = 0
        self._cond = threading.Condition()
        self._next: object = _NOTHING  # bytes to write, None to remove the file
        self._asked = 0                # documents put so far
        self._done = 0                 # the newest of them written (or given up at close)
        self._thread: threading.Thread | None = None
        self._closing = False

    def put(self, data: bytes | None) -> int:
        """Write `data` (None: remove the file) soon; returns its number."""
        with self._cond:
            self._asked += 1
            self._next = data
            self._closing = False
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="da-durable-file", daemon=True)
                self._thread.start()
            self._cond.notify_all()
            return self._asked

    def flush(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            target = self._asked
            while self._done < target:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self, timeout: float = 10.0) -> bool:
        """Wait for the newest document, then let the thread go."""
        done = self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        return done

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._next is _NOTHING:
                    if self._closing:
                        self._thread = None
                        return
                    self._cond.wait()
                data, self._next, number = self._next, _NOTHING, self._asked
            try:
                if data is None:
                    remove_durably(self.path)
                else:
                    replace_durably(self.path, data)  # type: ignore[arg-type]
            except OSError as exc:
                self.failures += 1
                log.warning("could not write %s: %s", self.path, exc)
                with self._cond:
                    if self._next is _NOTHING:
                        self._next = data  # nothing newer came: try this one again
                    if not self._closing:
                        self._cond.wait(RETRY_S)
                        continue
                    self._done = self._asked  # closing: given up, flush() must not hang
                    self._cond.notify_all()
                    self._thread = None
                    return
            with self._cond:
                self._done = max(self._done, number)
                self._cond.notify_all()
            if self.on_written is not None:
                self.on_written(number, time.monotonic())


# ---- the drafts' document ---------------------------------------------------------------------


def _entry(draft: KeptDraft) -> dict[str, Any]:
    work = draft.work
    return {"key": draft.key, "call_id": None if draft.key.startswith("idle-") else draft.key,
            "kept_at": draft.kept_at, "caller_id_raw": draft.caller_id_raw, "interaction_id": draft.interaction_id,
            "customer": draft.customer, "values": dict(work.values), "base": dict(work.base),
            "ticket_id": work.ticket_id, "number": work.number, "version": work.version, "at": work.at}


def _draft(entry: dict[str, Any]) -> KeptDraft | None:
    try:
        work = TicketWork(values=dict(entry["values"]), base=dict(entry["base"]), ticket_id=entry.get("ticket_id"),
                          number=entry.get("number"), version=entry.get("version"), at=entry.get("at"))
        customer = entry.get("customer")
        return KeptDraft(str(entry["key"]), work, customer if isinstance(customer, CustomerDTO) else None,
                         str(entry.get("caller_id_raw") or ""), entry.get("kept_at") or work.at or utcnow(),
                         interaction_id=entry.get("interaction_id"))
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("a stored draft could not be read: %s", exc)
        return None


def document(drafts: list[KeptDraft], *, stopped: bool = False) -> bytes:
    """`stopped`: written by a clean stop (else the desk was running, and may have crashed)."""
    return codec.dumps({"format": FORMAT, "stopped": stopped, "drafts": [_entry(d) for d in drafts]}).encode()


def read_drafts(path: Path) -> list[KeptDraft]:
    """What the file holds (nothing when there is no file). A damaged file is set aside, not lost."""
    return _read(path)[0]


def _read(path: Path) -> tuple[list[KeptDraft], bool]:
    """The drafts, and whether a clean stop wrote them."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], True
    except OSError as exc:
        log.warning("could not read the stored drafts %s: %s", path, exc)
        return [], True
    try:
        stored = codec.loads(text)
        if int(stored.get("format", 0)) > FORMAT:
            log.warning("%s was written by a newer version: left as it is", path)
            return [], True
        entries = list(stored["drafts"])
    except (codec.CodecError, KeyError, TypeError, ValueError) as exc:
        aside = path.with_name(f"{path.name}.damaged-{time.time_ns():x}")
        log.warning("the stored drafts %s are damaged (%s): kept as %s", path, exc, aside.name)
        try:
            os.replace(path, aside)
        except OSError:
            pass
        return [], False
    drafts = [d for d in (_draft(e) for e in entries if isinstance(e, dict)) if d is not None]
    return drafts, bool(stored.get("stopped"))


def _same_work(a: TicketWork, b: TicketWork) -> bool:
    return a.ticket_id == b.ticket_id and dict(a.values) == dict(b.values) and dict(a.base) == dict(b.base)


class DraftKeeper:
    """Keeps the desk's unsaved ticket work (and the editor's) in a file; `restore` brings it back."""

    def __init__(self, desk: Any, path: Path, *, clock: Callable[[], datetime] = utcnow,
                 file: DurableFile | None = None) -> None:
        self.desk = desk
        self.clock = clock
        self.file = file or DurableFile(path)
        self._editor: tuple[str | None, TicketWork | None, CustomerDTO | None] = (None, None, None)
        self._idle_key: str | None = None
        self._seen: tuple[Any, ...] | None = None  # what the last snapshot was made of (compared by identity)
        self._data: bytes | None = None            # the last document handed to the file
        self.after_crash = False                   # restore() found drafts a crashed run left
        self._unsubscribe = desk.subscribe(self._on_desk)

    @property
    def path(self) -> Path:
        return self.file.path

    def restore(self) -> list[KeptDraft]:
        """The stored drafts the desk lacks, put into its kept drafts; returns them, newest first."""
        restored = []
        drafts, stopped = _read(self.path)
        self.after_crash = bool(drafts) and not stopped
        for draft in drafts:
            if draft.key in self.desk.kept or self.desk.record(draft.key) is not None:
                continue
            self.desk.kept[draft.key] = draft
            restored.append(draft)
        return sorted(restored, key=lambda d: d.kept_at, reverse=True)

    def editor_work(self, key: str | None, work: TicketWork | None, customer: CustomerDTO | None = None) -> None:
        """What the ticket editor holds now: the call (or kept draft) it belongs to, its work, the
        customer on its form. Called on every change: it only keeps the references."""
        if work is not None and not work.unsaved:
            work = None
        if key is not None or work is None:
            self._idle_key = None
        elif self._idle_key is None:  # work that belongs to no call keeps one key while it is open
            self._idle_key = f"idle-{uuid4().hex[:12]}"
        self._editor = (key, work, customer)

    def _on_desk(self, event: ev.DeskEvent) -> None:
        if isinstance(event, ev.Ticked):
            self.save()

    def _parts(self) -> tuple[Any, ...]:
        desk = self.desk
        live = tuple(x for r in (desk.current, desk.waiting) if r is not None for x in (r.ticket, r.customer))
        return (*self._editor, *desk.kept.values(), *live)

    def save(self, *, stopped: bool = False) -> bool:
        """Hand a snapshot to the writer if anything changed since the last one: cheap when not."""
        parts = self._parts()
        seen = self._seen
        if not stopped and seen is not None and len(seen) == len(parts) and \
                all(a is b for a, b in zip(seen, parts, strict=True)):
            return False
        self._seen = parts
        drafts = self.snapshot()
        data = document(drafts, stopped=stopped) if drafts else None
        if data == self._data and (data is not None or not self.path.exists()):
            return False  # the same drafts as written last
        self._data = data
        self.file.put(data)
        return True

    def snapshot(self) -> list[KeptDraft]:
        """Every unsaved ticket: the kept drafts, the live calls' work, and the editor's newest."""
        desk = self.desk
        drafts: dict[str, KeptDraft] = dict(desk.kept)
        for record in (desk.current, desk.waiting):
            if record is not None and record.unsaved_ticket:
                drafts[record.call_id] = KeptDraft(
                    record.call_id, record.ticket, record.customer, record.session.caller_id_raw,
                    record.ticket.at or self.clock(), interaction_id=record.interaction_uuid)
        key, work, customer = self._editor
        if work is not None:
            key = key or self._idle_key or "idle-editor"
            if key in drafts:
                drafts[key] = replace(drafts[key], work=work)  # the editor has the newest keystrokes
            elif not any(_same_work(d.work, work) for d in drafts.values()):  # not kept under another key
                drafts[key] = KeptDraft(key, work, customer, "", work.at or self.clock())
        return sorted(drafts.values(), key=lambda d: d.kept_at)

    def flush(self, timeout: float = 10.0) -> bool:
        """The newest snapshot on disk (for shutdown paths and tests)."""
        self.save()
        return self.file.flush(timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """A clean stop: the last snapshot written. What is still unsaved stays for the next start."""
        self.save(stopped=True)
        self._unsubscribe()
        return self.file.close(timeout)
