"""Run the Alembic migration scripts on a connection we own.

The same scripts `reflex db migrate` runs, driven through an ``EnvironmentContext`` (as
``reflex.model._alembic_upgrade`` does) so any database URL works, not only the configured one.
"""

from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory

REPO_ROOT = Path(__file__).resolve().parent.parent


def alembic_config() -> Config:
    """The repository's alembic.ini with its script location independent of the cwd."""
    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(REPO_ROOT / "alembic"))
    return config


def run_migrations(
    connection: sa.Connection,
    *,
    to: str = "head",
    direction: Literal["upgrade", "downgrade"] = "upgrade",
) -> None:
    """Migrate ``connection`` up (or down) to revision ``to``. The caller commits."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)

    def steps(rev, _context):
        if direction == "upgrade":
            return script._upgrade_revs(to, rev)
        return script._downgrade_revs(to, rev)

    with EnvironmentContext(config, script, fn=steps) as env:
        env.configure(connection=connection)
        env.run_migrations()
