"""Retention applied: what an erasure kept "until the retention period ends" goes afterwards.

An erasure (:mod:`jouw_omgeving.services.erasure`) keeps some rows of the participant for
the organisation's retention period (``retention_months`` in its settings, counted from the
day the request was carried out). :func:`retention_purge` deletes them once that day has
passed, per table as :data:`PURGED` says, and adds a line to the request's note.

Not every kept table is purged here: :data:`NOT_PURGED` names the ones that stay and why.
The consent history and the audit log are append-only by design, proven by tests
(tests/services/test_consent.py, tests/services/test_audit_log.py): no service has a path
that deletes them, this one included. A test fails when a kept table of the erasure plan is
in neither mapping.

The organisation settings hold one retention period, the one erasure uses; they define no
separate period for the data of participants whose care merely ended, so nothing else is
purged. Run it from the admin page ("Nu opruimen") or ``python -m jouw_omgeving.retention``.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import TypedDict

from sqlmodel import Session, delete, select

from jouw_omgeving.models import ErasureRequest, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.access import Action, Category
from jouw_omgeving.services.admin_common import admin_audit, admin_only
from jouw_omgeving.services.erasure import DONE, add_months, retention_months
from jouw_omgeving.services.my_data import EXPORT
from jouw_omgeving.services.viewer import Viewer

# Kept tables deleted once the retention period of an erasure ended.
PURGED: Mapping[str, str] = {
    "contact_moment": "the care record's contact moments (dossierplicht ends)",
}
# Kept tables this purge leaves alone, and why.
NOT_PURGED: Mapping[str, str] = {
    "consent_record": "append-only consent history: no service path deletes it",
    "consent": "the current consent rows its append-only history points at",
    "audit_entry": "the append-only audit log (NEN 7513): no service path deletes it",
    "erasure_request": "the proof the request was carried out; holds no care data",
}
_CONDITIONS = {model.__tablename__: (model, rule) for model, rule in EXPORT.items()}


class RetentionResult(TypedDict):
    """What one run deleted: per table the number of rows, and for how many participants."""

    participants: int
    deleted: dict[str, int]
    total: int


def _retention_ended(session: Session, now: datetime) -> list[tuple[ErasureRequest, User]]:
    """Carried-out requests whose participant's retention period ended before ``now``."""
    done = session.exec(
        select(ErasureRequest, User)
        .join(User, User.id == ErasureRequest.participant_id)
        .where(ErasureRequest.status == DONE, ErasureRequest.handled_at.is_not(None))
        .order_by(ErasureRequest.id)
    ).all()
    return [
        (request, user)
        for request, user in done
        if add_months(request.handled_at, retention_months(session, user)) <= now
    ]


def _purge_one(session: Session, user: User) -> dict[str, int]:
    deleted: dict[str, int] = {}
    for table in PURGED:
        model, rule = _CONDITIONS[table]
        ids = session.exec(select(model.id).where(rule(user))).all()
        if ids:
            session.exec(delete(model).where(model.id.in_(ids)))
            deleted[table] = len(ids)
    return deleted


def retention_purge(
    session: Session, viewer: Viewer, *, now: datetime | None = None
) -> RetentionResult:
    """Delete what erasures kept once their retention period ended; one transaction, audited.

    Running it twice deletes nothing the second time.

    Raises:
        AccessDenied: the viewer is not an admin (audited).
    """
    admin_only(session, viewer, Action.DELETE)
    now = now or utcnow()
    totals = dict.fromkeys(PURGED, 0)
    participants = 0
    for request, user in _retention_ended(session, now):
        deleted = _purge_one(session, user)
        if not deleted:
            continue
        participants += 1
        for table, count in deleted.items():
            totals[table] += count
        request.note = (request.note or "") + (
            f"\nOp {now:%d-%m-%Y} was de bewaartermijn voorbij; verwijderd: "
            + ", ".join(f"{table} ({count})" for table, count in deleted.items())
            + "."
        )
        session.add(request)
    total = sum(totals.values())
    admin_audit(
        session,
        viewer,
        action=Action.DELETE,
        category=Category.ACCOUNT,
        detail=f"retention purge: {total} rows of {participants} erased participants",
    )
    session.commit()
    return RetentionResult(participants=participants, deleted=totals, total=total)
