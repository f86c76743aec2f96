"""What a participant records about themselves: a self-assessment and the weekly check-in.

Only the participant writes these (a counsellor records their own assessment elsewhere, with
assessor role "counsellor"): anyone else is refused and the refusal audited. The assessment
keeps the instrument row it was filled in on, so a later version never rewrites old answers.

Check-ins: one per calendar week (Monday to Sunday, Dutch time). A second check-in in the
same week *updates* that week's check-in rather than adding a row, so the weekly chart shows
one mood per week and a participant can correct a mistake.
"""

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Literal, TypedDict
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Assessment, AssessmentScore, CheckIn
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AssessorRole, Role
from jouw_omgeving.services.access import Action, Category, refuse, require_participant_access
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.instruments import (
    InstrumentView,
    active_instrument_row,
    instrument_domains,
    instrument_view,
)
from jouw_omgeving.services.viewer import Viewer

MOOD_MIN, MOOD_MAX = 1, 5
MAX_CHECK_IN_NOTE = 1000
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")

INSTRUMENT_CHANGED = N_("De vragenlijst is veranderd. Begin opnieuw.")
ANSWER_ALL = N_("Geef bij elk onderwerp een antwoord.")
OUTSIDE_SCALE = N_("Kies een van de gezichtjes.")
NOTE_TOO_LONG = N_("Je tekst is te lang. Maak hem korter.")


class CheckInRow(TypedDict):
    """The check-in of one week."""

    mood: int
    note: str
    created_at: str  # ISO datetime, UTC


CheckInOutcome = Literal["created", "updated"]


def _only_the_participant(session: Session, viewer: Viewer, participant_id: int, what: str) -> None:
    """Refuse (audited) unless the viewer is this participant; audit others' reads."""
    if viewer.role == Role.PARTICIPANT and viewer.user_id == participant_id:
        return
    refuse(
        session,
        viewer,
        participant_id=participant_id,
        category=Category.PROGRESS,
        action=Action.CREATE,
        detail=f"only the participant records their own {what}",
    )


def assessment_form(
    session: Session, viewer: Viewer, *, participant_id: int, lang: str = "nl"
) -> InstrumentView | None:
    """The questions of the participant's active instrument, to fill in themselves."""
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.PROGRESS
    )
    instrument = active_instrument_row(session, participant_id=participant_id)
    return instrument_view(session, instrument, lang) if instrument is not None else None


def _valid_score(value: object, low: int, high: int) -> int:
    # bool is an int in Python; a browser's true is not a score.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(OUTSIDE_SCALE, f"score {value!r} outside {low}..{high}")
    return value


def self_assessment_record(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    instrument_public_id: object,
    scores: Mapping[str, object],
    now: datetime | None = None,
) -> str:
    """Store the participant's own assessment (one score per domain); return its public id.

    ``instrument_public_id`` is the instrument the questions were shown from: when it is no
    longer the active one the answers are refused rather than stored against another version.

    Raises:
        AccessDenied: the viewer is not this participant.
        InvalidInput: another instrument, a domain missing or unknown, a score off the scale.
    """
    _only_the_participant(session, viewer, participant_id, "assessment")
    return assessment_store(
        session,
        viewer,
        participant_id=participant_id,
        assessor_role=AssessorRole.PARTICIPANT,
        instrument_public_id=instrument_public_id,
        scores=scores,
        now=now,
    )


def assessment_store(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    assessor_role: AssessorRole,
    instrument_public_id: object,
    scores: Mapping[str, object],
    note: str | None = None,
    now: datetime | None = None,
) -> str:
    """Validate and store an assessment by ``viewer`` (already guarded by the caller).

    Raises:
        InvalidInput: another instrument, a domain missing or unknown, a score off the scale.
    """
    instrument = active_instrument_row(session, participant_id=participant_id)
    asked = parse_public_id(instrument_public_id)
    if instrument is None or asked is None or instrument.public_id != asked:
        raise InvalidInput(INSTRUMENT_CHANGED, f"instrument {instrument_public_id!r} not active")
    domains = instrument_domains(session, instrument.id)
    if not isinstance(scores, Mapping) or set(scores) != {d.key for d in domains}:
        raise InvalidInput(ANSWER_ALL, "scores must name every domain exactly once")
    checked = {
        d.id: _valid_score(scores[d.key], instrument.scale_min, instrument.scale_max)
        for d in domains
    }
    assessment = Assessment(
        participant_id=participant_id,
        assessor_id=viewer.user_id,
        assessor_role=assessor_role,
        instrument_id=instrument.id,
        taken_at=now or utcnow(),
        note=note,
    )
    session.add(assessment)
    session.flush()
    session.add_all(
        AssessmentScore(assessment_id=assessment.id, life_domain_id=domain_id, score=score)
        for domain_id, score in checked.items()
    )
    session.flush()
    return str(assessment.public_id)


def week_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """Start (Monday 00:00 Dutch time) and end of the week holding ``moment``, in UTC terms."""
    local = moment.astimezone(LOCAL_ZONE)
    monday = local.date() - timedelta(days=local.weekday())
    start = datetime.combine(monday, time.min, tzinfo=LOCAL_ZONE)
    end = datetime.combine(monday + timedelta(days=7), time.min, tzinfo=LOCAL_ZONE)
    return start, end


def _week_check_in(session: Session, participant_id: int, now: datetime) -> CheckIn | None:
    start, end = week_bounds(now)
    return session.exec(
        select(CheckIn)
        .where(
            CheckIn.participant_id == participant_id,
            CheckIn.created_at >= start,
            CheckIn.created_at < end,
        )
        .order_by(CheckIn.created_at.desc(), CheckIn.id.desc())
    ).first()


def this_week_check_in(
    session: Session, viewer: Viewer, *, participant_id: int, now: datetime | None = None
) -> CheckInRow | None:
    """The participant's check-in of the current week, if there is one."""
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.PROGRESS
    )
    row = _week_check_in(session, participant_id, now or utcnow())
    if row is None:
        return None
    return CheckInRow(mood=row.mood, note=row.note or "", created_at=row.created_at.isoformat())


def check_in_record(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    mood: object,
    note: object = "",
    now: datetime | None = None,
) -> CheckInOutcome:
    """Record this week's check-in, or update it when the week already has one.

    Raises:
        AccessDenied: the viewer is not this participant.
        InvalidInput: a mood off the 1..5 scale, or a note that is not text or too long.
    """
    _only_the_participant(session, viewer, participant_id, "check-in")
    checked_mood = _valid_score(mood, MOOD_MIN, MOOD_MAX)
    if note is None:
        note = ""
    if not isinstance(note, str) or len(note) > MAX_CHECK_IN_NOTE:
        raise InvalidInput(NOTE_TOO_LONG, "note must be text of at most 1000 characters")
    text = note.strip() or None
    now = now or utcnow()
    existing = _week_check_in(session, participant_id, now)
    if existing is not None:
        existing.mood, existing.note = checked_mood, text
        session.add(existing)
        session.flush()
        return "updated"
    session.add(
        CheckIn(participant_id=participant_id, mood=checked_mood, note=text, created_at=now)
    )
    session.flush()
    return "created"
