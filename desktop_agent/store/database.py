"""Engine and session factory for the embedded SQLite file or the central PostgreSQL.

One short Session per operation. On SQLite every write goes through one lock (WAL lets readers on).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop_agent import paths
from desktop_agent.store.errors import BadDatabaseUrl, DatabaseUnreachable

ENV_VAR = "DESKTOP_AGENT_DB"
SUPPORTED = ("sqlite", "postgresql")


def parse_url(raw: str | None) -> URL:
    """`--db`, else DESKTOP_AGENT_DB, else the embedded SQLite file. A password in the URL is refused."""
    raw = raw or os.environ.get(ENV_VAR) or ""
    if not raw:
        return URL.create("sqlite", database=str(paths.embedded_db_path()))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise BadDatabaseUrl(
            f"not a database URL: {raw!r} (expected e.g. postgresql+psycopg://user@host/db)"
        ) from None
    if url.get_backend_name() not in SUPPORTED:
        raise BadDatabaseUrl(f"unsupported database {url.get_backend_name()!r}: use sqlite or postgresql")
    if url.password:
        raise BadDatabaseUrl(
            "a password in the database URL is refused: run `desktop-agent db login` to keep it in the OS keyring"
        )
    if url.get_backend_name() == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername != "postgresql+psycopg":
            raise BadDatabaseUrl(f"unsupported driver {url.drivername!r}: use postgresql+psycopg")
        if not url.database:
            raise BadDatabaseUrl("the PostgreSQL URL names no database")
    return url


def describe(url: URL) -> str:
    """The URL as it may be printed or logged: never with a password."""
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: URL, *, echo: bool = False, connect_timeout: int = 5) -> Engine:
    try:
        if url.get_backend_name() == "sqlite":
            if url.database and url.database != ":memory:":
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, echo=echo, connect_args={"timeout": 10})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        from desktop_agent.store import credentials  # the keyring: only a server database needs it

        password = credentials.load_password(url)
        if password:
            url = url.set(password=password)
        return create_engine(
            url,
            echo=echo,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args={"connect_timeout": connect_timeout, "application_name": "desktop-agent"},
        )
    except (ArgumentError, NoSuchModuleError) as exc:
        raise BadDatabaseUrl(f"cannot use {describe(url)}: {exc}") from exc


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        raise DatabaseUnreachable(f"cannot reach {describe(engine.url)}: {reason}") from exc


@dataclass
class Database:
    """The engine plus a session factory; one short Session per operation."""

    engine: Engine

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._batch = threading.local()

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        outer = getattr(self._batch, "session", None)
        if outer is not None:  # inside batch(): see what the batch wrote so far
            yield outer
            return
        with self.sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        outer = getattr(self._batch, "session", None)
        if outer is not None:  # inside batch(): committed with the batch, or not at all
            yield outer
            return
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run several store operations of this thread in one transaction (the outbox's replay): one
        connection, one commit. Any failure rolls back the whole batch."""
        if getattr(self._batch, "session", None) is not None:
            yield
            return
        with self.sessions.begin() as session:
            self._batch.session = session
            try:
                yield
            finally:
                self._batch.session = None

    def dispose(self) -> None:
        self.engine.dispose()


def is_transient(exc: BaseException) -> bool:
    """A failure of the link to the database (refused, reset, timed out, a server restarting), not
    of the write itself: worth trying again later. A refused write (a rule, a constraint) is not."""
    from sqlalchemy.exc import DBAPIError, InterfaceError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, DatabaseUnreachable | InterfaceError | PoolTimeout | ConnectionError | TimeoutError):
        return True
    if isinstance(exc, OperationalError):
        text = str(getattr(exc, "orig", exc)).lower()
        # SQLite's "database is locked" passes; a wrong column or a full disk does not come back by waiting
        return not any(word in text for word in ("no such", "syntax error", "disk is full", "readonly"))
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def open_database(raw_url: str | None = None) -> Database:
    return Database(make_engine(parse_url(raw_url)))
