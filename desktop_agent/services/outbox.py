"""Every write of the desk, through a durable local journal, applied to the central database in order.

`submit(kind, arguments)` writes the entry to a SQLite file in the profile (WAL, synchronous FULL:
it survives `kill -9` and a power cut) before it returns; a worker thread applies entries one by
one, in the order they were made, with the store function registered for their kind, and deletes
each once it is stored. The arguments carry the times things happened, so a replayed row keeps its
real time.

- The database answers: an entry is applied at once and `on_applied` gets the store's result.
- The link to the database fails (`is_transient`): the outbox is offline; `on_queued` tells the
  desk the entry is safe on disk (the operator goes on working), and the worker tries again, with
  a growing pause, until the database answers; then everything waiting is applied in order.
- The store refuses an entry (a rule, a constraint): `on_error` gets the reason and the entry is
  kept as failed in the journal; the entries after it go on (one bad write never blocks the rest).

Exactly once: a desk killed in the middle of a replay finds the entries it had not deleted at its
next start and applies them again; every kind's store function is idempotent (rows carry the ids
the desk drew, queue_log rows their uid, updates are absolute), so an entry applied twice writes
nothing twice.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from desktop_agent.services import codec

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]
Applier = Callable[..., Any]
StatusListener = Callable[["OutboxStatus"], None]

RETRY_FIRST_S = 0.5
RETRY_MAX_S = 5.0
BATCH_MAX = 200  # entries replayed in one database transaction (with `batch`)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    made_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT
)
"""


@dataclass(frozen=True)
class OutboxStatus:
    pending: int                    # entries not yet in the central database
    offline_since: datetime | None  # when the database stopped answering; None while it answers
    failed: int = 0                 # entries the database refused (kept in the journal)
    last_error: str = ""            # the last refusal's one line


@dataclass
class _Entry:
    seq: int
    kind: str
    arguments: dict[str, Any]
    on_applied: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_queued: Callable[[], None] | None = None
    queued_told: bool = False
    attempts: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class Outbox:
    def __init__(self, path: Path | str, appliers: Mapping[str, Applier], post: Post, *,
                 is_transient: Callable[[BaseException], bool], clock: Callable[[], datetime] | None = None,
                 batch: Callable[[], AbstractContextManager[Any]] | None = None, synchronous: str = "FULL") -> None:
        self.path = Path(path)
        self.appliers = dict(appliers)
        self._post = post
        self._is_transient = is_transient
        # With `batch` (the store's Database.batch), a backlog is replayed up to BATCH_MAX entries to a
        # transaction; a refusal inside one sends those entries through one at a time to find it.
        self._batch = batch
        self._single_until = 0
        self._clock = clock or (lambda: datetime.now(UTC))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(f"PRAGMA synchronous={synchronous}")
        self._db.execute(_SCHEMA)
        self._lock = threading.Lock()           # the journal connection and the queue
        self._wake = threading.Condition(self._lock)
        self._queue: deque[_Entry] = deque()
        self._failed = self._db.execute("SELECT count(*) FROM entries WHERE state='failed'").fetchone()[0]
        self._last_error = ""
        self._offline_since: datetime | None = None
        self._listeners: list[StatusListener] = []
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._busy = False
        for seq, kind, payload in list(self._db.execute(
                "SELECT seq, kind, payload FROM entries WHERE state='pending' ORDER BY seq")):
            entry = self._revive(seq, kind, payload)
            if entry is not None:
                self._queue.append(entry)

    # ---- what the desk calls ---------------------------------------------------------------
    def submit(self, kind: str, arguments: Mapping[str, Any], *, on_applied: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_queued: Callable[[], None] | None = None) -> int:
        """Journal the write (on disk when this returns) and queue it; returns its sequence number."""
        if kind not in self.appliers:
            raise KeyError(f"no store function for {kind!r}")
        payload = codec.dumps(dict(arguments))
        with self._lock:
            seq = self._db.execute("INSERT INTO entries(kind, payload, made_at) VALUES (?, ?, ?)",
                                   (kind, payload, self._clock().isoformat())).lastrowid
            entry = _Entry(seq, kind, dict(arguments), on_applied, on_error, on_queued)
            if self._offline_since is not None and on_queued is not None:
                entry.queued_told = True
                self._post(on_queued)
            self._queue.append(entry)
            self._wake.notify()
        self._status_changed()
        return seq

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def status(self) -> OutboxStatus:
        with self._lock:
            return OutboxStatus(len(self._queue), self._offline_since, self._failed, self._last_error)

    def on_status(self, listener: StatusListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def failed_entries(self) -> list[tuple[int, str, str]]:
        """(seq, kind, error) of the entries the database refused, oldest first."""
        with self._lock:
            return list(self._db.execute("SELECT seq, kind, coalesce(error, '') FROM entries "
                                         "WHERE state='failed' ORDER BY seq"))

    # ---- life ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="da-outbox", daemon=True)
            self._thread.start()

    def stop(self, *, drain_s: float = 0.0) -> None:
        """Stop the worker, after trying up to `drain_s` seconds to empty the queue. What is left
        stays in the journal for the next start."""
        if drain_s > 0:
            self.wait_empty(drain_s)
        with self._lock:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        with self._lock:
            self._db.close()

    def flush(self, timeout: float = 30.0) -> bool:
        return self.wait_empty(timeout)

    def wait_empty(self, timeout: float) -> bool:
        """Block until every entry is applied (or refused); False when `timeout` passed first."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._queue or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._wake.wait(min(remaining, 0.2))
        return True

    # ---- the worker ------------------------------------------------------------------------
    def _run(self) -> None:
        pause = RETRY_FIRST_S
        while True:
            with self._lock:
                while not self._queue and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                size = BATCH_MAX if self._batch is not None and self._queue[0].seq > self._single_until else 1
                batch = list(itertools.islice(self._queue, size))
                self._busy = True
            try:
                if len(batch) == 1:
                    results = [self.appliers[batch[0].kind](**batch[0].arguments)]
                else:
                    with self._batch():
                        results = [self.appliers[e.kind](**e.arguments) for e in batch]
            except Exception as exc:  # noqa: BLE001 - sorted below: the link, or the write itself
                if self._is_transient(exc):
                    self._went_offline(batch[0], exc)
                    with self._lock:
                        self._busy = False
                        self._wake.notify_all()
                        if not self._stopping:
                            self._wake.wait(pause)
                    pause = min(RETRY_MAX_S, pause * 2)
                    continue
                if len(batch) == 1:
                    self._refused(batch[0], exc)
                else:  # which one? nothing of the batch was stored: one at a time up to its end
                    with self._lock:
                        self._single_until = batch[-1].seq
                        self._busy = False
            else:
                self._applied(batch, results)
            pause = RETRY_FIRST_S

    def _applied(self, batch: list[_Entry], results: list[Any]) -> None:
        with self._lock:
            self._db.executemany("DELETE FROM entries WHERE seq=?", [(e.seq,) for e in batch])
            for _ in batch:
                self._queue.popleft()
            self._busy = False
            back = self._offline_since is not None
            self._offline_since = None
            self._wake.notify_all()
        if back:
            log.info("the database answers again; %d changes waiting", self.pending)
        for entry, result in zip(batch, results, strict=True):
            if entry.on_applied is not None:
                self._post(lambda entry=entry, result=result: entry.on_applied(result))
        self._status_changed()

    def _refused(self, entry: _Entry, exc: BaseException) -> None:
        text = (str(exc).splitlines() or [type(exc).__name__])[0][:500]
        log.warning("the database refused a %s write (entry %d): %s", entry.kind, entry.seq, text)
        with self._lock:
            self._db.execute("UPDATE entries SET state='failed', attempts=attempts+1, error=? WHERE seq=?",
                             (text, entry.seq))
            self._queue.popleft()
            self._failed += 1
            self._last_error = text
            self._busy = False
            self._offline_since = None
            self._wake.notify_all()
        if entry.on_error is not None:
            self._post(lambda: entry.on_error(exc))
        self._status_changed()

    def _went_offline(self, entry: _Entry, exc: BaseException) -> None:
        told: list[Callable[[], None]] = []
        with self._lock:
            entry.attempts += 1
            first = self._offline_since is None
            if first:
                self._offline_since = self._clock()
            for waiting in self._queue:  # everything queued now waits for the database
                if not waiting.queued_told and waiting.on_queued is not None:
                    waiting.queued_told = True
                    told.append(waiting.on_queued)
        if first:
            log.warning("the database does not answer (%s); changes wait in the outbox",
                        (str(exc).splitlines() or [type(exc).__name__])[0][:200])
            self._status_changed()
        for callback in told:
            self._post(callback)

    def _revive(self, seq: int, kind: str, payload: str) -> _Entry | None:
        """An entry a previous run left: applied again, nobody waits for its result. One that cannot
        be read back (a damaged file, a kind this version no longer has) is kept as failed."""
        try:
            arguments = codec.loads(payload)
            if kind not in self.appliers:
                raise codec.CodecError(f"no store function for {kind!r} in this version")
        except codec.CodecError as exc:
            log.error("outbox entry %d cannot be replayed: %s", seq, exc)
            self._db.execute("UPDATE entries SET state='failed', error=? WHERE seq=?", (str(exc)[:500], seq))
            self._failed += 1
            return None
        return _Entry(seq, kind, arguments)

    def _status_changed(self) -> None:
        if not self._listeners:
            return
        status = self.status()
        for listener in tuple(self._listeners):
            self._post(lambda listener=listener: listener(status))


def desk_appliers(interactions: Any, write_queue_log: Callable[[Any], Any], *, tickets: Any = None,
                  checklists: Any = None) -> dict[str, Applier]:
    """The store function behind each kind of write the desk makes (all of them idempotent)."""
    appliers: dict[str, Applier] = {
        "interaction.ring": interactions.ring,
        "interaction.answered": interactions.answered,
        "interaction.hold": interactions.set_hold,
        "interaction.ended": interactions.ended,
        "interaction.customer": interactions.set_customer,
        "interaction.wrap_up": interactions.wrap_up,
        "queue_log.append": lambda records: write_queue_log(list(records)),
    }
    if tickets is not None:
        appliers["ticket.create"] = lambda draft, agent_id: tickets.create(draft, agent_id=agent_id)
    if checklists is not None:
        appliers["checklist.save_run"] = checklists.save_run
    return appliers


class Writes(Protocol):
    """Where the desk's writes go: an Outbox, or DirectWrites."""

    def submit(self, kind: str, arguments: Mapping[str, Any], *, on_applied: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_queued: Callable[[], None] | None = None) -> int: ...

    @property
    def pending(self) -> int: ...

    def start(self) -> None: ...

    def stop(self, *, drain_s: float = 0.0) -> None: ...

    def flush(self, timeout: float = 30.0) -> bool:
        """Block until every write submitted so far is stored (or refused); False on timeout."""


class DirectWrites:
    """The same interface without a journal: each write goes straight to the database worker (the
    embedded SQLite file, where the database is the desk's own disk)."""

    def __init__(self, appliers: Mapping[str, Applier], runner: Any) -> None:
        self.appliers = dict(appliers)
        self.runner = runner

    def submit(self, kind: str, arguments: Mapping[str, Any], *, on_applied: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_queued: Callable[[], None] | None = None) -> int:
        self.runner.submit(self.appliers[kind], on_result=on_applied, on_error=on_error, **dict(arguments))
        return 0

    def start(self) -> None:
        pass  # the runner is the database worker, started and stopped by its owner

    def flush(self, timeout: float = 30.0) -> bool:
        self.runner.flush(timeout)
        return True

    def stop(self, *, drain_s: float = 0.0) -> None:
        pass

    @property
    def pending(self) -> int:
        return 0
