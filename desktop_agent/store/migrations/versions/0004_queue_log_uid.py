"""queue_log.uid: an idempotency key, so a row written twice is stored once

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 09:00:00

Every queue_log row may carry a uid (at most 64 characters): the desk's and the simulator's rows one
drawn when the event is made (time-ordered, core.queue_log.new_uid), an imported line a hash of its
content (core.queue_log.content_uid). A UNIQUE index keeps each uid once, and writers insert with
ON CONFLICT (uid) DO NOTHING, so an outbox replay or a file imported twice writes nothing twice. Rows without a uid (NULL: the rows stored before this
revision, and Asterisk's own realtime inserts) are never duplicates of each other.

The column is nullable with no default: on PostgreSQL adding it is a change of the catalogue only,
and on SQLite a plain ALTER TABLE ADD COLUMN (no copy of the table). The index is a separate
CREATE UNIQUE INDEX on both.
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('queue_log', sa.Column('uid', sa.String(length=64), nullable=True))
    op.create_index('ix_queue_log_uid', 'queue_log', ['uid'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_queue_log_uid', table_name='queue_log')
    with op.batch_alter_table('queue_log', schema=None) as batch_op:
        batch_op.drop_column('uid')
