"""The deterministic demo data generator: a believable pilot, or a benchmark-sized one.

Same ``seed`` and ``today`` give the same people, texts, public ids and counts. Rows go in as
bulk inserts (see :mod:`jouw_omgeving.demo.writer`), so the large scale loads in minutes.
"""

from __future__ import annotations

import time
from datetime import date

from sqlmodel import Session, select

from jouw_omgeving.auth.passwords import hash_secret
from jouw_omgeving.demo.accounts import DEMO_ACCOUNTS, DEMO_PARTICIPANT_PIN, DEMO_STAFF_PASSWORD
from jouw_omgeving.demo.care import add_contacts
from jouw_omgeving.demo.consents import add_consents
from jouw_omgeving.demo.content import add_assignments, add_content
from jouw_omgeving.demo.context import DemoContext
from jouw_omgeving.demo.goals import add_goal_shares, add_goals
from jouw_omgeving.demo.messaging import add_messages
from jouw_omgeving.demo.people import add_network, add_participants
from jouw_omgeving.demo.progress import add_progress
from jouw_omgeving.demo.scale import DemoScale, DemoSummary
from jouw_omgeving.demo.staff import add_organisations, add_staff
from jouw_omgeving.demo.writer import RowWriter
from jouw_omgeving.models import LifeDomain, User
from jouw_omgeving.seed import ensure_open_instrument

DEFAULT_SCALE = DemoScale.default()


class DemoDataExistsError(RuntimeError):
    """The demo accounts are already in this database."""


def demo_data_present(session: Session) -> bool:
    """Whether any fixed demo account already exists."""
    usernames = [account.username for account in DEMO_ACCOUNTS]
    return session.exec(select(User.id).where(User.username.in_(usernames))).first() is not None


def generate_demo(
    session: Session,
    *,
    seed: int = 7,
    today: date | None = None,
    scale: DemoScale = DEFAULT_SCALE,
) -> DemoSummary:
    """Fill the database with demo data (in the caller's transaction) and say what was made.

    Args:
        session: an open session; nothing is committed here.
        seed: the seed every random choice derives from.
        today: the day the demo is "now" (history lies before it); default today.
        scale: how much data; ``DemoScale.large()`` is the benchmark set.

    Raises:
        DemoDataExistsError: the demo accounts already exist.
    """
    started = time.perf_counter()
    today = today or date.today()
    if demo_data_present(session):
        msg = "demo data is already loaded (demo accounts exist)"
        raise DemoDataExistsError(msg)
    instrument = ensure_open_instrument(session)
    domains = session.exec(
        select(LifeDomain)
        .where(LifeDomain.instrument_id == instrument.id)
        .order_by(LifeDomain.position)
    ).all()
    ctx = DemoContext(
        seed=seed,
        today=today,
        scale=scale,
        writer=RowWriter(session, scale.chunk_size),
        # argon2 is slow on purpose: hash each distinct secret once and share the hash.
        staff_hash=hash_secret(DEMO_STAFF_PASSWORD),
        participant_hash=hash_secret(DEMO_PARTICIPANT_PIN),
        instrument_id=instrument.id,
        domain_ids={domain.key: domain.id for domain in domains},
    )
    add_organisations(ctx)
    add_staff(ctx)
    add_participants(ctx)
    add_network(ctx)
    add_goal_shares(ctx, add_goals(ctx))
    add_progress(ctx)
    add_messages(ctx)
    add_contacts(ctx)
    add_consents(ctx)
    add_assignments(ctx, add_content(ctx))
    ctx.writer.finish()
    return DemoSummary(
        seed=seed,
        today=today,
        counts=dict(ctx.writer.counts),
        seconds=time.perf_counter() - started,
    )
