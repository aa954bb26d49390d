"""Alembic gives the same schema as the models, on SQLite and on PostgreSQL."""

from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desktop_agent.store.migrate import HEAD_REVISION, current_revision, head_revision, is_current
from desktop_agent.store.models import Base


def test_migrations_match_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    assert diff == []
    assert current_revision(db.engine) == head_revision()
    assert is_current(db.engine)


def test_head_constant_matches_the_scripts():
    # The everyday start compares the database with HEAD_REVISION without importing Alembic.
    assert HEAD_REVISION == head_revision()


def test_empty_database_is_not_current(sqlite_url):
    from desktop_agent.store.database import open_database

    db = open_database(sqlite_url)
    try:
        assert current_revision(db.engine) is None
        assert not is_current(db.engine)
    finally:
        db.dispose()


def test_same_tables_and_indexes_on_every_backend(db):
    insp = inspect(db.engine)
    tables = set(insp.get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    phone_indexes = {ix["name"] for ix in insp.get_indexes("customer_phones")}
    assert "ix_customer_phones_e164" in phone_indexes
    ql_indexes = {ix["name"]: ix for ix in insp.get_indexes("queue_log")}
    assert "ix_queue_log_time" in ql_indexes
    assert ql_indexes["ix_queue_log_uid"]["unique"] and ql_indexes["ix_queue_log_uid"]["column_names"] == ["uid"]


def test_queue_log_uid_migrates_stored_rows_and_back(db):
    """0004 on a table that has rows: they keep them, uid NULL; the downgrade drops the column again."""
    from alembic import command

    from desktop_agent.store.migrate import alembic_config, upgrade

    def to(revision: str) -> None:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)

    to("0003")
    assert "uid" not in {c["name"] for c in inspect(db.engine).get_columns("queue_log")}
    with db.engine.begin() as conn:
        for i in range(3):
            conn.execute(text("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3,"
                              " data4, data5) VALUES (:t, :c, 'q', 'NONE', 'ENTERQUEUE', '', '', '', '', '')"),
                         {"t": datetime(2026, 11, 25, 9, 0, i), "c": f"c{i}"})
    assert upgrade(db.engine) == HEAD_REVISION
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT callid, uid FROM queue_log ORDER BY id")).all() == [
            ("c0", None), ("c1", None), ("c2", None)]
    to("0003")
    assert upgrade(db.engine) == HEAD_REVISION
