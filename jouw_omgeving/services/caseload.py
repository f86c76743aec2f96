"""The counsellor's caseload overview: one row per participant with the signals that matter.

Everything happens in one SQL statement: every signal is a correlated subquery on indexed
columns, and filtering, sorting, searching, counting and paging are done on top of it by the
database, so the caseload is never loaded into Python to be filtered there.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypedDict

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import (
    Role,
)
from jouw_omgeving.services.access import Category, require_role
from jouw_omgeving.services.audit import audit_record_unless_repeated
from jouw_omgeving.services.caseload_signals import (
    NO_CONTACT_DAYS,
    caseload_signals,
)
from jouw_omgeving.services.viewer import Viewer

PAGE_SIZE = 20
MAX_SEARCH_LENGTH = 60

SORTS = (
    "attention",
    "name",
    "unread",
    "contact",
    "active",
    "overdue",
    "score",
    "feedback",
    "ending",
    "appointment",
)
FILTERS = ("all", "attention", "unread", "overdue", "no_contact")


class CaseloadRow(TypedDict):
    """One participant on the caseload, as the overview shows it."""

    public_id: str
    name: str
    unread: int
    days_since_contact: int  # -1 when there never was a contact
    days_since_active: int  # -1 when never active online
    overdue_steps: int
    score_drop: float  # how far the latest self-assessment fell below the one before (0: not)
    awaiting_feedback: int  # submitted assignments without feedback yet
    ending_soon: bool  # consent or caseload assignment ends within ENDING_SOON_DAYS
    next_appointment: str  # ISO datetime (UTC) of the next planned appointment, or ""
    attention: int  # how many "needs attention" reasons hold


class CaseloadPage(TypedDict):
    """One page of the (filtered, sorted) caseload, and how many rows match in all."""

    rows: list[CaseloadRow]
    total: int
    page: int
    pages: int


@dataclass(frozen=True)
class CaseloadQuery:
    """What the counsellor asked for; validated by :func:`caseload_overview` again."""

    sort: str = "attention"
    filter: str = "all"
    search: str = ""
    no_contact_days: int = NO_CONTACT_DAYS
    page: int = 0
    page_size: int = PAGE_SIZE


def _aware(moment: datetime | None, now: datetime) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    # SQLite aggregate results come back as plain values (stored as UTC).
    return datetime.fromisoformat(str(moment)).replace(tzinfo=now.tzinfo)


def _days_since(moment: datetime | None, now: datetime) -> int:
    moment = _aware(moment, now)
    return -1 if moment is None else max(0, (now - moment).days)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _where(rows: sa.Subquery, query: CaseloadQuery, now: datetime) -> list:
    conditions = []
    if query.search.strip():
        pattern = _like_pattern(query.search.strip()[:MAX_SEARCH_LENGTH])
        conditions.append(sa.func.lower(rows.c.name).like(pattern, escape="\\"))
    if query.filter == "attention":
        conditions.append(rows.c.attention > 0)
    elif query.filter == "unread":
        conditions.append(rows.c.unread > 0)
    elif query.filter == "overdue":
        conditions.append(rows.c.overdue > 0)
    elif query.filter == "no_contact":
        since = now - timedelta(days=max(1, min(query.no_contact_days, 3650)))
        conditions.append(sa.or_(rows.c.last_contact.is_(None), rows.c.last_contact < since))
    return conditions


def _order(rows: sa.Subquery, sort: str) -> list:
    """Most urgent first for every signal; the name breaks ties."""
    c = rows.c
    by_urgency = [c.attention.desc(), c.unread.desc(), sa.nulls_first(c.last_contact.asc())]
    first = {
        "attention": by_urgency,
        "name": [],
        "unread": [c.unread.desc()],
        "contact": [sa.nulls_first(c.last_contact.asc())],
        "active": [sa.nulls_first(c.last_active_at.asc())],
        "overdue": [c.overdue.desc()],
        "score": [c.score_drop.desc()],
        "feedback": [c.awaiting.desc()],
        "ending": [c.ending.desc()],
        "appointment": [sa.nulls_last(c.next_appointment.asc())],
    }[sort]
    return [*first, c.name, c.public_id]


def _checked(query: CaseloadQuery) -> CaseloadQuery:
    """Refuse what a browser could have forged: unknown sorts and filters become defaults."""
    return CaseloadQuery(
        sort=query.sort if query.sort in SORTS else "attention",
        filter=query.filter if query.filter in FILTERS else "all",
        search=query.search if isinstance(query.search, str) else "",
        no_contact_days=query.no_contact_days
        if isinstance(query.no_contact_days, int)
        else NO_CONTACT_DAYS,
        page=max(0, query.page) if isinstance(query.page, int) else 0,
        page_size=max(1, min(query.page_size, 100)) if isinstance(query.page_size, int) else 20,
    )


def caseload_overview(
    session: Session,
    viewer: Viewer,
    query: CaseloadQuery | None = None,
    *,
    today: date | None = None,
) -> CaseloadPage:
    """One page of the counsellor's active caseload with signals, "needs attention" first.

    Only participants on the viewer's own open caseload assignments are ever counted or
    shown (a team lead's team is in the team view, not here). Audited as one read.
    """
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.CASELOAD_OVERVIEW)
    query = _checked(query or CaseloadQuery())
    now = utcnow()
    rows = caseload_signals(viewer.user_id, now, today or now.date())
    conditions = _where(rows, query, now)

    def fetch(page: int):
        return session.execute(
            sa.select(rows, sa.func.count().over().label("total"))
            .where(*conditions)
            .order_by(*_order(rows, query.sort))
            .limit(query.page_size)
            .offset(page * query.page_size)
        ).all()

    page = query.page
    found = fetch(page)
    if not found and page > 0:  # past the end (rows went away): count, then the last page
        total = session.exec(select(sa.func.count()).select_from(rows).where(*conditions)).one()
        page = max(0, -(-total // query.page_size) - 1)
        found = fetch(page)
    total = int(found[0].total) if found else 0
    pages = max(1, -(-total // query.page_size))
    view = f"filter={query.filter} sort={query.sort} page={page} search={query.search[:40]!r}"
    audit_record_unless_repeated(
        session,
        viewer=viewer,
        category=Category.CASELOAD_OVERVIEW,
        detail=f"{len(found)} of {total} participants; {view}",
        window=REPEAT_AUDIT_WINDOW,
        now=now,
    )
    return CaseloadPage(rows=[_row(r, now) for r in found], total=total, page=page, pages=pages)


# The open overview refreshes itself every few seconds; an unchanged view within this window
# is the same look, not a new one, so it is written once (otherwise ~700 rows an hour).
REPEAT_AUDIT_WINDOW = timedelta(minutes=15)


def _row(r, now: datetime) -> CaseloadRow:
    appointment = _aware(r.next_appointment, now)
    return CaseloadRow(
        public_id=str(r.public_id),
        name=r.name,
        unread=int(r.unread or 0),
        days_since_contact=_days_since(r.last_contact, now),
        days_since_active=_days_since(r.last_active_at, now),
        overdue_steps=int(r.overdue or 0),
        score_drop=round(max(0.0, float(r.score_drop or 0)), 1),
        awaiting_feedback=int(r.awaiting or 0),
        ending_soon=bool(r.ending),
        next_appointment=appointment.isoformat() if appointment else "",
        attention=int(r.attention or 0),
    )
