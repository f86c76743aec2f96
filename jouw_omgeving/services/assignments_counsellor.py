"""The counsellor's side of assignments: give content to a participant, read what came back,
and respond to it. Every call is about one participant and goes through the guard (audited).
"""

from datetime import date, timedelta
from typing import TypedDict

from sqlmodel import Session, col, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Assignment, ContentVersion, Feedback, Submission, User
from jouw_omgeving.models.enums import AssignmentStatus, Role, SubmissionStatus
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_participant_access,
    require_role,
)
from jouw_omgeving.services.assignments import FeedbackRow, feedback_rows, participant_assignments
from jouw_omgeving.services.content import visible_item
from jouw_omgeving.services.content_text import answer_text
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer

MAX_FEEDBACK = 4000
DUE_IN_PAST = N_("Kies een datum vanaf vandaag.")
DUE_TOO_FAR = N_("Kies een datum binnen een jaar.")
FEEDBACK_EMPTY = N_("Schrijf eerst je reactie.")
FEEDBACK_TOO_LONG = N_("De reactie is te lang (hoogstens 4000 tekens).")
NOT_SUBMITTED = N_("Er is nog niets ingeleverd om op te reageren.")


class AnswerLine(TypedDict):
    """A question and the participant's answer in words."""

    prompt: str
    answer: str


class CounsellorAssignmentRow(TypedDict):
    """One assignment with its handed-in answers and the feedback so far."""

    public_id: str
    title: str
    status: str
    due_date: str
    submission_public_id: str  # "" until handed in
    submitted_at: str
    answers: list[AnswerLine]
    feedback: list[FeedbackRow]


def assignment_assign(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    content_public_id: object,
    due_date: date | None = None,
    today: date | None = None,
) -> Assignment:
    """Give a published content item to a participant on the counsellor's caseload.

    Raises:
        AccessDenied: not a counsellor, not on the caseload, or content not visible (audited).
        InvalidInput: a due date in the past or more than a year ahead.
    """
    require_role(
        viewer,
        Role.COUNSELLOR,
        session=session,
        category=Category.ASSIGNMENTS,
        action=Action.CREATE,
    )
    require_participant_access(
        session,
        viewer,
        participant_id=participant_id,
        category=Category.ASSIGNMENTS,
        action=Action.CREATE,
    )
    item, _ = visible_item(session, viewer, content_public_id, action=Action.CREATE)
    participant = session.get(User, participant_id)
    if item.organisation_id is not None and item.organisation_id != participant.organisation_id:
        refuse(
            session,
            viewer,
            participant_id=participant_id,
            category=Category.ASSIGNMENTS,
            action=Action.CREATE,
            detail="content of another organisation",
        )
    today = today or date.today()
    if due_date is not None and due_date < today:
        raise InvalidInput(DUE_IN_PAST, f"due {due_date}")
    if due_date is not None and due_date > today + timedelta(days=366):
        raise InvalidInput(DUE_TOO_FAR, f"due {due_date}")
    assignment = Assignment(
        content_id=item.id,
        participant_id=participant_id,
        assigned_by_id=viewer.user_id,
        due_date=due_date,
    )
    session.add(assignment)
    session.flush()
    return assignment


def _latest_submitted(session: Session, assignment_ids: list[int]) -> dict[int, Submission]:
    latest: dict[int, Submission] = {}
    for sub in session.exec(
        select(Submission)
        .where(
            col(Submission.assignment_id).in_(assignment_ids or [-1]),
            Submission.status == SubmissionStatus.SUBMITTED,
        )
        .order_by(col(Submission.submitted_at).desc(), col(Submission.id).desc())
    ).all():
        latest.setdefault(sub.assignment_id, sub)
    return latest


def assignments_with_submissions(
    session: Session, viewer: Viewer, *, participant_id: int, lang: str
) -> list[CounsellorAssignmentRow]:
    """The participant's assignments, each with the handed-in answers (drafts stay private)."""
    rows = participant_assignments(session, viewer, participant_id=participant_id, lang=lang)
    by_public = (
        {
            str(a.public_id): a
            for a in session.exec(
                select(Assignment).where(
                    col(Assignment.public_id).in_([parse_public_id(r["public_id"]) for r in rows])
                )
            ).all()
        }
        if rows
        else {}
    )
    submitted = _latest_submitted(session, [a.id for a in by_public.values()])
    versions = {
        v.id: v
        for v in session.exec(
            select(ContentVersion).where(
                col(ContentVersion.id).in_(
                    [s.content_version_id for s in submitted.values()] or [-1]
                )
            )
        ).all()
    }
    feedback = feedback_rows(session, [s.id for s in submitted.values()])
    result = []
    for row in rows:
        sub = submitted.get(by_public[row["public_id"]].id)
        version = versions.get(sub.content_version_id) if sub else None
        result.append(
            CounsellorAssignmentRow(
                public_id=row["public_id"],
                title=translated(version.title, lang) if version else row["title"],
                status=row["status"],
                due_date=row["due_date"],
                submission_public_id=str(sub.public_id) if sub else "",
                submitted_at=sub.submitted_at.isoformat() if sub and sub.submitted_at else "",
                answers=[
                    AnswerLine(
                        prompt=translated(q.get("prompt"), lang),
                        answer=answer_text(q, sub.answers.get(q.get("key")), lang),
                    )
                    for q in version.questions
                ]
                if version
                else [],
                feedback=feedback.get(sub.id, []) if sub else [],
            )
        )
    return result


def feedback_give(
    session: Session, viewer: Viewer, *, submission_public_id: object, body: object
) -> Feedback:
    """Respond to a handed-in submission; the assignment then counts as reviewed.

    Raises:
        AccessDenied: not a counsellor, unknown submission, or not on the caseload (audited).
        InvalidInput: empty or too long, or the submission is only a draft.
    """
    require_role(
        viewer,
        Role.COUNSELLOR,
        session=session,
        category=Category.ASSIGNMENTS,
        action=Action.CREATE,
    )
    parsed = parse_public_id(submission_public_id)
    found = (
        session.exec(
            select(Submission, Assignment)
            .join(Assignment, Assignment.id == Submission.assignment_id)
            .where(Submission.public_id == parsed)
        ).first()
        if parsed is not None
        else None
    )
    if found is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.ASSIGNMENTS,
            action=Action.CREATE,
            detail=f"no submission {repr(submission_public_id)[:60]}",
        )
    submission, assignment = found
    require_participant_access(
        session,
        viewer,
        participant_id=assignment.participant_id,
        category=Category.ASSIGNMENTS,
        action=Action.CREATE,
    )
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise InvalidInput(FEEDBACK_EMPTY, "empty feedback")
    if len(text) > MAX_FEEDBACK:
        raise InvalidInput(FEEDBACK_TOO_LONG, f"{len(text)} characters")
    if submission.status != SubmissionStatus.SUBMITTED:
        raise InvalidInput(NOT_SUBMITTED, "feedback on a draft")
    feedback = Feedback(submission_id=submission.id, author_id=viewer.user_id, body=text)
    assignment.status = AssignmentStatus.REVIEWED
    session.add_all([feedback, assignment])
    session.flush()
    return feedback
