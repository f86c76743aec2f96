"""What an evaluation is about (organisation, team, period) and the small-group rule.

Every figure family starts with :func:`evaluation_scope`: it refuses anyone but an
evaluator (audited), checks the filter the browser sent, and fixes the organisation's
threshold. Figures are then built over the scope's *population* — the organisation's
(or the team's) enrolled participants — and keyed on nothing personal: the families return
counts per week, month, domain or lesson, never an id.

**The small-group rule**: a cell or point built from fewer than ``threshold`` participants
(but more than none) is not shown. Its value is emptied and ``suppressed`` is set, so a
chart can draw a gap with a note instead of silently leaving the point out.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Organisation, Team, User
from jouw_omgeving.models.enums import OrganisationKind, Role
from jouw_omgeving.services.access import Category, require_role
from jouw_omgeving.services.admin_settings import THRESHOLD_KEY, THRESHOLD_RANGE
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.evaluation_sql import unindexed
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.viewer import Viewer

MINIMUM_THRESHOLD = THRESHOLD_RANGE[0]  # never lower, whatever an organisation stored
MAX_PERIOD_DAYS = 3 * 366
BAD_ORGANISATION = N_("Kies een organisatie uit de lijst.")
BAD_TEAM = N_("Kies een team van deze organisatie, of alle teams.")
BAD_PERIOD = N_("Kies een begindatum vóór de einddatum, binnen drie jaar.")


@dataclass(frozen=True)
class EvaluationFilter:
    """What the evaluator asked for: all values as the browser sent them (checked later).

    ``start`` and ``end`` are days, both included. A comparison period is optional.
    """

    organisation_public_id: str
    start: date
    end: date
    team_public_id: str | None = None
    compare_start: date | None = None
    compare_end: date | None = None

    def comparison(self) -> "EvaluationFilter | None":
        """The same filter over the comparison period, or ``None`` without one."""
        if self.compare_start is None or self.compare_end is None:
            return None
        return EvaluationFilter(
            organisation_public_id=self.organisation_public_id,
            team_public_id=self.team_public_id,
            start=self.compare_start,
            end=self.compare_end,
        )


@dataclass(frozen=True)
class Scope:
    """A checked filter: the organisation and team ids, the period in UTC and the threshold."""

    organisation_id: int
    team_id: int | None
    start: datetime  # first moment of the first day
    end: datetime  # first moment after the last day
    threshold: int

    @property
    def week_anchor(self) -> datetime:
        """The Monday (00:00 UTC) on or before the period's start: weeks start on Mondays."""
        return self.start - timedelta(days=self.start.weekday())

    def population(self) -> sa.ColumnElement[bool]:
        """SQL condition on ``User``: the enrolled participants this evaluation is about."""
        conditions = [
            User.role == Role.PARTICIPANT,
            User.organisation_id == self.organisation_id,
            User.enrolled_at.is_not(None),
        ]
        if self.team_id is not None:
            conditions.append(User.team_id == self.team_id)
        return sa.and_(*conditions)

    def in_period(self, column: sa.ColumnElement) -> sa.ColumnElement[bool]:
        """SQL condition: ``column`` lies in the period (read by a table scan on SQLite)."""
        column = unindexed(column)
        return sa.and_(column >= self.start, column < self.end)


def _valid_date(value: object) -> date | None:
    return value if isinstance(value, date) and not isinstance(value, datetime) else None


def _period(start: object, end: object) -> tuple[datetime, datetime]:
    first, last = _valid_date(start), _valid_date(end)
    if first is None or last is None or not 0 <= (last - first).days <= MAX_PERIOD_DAYS:
        raise InvalidInput(BAD_PERIOD, f"period {start!r}..{end!r}")
    begin = datetime.combine(first, time(), tzinfo=UTC)
    return begin, datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC)


def organisation_threshold(organisation: Organisation) -> int:
    """The organisation's small-group threshold (admin setting), never below the minimum."""
    stored = (organisation.settings or {}).get(THRESHOLD_KEY)
    valid = isinstance(stored, int) and not isinstance(stored, bool)
    return max(MINIMUM_THRESHOLD, stored if valid else MINIMUM_THRESHOLD)


def _organisation(session: Session, public_id: object) -> Organisation:
    parsed = parse_public_id(public_id)
    row = (
        session.exec(
            select(Organisation).where(
                Organisation.public_id == parsed, Organisation.kind == OrganisationKind.OWN
            )
        ).first()
        if parsed
        else None
    )
    if row is None:
        raise InvalidInput(BAD_ORGANISATION, f"organisation {public_id!r}")
    return row


def _team_id(session: Session, public_id: object, organisation_id: int) -> int | None:
    if public_id in (None, ""):
        return None
    parsed = parse_public_id(public_id)
    team = (
        session.exec(
            select(Team).where(Team.public_id == parsed, Team.organisation_id == organisation_id)
        ).first()
        if parsed
        else None
    )
    if team is None:
        raise InvalidInput(BAD_TEAM, f"team {public_id!r}")
    return team.id


def _analytic_transaction(session: Session) -> None:
    """On PostgreSQL: memory for in-memory hash aggregates, no JIT (it costs more than it
    saves on these queries), and index pages priced as what they are here, pages in memory
    (``random_page_cost`` 1.1 instead of 4, which assumes spinning disks): then a narrow
    index holding every column a query needs (e.g. message sender and time) is read
    instead of the whole table. Only for this transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.exec(sa.text("SET LOCAL work_mem = '64MB'"))
        session.exec(sa.text("SET LOCAL jit = off"))
        session.exec(sa.text("SET LOCAL random_page_cost = 1.1"))


def evaluation_scope(session: Session, viewer: Viewer, query: EvaluationFilter) -> Scope:
    """Refuse non-evaluators (audited), check the filter, and fix the threshold.

    Raises:
        AccessDenied: the viewer is not an evaluator (audited).
        InvalidInput: an unknown organisation or team, or a period that does not fit.
    """
    require_role(viewer, Role.EVALUATOR, session=session, category=Category.AGGREGATES)
    _analytic_transaction(session)
    if not isinstance(query, EvaluationFilter):
        raise InvalidInput(BAD_ORGANISATION, f"filter {query!r}")
    organisation = _organisation(session, query.organisation_public_id)
    start, end = _period(query.start, query.end)
    return Scope(
        organisation_id=organisation.id,
        team_id=_team_id(session, query.team_public_id, organisation.id),
        start=start,
        end=end,
        threshold=organisation_threshold(organisation),
    )


def suppress(
    frame: pd.DataFrame, *, counts: list[str], values: list[str], threshold: int
) -> pd.DataFrame:
    """Mark rows where any of ``counts`` (participants) is 1..threshold-1; empty them.

    The counts themselves are emptied with the ``values``: "3 participants" is the very thing
    hidden. Zero stays visible (nobody to recognise).
    """
    frame = frame.copy()
    hidden = pd.Series(False, index=frame.index)
    for column in counts:
        hidden |= (frame[column] > 0) & (frame[column] < threshold)
    frame["suppressed"] = hidden.astype(bool)
    for column in [*counts, *values]:
        frame[column] = frame[column].astype("Float64").mask(hidden)
    return frame


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """``numerator / denominator`` as nullable floats, empty where the denominator is 0."""
    result = numerator.astype("Float64") / denominator.astype("Float64")
    return result.mask(denominator == 0)


def week_starts(scope: Scope) -> list[date]:
    """The Mondays of every week that overlaps the period."""
    first = scope.week_anchor.date()
    weeks = -(-(scope.end - scope.week_anchor).days // 7)
    return [first + timedelta(weeks=n) for n in range(weeks)]


def month_starts(scope: Scope) -> list[datetime]:
    """The first moment (UTC) of every calendar month that overlaps the period."""
    return [datetime(int(m[:4]), int(m[5:]), 1, tzinfo=UTC) for m in month_keys(scope)]


def month_keys(scope: Scope) -> list[str]:
    """Every calendar month ("YYYY-MM") that overlaps the period."""
    months, current = [], scope.start.date().replace(day=1)
    last = (scope.end - timedelta(seconds=1)).date()
    while current <= last:
        months.append(f"{current:%Y-%m}")
        current = (current + timedelta(days=32)).replace(day=1)
    return months
