"""``python -m jouw_omgeving.retention --admin USERNAME [--url URL]``: apply retention now.

Deletes what erasures kept once the organisation's retention period ended
(:func:`jouw_omgeving.services.retention.retention_purge`), in the name of an active admin
account (the run is audited as theirs). Meant for a daily job; running it twice is harmless.
Exit code 0 after a run, 2 when the admin account is unknown, inactive or not an admin.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import User
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.retention import retention_purge
from jouw_omgeving.services.viewer import Viewer

NO_ADMIN = "Geen actief beheerdersaccount met die naam. / No active admin account by that name."


def run(admin: str, url: str | None = None, *, echo: Callable[[str], None] = print) -> int:
    """Run the purge as the admin ``admin``; print what was deleted; return the exit code."""
    with db_session(url) as session:
        user = session.exec(select(User).where(User.username == admin.strip().lower())).first()
        if user is None or not user.active or user.role != Role.ADMIN:
            echo(NO_ADMIN)
            return 2
        result = retention_purge(session, Viewer.of(user, "cli"))
    per_table = ", ".join(f"{table}: {count}" for table, count in result["deleted"].items())
    echo(
        f"Opgeruimd / purged: {result['total']} rijen/rows van/of {result['participants']} "
        f"deelnemers/participants ({per_table})."
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run."""
    parser = argparse.ArgumentParser(prog="python -m jouw_omgeving.retention")
    parser.add_argument("--admin", required=True, help="username of an active admin account")
    parser.add_argument("--url", default=None, help="database URL (default: the app's)")
    arguments = parser.parse_args(argv)
    return run(arguments.admin, arguments.url)


if __name__ == "__main__":
    sys.exit(main())
