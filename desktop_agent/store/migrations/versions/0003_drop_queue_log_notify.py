"""drop the queue_log NOTIFY trigger: nothing listens on its channel any more

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08 01:30:00

Revision 0002 made every INSERT into queue_log send NOTIFY on the 'queue_log' channel for a KPI
feed that would LISTEN there. The wallboard's feed (store.kpi_feed.QueueLogFeed) reads the new rows
on its own tick instead, so the notifications only cost the writers (the PBX, the simulator, the
desks) a pg_notify per statement. Change notification between desks (change_log and its
'desktop_agent_changes' channel) is not touched. SQLite never had the trigger: nothing to do there.
The downgrade puts 0002's trigger back as it was.
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

CHANNEL = "queue_log"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS queue_log_notify ON queue_log")
    op.execute("DROP FUNCTION IF EXISTS queue_log_notify()")


def downgrade() -> None:
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
