"""Test set-up: offscreen Qt, an isolated home and keyring, and a throwaway PostgreSQL cluster."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

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


def _create_database(cluster: PgCluster, name: str, template: str | None = None) -> str:
    """CREATE DATABASE over SQL: a copy of a migrated template costs ~0.1 s, a migration ~1 s."""
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=cluster.port, user="app", dbname="postgres",
                         autocommit=True) as conn:
        suffix = f" TEMPLATE {template}" if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{suffix}')
    return cluster.url(name)


@pytest.fixture(scope="session")
def pg_template(pg_cluster: PgCluster) -> str:
    """A migrated PostgreSQL database used as the template of each test's database."""
    name = "migrated_template"
    database = Database(make_engine(parse_url(_create_database(pg_cluster, name))))
    upgrade(database.engine)
    database.dispose()  # a template must have no open connections
    return name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "migrated.sqlite3"
    database = Database(make_engine(parse_url(f"sqlite:///{path}")))
    upgrade(database.engine)
    database.dispose()
    return path


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """A fresh, empty (unmigrated) PostgreSQL database in the session's cluster."""
    return _create_database(pg_cluster, f"t{next(_db_counter)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A migrated, empty database on each backend (store tests run on both)."""
    if request.param == "sqlite":
        target = tmp_path / "test.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite:///{target}"
    template = request.getfixturevalue("pg_template")
    return _create_database(request.getfixturevalue("pg_cluster"), f"t{next(_db_counter)}", template)


@pytest.fixture
def db(db_url: str) -> Database:
    """A migrated, empty database on each backend."""
    database = Database(make_engine(parse_url(db_url)))
    yield database
    database.dispose()


@pytest.fixture
def qloop(qapp):
    """qasync's loop over the test's QApplication: run scenarios with `qloop.run_until_complete(...)`.
    (Qt and qasync are imported here, not at the top, so tests without Qt never load it.)"""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    loop.run_until_complete(asyncio.sleep(0))
    asyncio.set_event_loop(None)
    loop.close()


@pytest.fixture
def run(capsys):
    """run(*argv) -> (exit code, stdout, stderr) of `desktop-agent ARGV`, in-process."""
    from desktop_agent import cli

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_main_thread():
    """The cyclic garbage collector runs on whichever thread allocates when its threshold is reached:
    in this process a database worker, the outbox or a drafts writer. A window of an earlier test that
    it collects there is deleted off the GUI thread, its timers stay registered, and Qt later fires one
    at freed memory (a segfault in event processing, seen with gdb). So here the collector runs only
    between tests, on the main thread."""
    import gc

    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    yield
    import gc

    gc.collect()
