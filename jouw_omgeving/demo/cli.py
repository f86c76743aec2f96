"""``python -m jouw_omgeving.demo load [--if-empty] [--seed N] [--scale default|large]``.

``python -m jouw_omgeving.demo totp`` prints the current second-factor code of the demo
staff accounts.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date

import pyotp
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.demo.accounts import DEMO_TOTP_SECRET
from jouw_omgeving.demo.generator import DemoDataExistsError, generate_demo
from jouw_omgeving.demo.scale import DemoScale, DemoSummary
from jouw_omgeving.models import User
from jouw_omgeving.seed import ensure_open_instrument
from jouw_omgeving.seed.starter_content import ensure_starter_content
from jouw_omgeving.settings import get_settings

NOT_EMPTY = (
    "Database bevat al gebruikers: geen demodata geladen. / "
    "Database already has users: demo data not loaded."
)
ALREADY_LOADED = (
    "Demodata staat er al; gebruik --if-empty om dit over te slaan. / "
    "Demo data is already loaded; use --if-empty to skip."
)
LOADED = "Demodata geladen. / Demo data loaded."


def load(
    url: str | None = None,
    *,
    if_empty: bool = False,
    seed: int | None = None,
    scale: str | DemoScale = "default",
    today: date | None = None,
    echo: Callable[[str], None] = print,
) -> DemoSummary | None:
    """Load demo data into the database at ``url`` (default: the app's) and commit.

    The open instrument and the starter content are always ensured. With ``if_empty``
    nothing else happens when the database already has users. Returns the summary, or
    ``None`` when nothing was loaded.
    """
    sizes = DemoScale.named(scale) if isinstance(scale, str) else scale
    with db_session(url) as session:
        ensure_open_instrument(session)
        ensure_starter_content(session)
        if if_empty and session.exec(select(User.id).limit(1)).first() is not None:
            echo(NOT_EMPTY)
            return None
        summary = generate_demo(
            session,
            seed=get_settings().demo_seed if seed is None else seed,
            today=today,
            scale=sizes,
        )
    echo(LOADED)
    for line in summary.lines():
        echo(line)
    return summary


def load_reference_data(url: str | None = None) -> None:
    """Only what the platform ships (instrument, starter content): for a real deployment."""
    with db_session(url) as session:
        ensure_open_instrument(session)
        created = ensure_starter_content(session)
    print(f"Referentiedata staat klaar ({created} nieuwe inhoud). / Reference data ready.")


def totp_code(at: float | None = None) -> str:
    """The demo staff's current TOTP code (or the one at Unix time ``at``)."""
    totp = pyotp.TOTP(DEMO_TOTP_SECRET)
    return totp.now() if at is None else totp.at(at)


def main(argv: Sequence[str] | None = None, url: str | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m jouw_omgeving.demo")
    commands = parser.add_subparsers(dest="command", required=True)
    load_parser = commands.add_parser("load", help="load demo data / demodata laden")
    load_parser.add_argument(
        "--if-empty", action="store_true", help="only when the database has no users"
    )
    load_parser.add_argument("--seed", type=int, default=None, help="random seed (default 7)")
    load_parser.add_argument("--scale", choices=["default", "large"], default="default")
    commands.add_parser("reference", help="only the instrument and starter content, no demo people")
    commands.add_parser(
        "totp", help="print the demo staff's current login code / huidige inlogcode"
    )
    args = parser.parse_args(argv)
    if args.command == "totp":
        print(totp_code())
        return 0
    if args.command == "reference":
        load_reference_data(url)
        return 0
    try:
        load(url, if_empty=args.if_empty, seed=args.seed, scale=args.scale)
    except DemoDataExistsError:
        print(ALREADY_LOADED)
        return 1
    return 0
