"""Shared bits of the admin service tests: one viewer of every non-admin role."""

from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry, User
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_counsellor,
    make_evaluator,
    make_network_member,
    make_participant,
    make_partner,
)


def non_admins(session: Session) -> list[User]:
    """A participant, a network member, a counsellor (team lead), a partner, an evaluator."""
    return [
        make_participant(session),
        make_network_member(session),
        make_counsellor(session, is_team_lead=True),
        make_partner(session),
        make_evaluator(session),
    ]


def refused_entries(session: Session, user: User) -> list[AuditEntry]:
    """The refused audit entries of ``user``."""
    return list(
        session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == user.id, AuditEntry.outcome == "refused"
            )
        )
    )


def viewer(user: User) -> Viewer:
    """The user as a viewer from a fixed test address."""
    return Viewer.of(user, client_address="192.0.2.44")
