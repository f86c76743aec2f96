"""Progress on the participant detail page: the counsellor's own assessment beside the
participant's self-assessment, both over time.

Reading is guarded with category ``progress`` (the caseload counsellor and the team lead;
audited). Only a counsellor of the caseload records a counsellor assessment (action
``create`` on ``progress``); the participant records their own elsewhere
(:func:`~.self_reports.self_assessment_record`), never one as "counsellor".
"""

from collections.abc import Mapping
from datetime import datetime
from typing import TypedDict

from sqlmodel import Session

from jouw_omgeving.i18n import N_
from jouw_omgeving.models.enums import AssessorRole, Role
from jouw_omgeving.services.access import Action, Category, require_role
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.instruments import (
    InstrumentView,
    active_instrument_row,
    instrument_view,
)
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.progress import (
    ScorePoint,
    SideBySideRow,
    scores_over_time_unguarded,
    side_by_side_unguarded,
)
from jouw_omgeving.services.self_reports import assessment_store
from jouw_omgeving.services.viewer import Viewer

MAX_ASSESSMENT_NOTE = 2000
NOTE_TOO_LONG = N_("De notitie is te lang (hoogstens 2000 tekens).")


class CounsellorProgress(TypedDict):
    """Both assessments of one participant, as the progress tab shows them."""

    instrument: InstrumentView | None
    own_over_time: list[ScorePoint]  # the participant's self-assessments
    counsellor_over_time: list[ScorePoint]  # the counsellors' assessments
    side_by_side: list[SideBySideRow]
    own_latest_at: str
    counsellor_latest_at: str


def participant_progress_for_staff(
    session: Session, viewer: Viewer, participant_public_id: object, *, lang: str = "nl"
) -> CounsellorProgress:
    """Both kinds of assessment of the participant in the URL (one audited read).

    Raises:
        AccessDenied: unknown, malformed or not allowed (one message for all three).
    """
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.PROGRESS
    )
    instrument = active_instrument_row(session, participant_id=participant.id)
    side, own_at, counsellor_at = side_by_side_unguarded(session, participant.id, lang)
    return CounsellorProgress(
        instrument=instrument_view(session, instrument, lang) if instrument else None,
        own_over_time=scores_over_time_unguarded(
            session, participant.id, AssessorRole.PARTICIPANT, lang
        ),
        counsellor_over_time=scores_over_time_unguarded(
            session, participant.id, AssessorRole.COUNSELLOR, lang
        ),
        side_by_side=side,
        own_latest_at=own_at,
        counsellor_latest_at=counsellor_at,
    )


def counsellor_assessment_record(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    instrument_public_id: object,
    scores: Mapping[str, object],
    note: object = None,
    now: datetime | None = None,
) -> str:
    """Store the counsellor's own assessment of a participant; return its public id.

    Raises:
        AccessDenied: not a counsellor, or the participant is not on their caseload (audited).
        InvalidInput: another instrument, a domain missing, a score off the scale, a note
            too long.
    """
    require_role(
        viewer, Role.COUNSELLOR, session=session, category=Category.PROGRESS, action=Action.CREATE
    )
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.PROGRESS, action=Action.CREATE
    )
    if note is not None and (not isinstance(note, str) or len(note) > MAX_ASSESSMENT_NOTE):
        raise InvalidInput(NOTE_TOO_LONG, "assessment note refused")
    return assessment_store(
        session,
        viewer,
        participant_id=participant.id,
        assessor_role=AssessorRole.COUNSELLOR,
        instrument_public_id=instrument_public_id,
        scores=scores,
        note=note.strip() or None if isinstance(note, str) else None,
        now=now,
    )
