"""Alembic gives the same schema as the models, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

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
    ql_indexes = {ix["name"] for ix in insp.get_indexes("queue_log")}
    assert "ix_queue_log_time" in ql_indexes
