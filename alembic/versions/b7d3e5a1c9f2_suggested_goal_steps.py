"""suggested goal steps: a counsellor's proposed step waits for the participant's answer

Revision ID: b7d3e5a1c9f2
Revises: 5f1c2a9d7b3e
Create Date: 2026-12-04 03:45:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = "b7d3e5a1c9f2"
down_revision: Union[str, Sequence[str], None] = "5f1c2a9d7b3e"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Existing steps were never suggestions: false for every row already there.
    # A plain ADD COLUMN (no table copy): with rows referencing goal_step, SQLite's
    # batch copy-and-drop fails its foreign keys.
    op.add_column(
        "goal_step", sa.Column("suggested", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("goal_step", "suggested")  # SQLite >= 3.35 drops a column in place
