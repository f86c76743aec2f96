"""staff accounts created by an admin must change their one-time initial password

Revision ID: 5f1c2a9d7b3e
Revises: e30dc0b7af3e
Create Date: 2026-12-04 03:50:00.000000

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = "5f1c2a9d7b3e"
down_revision: Union[str, Sequence[str], None] = "e30dc0b7af3e"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # A plain ADD COLUMN (no table copy): with rows referencing app_user, SQLite's
    # batch copy-and-drop fails its foreign keys.
    op.add_column(
        "app_user",
        sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("app_user", "must_change_password")  # SQLite >= 3.35 drops a column in place
