"""queue_log NOTIFY trigger: wake KPI feeds on PostgreSQL when rows arrive

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00

One NOTIFY per INSERT statement (not per row): a batch of 5,000 rows wakes a listener once, and
PostgreSQL folds identical notifications within a transaction anyway. The payload is empty; a
listener reads the rows after the last id it saw. SQLite has no NOTIFY: its readers poll, so this
revision does nothing there.
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

CHANNEL = "queue_log"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
        CREATE OR REPLACE FUNCTION queue_log_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', '');
            RETURN NULL;
        END
        $$
    """)
    op.execute("""
        CREATE TRIGGER queue_log_notify AFTER INSERT ON queue_log
        FOR EACH STATEMENT EXECUTE FUNCTION queue_log_notify()
    """)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS queue_log_notify ON queue_log")
    op.execute("DROP FUNCTION IF EXISTS queue_log_notify()")
