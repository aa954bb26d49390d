"""Change notification between desktops: the change_log table, NOTIFY on PostgreSQL, polling on SQLite.

Every write that other desktops should see calls :func:`record_change` inside its transaction.
Subscribers never trust the notification itself: it only says "look", and the feed reads
change_log after the last id it has seen. That is what makes a lost connection harmless: after a
reconnect, the same read catches up on everything committed meanwhile.

Ids must become visible in id order, or a reader that has seen 11 would skip a 10 that commits
later. PostgreSQL hands out sequence values at insert time, not commit time, so
record_change takes a transaction-scoped advisory lock first: change_log inserts then commit one
after another, in id order. Call it as the LAST statement of a transaction, so the lock is held
only for the commit. (SQLite has a single writer, so its ids are in commit order anyway.)
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop_agent.core.domain import utcnow
from desktop_agent.core.ports import ChangeEvent, ChangeHandler, FeedStatus, StatusHandler
from desktop_agent.store.database import Database
from desktop_agent.store.models import ChangeLog

log = logging.getLogger(__name__)

CHANNEL = "desktop_agent_changes"
_ORDER_LOCK = 0x6461_6368  # pg_advisory_xact_lock key: "dach"


def _outage_errors(db: Database) -> tuple[type[BaseException], ...]:
    """What a lost database raises. psycopg is imported for PostgreSQL only: on the embedded
    SQLite file it would cost a tenth of a second of start-up for nothing."""
    if db.is_sqlite:
        return (DBAPIError, OSError)
    import psycopg

    return (psycopg.Error, DBAPIError, OSError)


def record_change(session: Session, entity: str, entity_id: object, origin: str) -> int:
    """Append a change_log row (and NOTIFY, delivered at commit) in the caller's transaction."""
    postgres = session.get_bind().dialect.name == "postgresql"
    # Per transaction: the order lock is taken once and held to its end, one NOTIFY wakes every
    # listener (which then reads all rows after the last id it saw), and an entity changed several
    # times (a replayed call: ring, answer, end, wrap-up) gets one row: listeners reload it whole.
    transaction = session.get_transaction()
    state = session.info.get(_IN_ORDER)
    if state is None or state[0] is not transaction:
        state = (transaction, {})
        session.info[_IN_ORDER] = state
    key = (entity[:32], str(entity_id)[:64])
    if key in state[1]:
        return state[1][key]
    first = not state[1]
    if postgres and first:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ORDER_LOCK})
    change_id = int(session.execute(
        insert(ChangeLog)
        .values(at=utcnow(), entity=key[0], entity_id=key[1], origin=(origin or "")[:64])
        .returning(ChangeLog.id)
    ).scalar_one())
    if postgres and first:
        session.execute(select(func.pg_notify(CHANNEL, str(change_id))))
    state[1][key] = change_id
    return change_id


_IN_ORDER = "desktop_agent.change_log"  # session.info: (the transaction, its change rows by entity)


def last_change_id(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(ChangeLog.id), 0))).scalar_one())


def _one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return f"{type(orig).__name__}: {lines[0] if lines else ''}".strip()


def _conninfo(db: Database) -> str:
    """psycopg's own connection string for the engine's URL (password included, from the keyring)."""
    import psycopg

    url = db.engine.url
    args: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
    args.update({k: v for k, v in url.query.items() if isinstance(v, str)})
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in args.items()})


class DatabaseChangeFeed:
    """The ChangeFeed (core.ports) over a Database: LISTEN on PostgreSQL, polling on SQLite.

    It runs in a thread of its own (`start()` / `stop()`), and handlers run on that thread.
    Without `since_id` it starts at the newest change of its first read, then reports connected.
    Handlers get only changes whose origin is not this desktop's.
    """

    def __init__(self, db: Database, origin: str, *, since_id: int | None = None, poll_interval: float = 0.5,
                 listen_timeout: float = 0.5, keepalive: float = 5.0, retry_max: float = 2.0,
                 batch: int = 1000) -> None:
        self.db, self.origin = db, origin
        self.poll_interval, self.listen_timeout, self.keepalive = poll_interval, listen_timeout, keepalive
        self.retry_max, self.batch = retry_max, batch
        self._last_id = since_id
        self._handlers: list[ChangeHandler] = []
        self._status_handlers: list[StatusHandler] = []
        self._status: FeedStatus | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # the last rows read, to notice a change_log that went back in time (see _find_rewind)
        self._recent: deque[tuple[int, str, str, str]] = deque(maxlen=256)
        self._verify = False

    # -- subscribers --------------------------------------------------------------------------

    def subscribe(self, handler: ChangeHandler) -> Callable[[], None]:
        return self._add(self._handlers, handler)

    def on_status(self, handler: StatusHandler) -> Callable[[], None]:
        return self._add(self._status_handlers, handler)

    def _add(self, handlers: list, handler: Callable) -> Callable[[], None]:
        with self._lock:
            handlers.append(handler)

        def remove() -> None:
            with self._lock:
                if handler in handlers:
                    handlers.remove(handler)

        return remove

    def _call(self, handlers: list, value: object) -> None:
        with self._lock:
            current = list(handlers)
        for handler in current:
            try:
                handler(value)
            except Exception:  # a broken subscriber must not stop the feed for the others
                log.exception("change feed handler %r failed", handler)

    @property
    def status(self) -> FeedStatus | None:
        return self._status

    @property
    def last_id(self) -> int | None:
        return self._last_id

    def _set_status(self, connected: bool, detail: str = "") -> None:
        if self._status is not None and self._status.connected == connected:
            return
        self._status = FeedStatus(connected, detail)
        if connected:
            log.info("change feed connected")
        else:
            log.warning("change feed lost the database: %s", detail)
        self._call(self._status_handlers, self._status)

    # -- reading change_log -------------------------------------------------------------------

    def _fetch(self) -> list[ChangeEvent]:
        """All rows after the last id (blocking). Raises on an outage."""
        if self._last_id is None:
            self._last_id = last_change_id(self.db)
            return []
        rows: list[ChangeEvent] = []
        with self.db.engine.connect() as conn:
            if self._verify:
                self._find_rewind(conn)
                self._verify = False
            after = self._last_id
            while True:
                chunk = conn.execute(
                    select(ChangeLog.id, ChangeLog.entity, ChangeLog.entity_id, ChangeLog.origin)
                    .where(ChangeLog.id > after).order_by(ChangeLog.id).limit(self.batch)
                ).all()
                rows.extend(ChangeEvent(r.entity, r.entity_id, r.origin, int(r.id)) for r in chunk)
                if len(chunk) < self.batch:
                    break
                after = int(chunk[-1].id)
        return rows

    def _find_rewind(self, conn: Any) -> None:
        """After a reconnect: are the rows we read last still there?

        A server that lost its last commits (asynchronous commit, a failover to a replica that was
        behind) hands out the same ids again, and a reader that only asks for ids above its last one
        would never see the new rows. So compare the recent rows with the database, and read again
        from the end of the part that is still intact. Seeing a row twice is harmless; missing one is not.
        """
        if not self._recent:
            return
        ids = [r[0] for r in self._recent]
        stored = {int(r.id): (int(r.id), r.entity, r.entity_id, r.origin) for r in conn.execute(
            select(ChangeLog.id, ChangeLog.entity, ChangeLog.entity_id, ChangeLog.origin)
            .where(ChangeLog.id.in_(ids)))}
        intact = 0
        for row in self._recent:
            if stored.get(row[0]) != row:
                break
            intact += 1
        if intact == len(self._recent):
            return
        resume = self._recent[intact - 1][0] if intact else self._recent[0][0] - 1
        log.warning("change_log went back from id %s to %s: reading again from there", self._last_id, resume)
        while len(self._recent) > intact:
            self._recent.pop()
        self._last_id = resume

    def _deliver(self, rows: list[ChangeEvent]) -> list[ChangeEvent]:
        theirs = []
        for event in rows:
            if self._last_id is not None and event.id <= self._last_id:
                continue
            self._last_id = event.id
            self._recent.append((event.id, event.entity, event.entity_id, event.origin))
            if event.origin != self.origin:
                theirs.append(event)
                self._call(self._handlers, event)
        return theirs

    def catch_up(self) -> list[ChangeEvent]:
        """Read and deliver what other desktops committed since the last call (blocking)."""
        return self._deliver(self._fetch())

    def _is_news(self, payload: str) -> bool:
        try:
            return self._last_id is None or int(payload) > self._last_id
        except ValueError:
            return True

    # -- in a thread --------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        # No database work here: start() may be called on the GUI thread. The feed's first read sets
        # its starting point (unless since_id was given), and then it reports connected.
        self._stop.clear()
        self._thread = threading.Thread(target=self._run_thread, name="change-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    def _run_thread(self) -> None:
        backoff = 0.1
        outage_errors = _outage_errors(self.db)
        while not self._stop.is_set():
            try:
                if self.db.is_sqlite:
                    self._poll()
                else:
                    self._listen()
            except outage_errors as exc:
                self._set_status(False, _one_line(exc))
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.retry_max)
            else:
                backoff = 0.1

    def _poll(self) -> None:
        self._verify = True
        while not self._stop.is_set():
            self.catch_up()
            self._set_status(True)
            self._stop.wait(self.poll_interval)

    def _listen(self) -> None:
        import psycopg

        with psycopg.connect(_conninfo(self.db), autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            # listening first, then reading: a change committed in between is caught either way
            self._verify = True
            self.catch_up()
            self._set_status(True)
            quiet_since = time.monotonic()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=self.listen_timeout):
                    quiet_since = time.monotonic()
                    if self._is_news(note.payload):
                        self.catch_up()
                    if self._stop.is_set():
                        return
                if time.monotonic() - quiet_since >= self.keepalive:
                    # a silently dropped link raises here rather than leaving us deaf
                    conn.execute("SELECT 1")
                    self.catch_up()
                    quiet_since = time.monotonic()
