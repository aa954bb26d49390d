"""Test set-up: offscreen Qt, an isolated home and keyring, and a throwaway PostgreSQL cluster."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt or keyring.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="da-test-home-")
os.environ["DESKTOP_AGENT_HOME"] = _HOME
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"  # tests only
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "xdg-data")
os.environ.pop("DESKTOP_AGENT_DB", None)

import pytest  # noqa: E402

from desktop_agent.store.database import Database, make_engine, parse_url  # noqa: E402
from desktop_agent.store.migrate import upgrade  # noqa: E402
from desktop_agent.testing import PgCluster, start_pg_cluster  # noqa: E402


@pytest.fixture(scope="session")
def pg_cluster() -> PgCluster:
    cluster = start_pg_cluster()
    yield cluster
    cluster.stop()


_db_counter = iter(range(10**6))


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """A fresh, empty PostgreSQL database in the session's cluster."""
    return pg_cluster.createdb(f"t{next(_db_counter)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """Run a store test on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url: str) -> Database:
    """A migrated, empty database on each backend."""
    database = Database(make_engine(parse_url(db_url)))
    upgrade(database.engine)
    yield database
    database.dispose()
