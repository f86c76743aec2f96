"""message (sender_id, created_at) index: the evaluation reads who wrote when from the index

Revision ID: c4e8a2f6b1d3
Revises: b7d3e5a1c9f2
Create Date: 2026-12-04 07:05:00.000000

"""

from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "c4e8a2f6b1d3"
down_revision: Union[str, Sequence[str], None] = "b7d3e5a1c9f2"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Covers the evaluation's "who sent a message in which week" (an index-only scan of a
    # narrow index instead of the whole message table) and replaces the index on sender_id
    # alone, which it starts with: still one index to keep up per message written.
    op.create_index("ix_message_sender_created", "message", ["sender_id", "created_at"])
    op.drop_index("ix_message_sender_id", table_name="message")


def downgrade() -> None:
    """Downgrade schema."""
    op.create_index("ix_message_sender_id", "message", ["sender_id"])
    op.drop_index("ix_message_sender_created", table_name="message")
