"""A small, hand-made pilot whose evaluation figures are known in advance.

One organisation with team A (six participants, enrolled 1 February 2026) and team B (two
participants, enrolled 10 March 2026). The evaluated period is 2–31 March 2026 unless a
test says otherwise; 2 March is a Monday, so its weeks start on 2, 9, 16, 23 and 30 March.
The threshold is the default 5: six participants are shown, two are hidden.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session

from jouw_omgeving.models import LoginSession, User
from jouw_omgeving.services.evaluation_scope import EvaluationFilter
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_counsellor,
    make_evaluator,
    make_organisation,
    make_participant,
    make_team,
)

START, END = date(2026, 3, 2), date(2026, 3, 31)


def at(day: int, month: int = 3, hour: int = 10) -> datetime:
    """A moment in 2026 (UTC)."""
    return datetime(2026, month, day, hour, tzinfo=UTC)


@dataclass
class World:
    """The organisation, its two teams' participants and counsellors, and an evaluator."""

    organisation_id: str
    team_a_id: str
    team_b_id: str
    team_a: list[User]
    team_b: list[User]
    counsellor_a: User
    counsellor_b: User
    evaluator: Viewer

    def query(self, *, team: str | None = None, **period) -> EvaluationFilter:
        """The filter for March 2026 (or ``start``/``end`` given), optionally for one team."""
        return EvaluationFilter(
            organisation_public_id=self.organisation_id,
            team_public_id=team,
            start=period.get("start", START),
            end=period.get("end", END),
            compare_start=period.get("compare_start"),
            compare_end=period.get("compare_end"),
        )


def make_world(session: Session, *, threshold: int | None = None) -> World:
    """The pilot above; ``threshold`` is stored as the organisation's setting when given."""
    settings = {"suppression_threshold": threshold} if threshold is not None else {}
    organisation = make_organisation(session, settings=settings)
    team_a = make_team(session, organisation=organisation, name="Team A")
    team_b = make_team(session, organisation=organisation, name="Team B")
    counsellor_a = make_counsellor(session, team=team_a)
    counsellor_b = make_counsellor(session, team=team_b)
    a = [make_participant(session, counsellor=counsellor_a, enrolled_at=at(1, 2)) for _ in range(6)]
    b = [make_participant(session, counsellor=counsellor_b, enrolled_at=at(10)) for _ in range(2)]
    evaluator = make_evaluator(session, organisation=organisation)
    return World(
        organisation_id=str(organisation.public_id),
        team_a_id=str(team_a.public_id),
        team_b_id=str(team_b.public_id),
        team_a=a,
        team_b=b,
        counsellor_a=counsellor_a,
        counsellor_b=counsellor_b,
        evaluator=Viewer.of(evaluator),
    )


def log_in(session: Session, user: User, moment: datetime) -> None:
    """A login session of ``user`` started at ``moment``."""
    session.add(
        LoginSession(
            token_hash=f"{user.id:08d}{moment.timestamp():.0f}".ljust(64, "0")[:64],
            user_id=user.id,
            created_at=moment,
            last_seen_at=moment,
            idle_timeout_seconds=900,
            expires_at=moment + timedelta(hours=1),
        )
    )
    session.flush()
