"""A participant's assignments: the list, one assignment, saving a draft and handing it in.

Reads are guarded by category "assignments" (so a counsellor's or a consenting partner's
read is audited); answering is the participant's own work: nobody answers for them.
A submission keeps the content version it answered, so a later edit of the text never
changes what was asked.
"""

from datetime import date
from typing import Any, TypedDict

from sqlmodel import Session, col, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Assignment, ContentItem, ContentVersion, Feedback, Submission
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AssignmentStatus, ContentKind, Role, SubmissionStatus
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_participant_access,
    require_role,
)
from jouw_omgeving.services.assignments_answers import clean_answers
from jouw_omgeving.services.content import latest_published_versions
from jouw_omgeving.services.content_text import QuestionView, question_views, safe_markdown
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer

ALREADY_SUBMITTED = N_("Deze opdracht is al ingeleverd.")


class AssignmentRow(TypedDict):
    """One assignment in the participant's list."""

    public_id: str
    title: str
    kind: str
    status: str  # open | submitted | reviewed
    due_date: str  # ISO date or ""
    overdue: bool
    has_feedback: bool


class FeedbackRow(TypedDict):
    """The counsellor's words on a submission."""

    body: str
    created_at: str  # ISO datetime


class AssignmentView(TypedDict):
    """One assignment with its questions, the participant's answers and any feedback."""

    public_id: str
    title: str
    body: str  # safe Markdown
    status: str
    due_date: str
    submitted: bool
    questions: list[QuestionView]
    answers: dict[str, Any]
    feedback: list[FeedbackRow]


def assignment_by_public_id(
    session: Session, viewer: Viewer, public_id: object, *, action: str = Action.READ
) -> Assignment:
    """The assignment behind ``public_id`` once ``viewer`` may ``action`` its participant's data.

    Raises:
        AccessDenied: unknown, malformed or not allowed (one message, audited).
    """
    parsed = parse_public_id(public_id)
    found = (
        session.exec(select(Assignment).where(Assignment.public_id == parsed)).first()
        if parsed is not None
        else None
    )
    if found is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.ASSIGNMENTS,
            action=action,
            detail=f"no assignment {repr(public_id)[:60]}",
        )
    require_participant_access(
        session, viewer, participant_id=found.participant_id, category="assignments", action=action
    )
    return found


def latest_submission(session: Session, assignment_id: int) -> Submission | None:
    """The assignment's newest submission (a draft or handed in)."""
    return session.exec(
        select(Submission)
        .where(Submission.assignment_id == assignment_id)
        .order_by(col(Submission.saved_at).desc(), col(Submission.id).desc())
    ).first()


def feedback_rows(session: Session, submission_ids: list[int]) -> dict[int, list[FeedbackRow]]:
    """Feedback per submission, oldest first."""
    rows: dict[int, list[FeedbackRow]] = {sid: [] for sid in submission_ids}
    if submission_ids:
        for fb in session.exec(
            select(Feedback)
            .where(col(Feedback.submission_id).in_(submission_ids))
            .order_by(Feedback.created_at, Feedback.id)
        ).all():
            rows[fb.submission_id].append(
                FeedbackRow(body=fb.body, created_at=fb.created_at.isoformat())
            )
    return rows


def _answered_titles(session: Session, assignment_ids: list[int]) -> dict[int, dict[str, str]]:
    """The title of the version each handed-in assignment answered (newest hand-in wins)."""
    titles: dict[int, dict[str, str]] = {}
    if assignment_ids:
        for assignment_id, title in session.exec(
            select(Submission.assignment_id, ContentVersion.title)
            .join(ContentVersion, ContentVersion.id == Submission.content_version_id)
            .where(
                col(Submission.assignment_id).in_(assignment_ids),
                Submission.status == SubmissionStatus.SUBMITTED,
            )
            .order_by(col(Submission.submitted_at).desc(), col(Submission.id).desc())
        ).all():
            titles.setdefault(assignment_id, title)
    return titles


def participant_assignments(
    session: Session, viewer: Viewer, *, participant_id: int, lang: str, today: date | None = None
) -> list[AssignmentRow]:
    """The assignments given to the participant (open first, then by due date).

    Lessons the participant did on their own (the digital-skills track) are not listed.
    """
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.ASSIGNMENTS
    )
    today = today or date.today()
    pairs = session.exec(
        select(Assignment, ContentItem)
        .join(ContentItem, ContentItem.id == Assignment.content_id)
        .where(Assignment.participant_id == participant_id)
        .where(
            (col(Assignment.assigned_by_id).is_not(None)) | (ContentItem.kind != ContentKind.LESSON)
        )
        .order_by(col(Assignment.assigned_at).desc())
        .limit(200)
    ).all()
    versions = latest_published_versions(session, [item.id for _, item in pairs])
    answered = _answered_titles(session, [a.id for a, _ in pairs])
    with_feedback = set(
        session.exec(
            select(Submission.assignment_id)
            .join(Feedback, Feedback.submission_id == Submission.id)
            .where(col(Submission.assignment_id).in_([a.id for a, _ in pairs] or [-1]))
        ).all()
    )
    rows = [
        AssignmentRow(
            public_id=str(a.public_id),
            # A handed-in assignment keeps the title of the version it answered.
            title=translated(answered[a.id], lang)
            if a.id in answered
            else translated(versions[item.id].title, lang)
            if item.id in versions
            else "",
            kind=item.kind,
            status=a.status,
            due_date=a.due_date.isoformat() if a.due_date else "",
            overdue=a.status == AssignmentStatus.OPEN
            and a.due_date is not None
            and a.due_date < today,
            has_feedback=a.id in with_feedback,
        )
        for a, item in pairs
    ]
    rows.sort(key=lambda r: (r["status"] != AssignmentStatus.OPEN, r["due_date"] or "9999"))
    return rows


def _version_for(
    session: Session, assignment: Assignment, draft: Submission | None
) -> ContentVersion:
    """The version answered: the submission's once handed in, else the latest published."""
    if draft is not None and draft.status == SubmissionStatus.SUBMITTED:
        return session.get(ContentVersion, draft.content_version_id)
    latest = latest_published_versions(session, [assignment.content_id]).get(assignment.content_id)
    if latest is None and draft is not None:
        return session.get(ContentVersion, draft.content_version_id)
    if latest is None:
        raise InvalidInput(N_("Deze opdracht is er niet meer."), "no published version")
    return latest


def assignment_detail(
    session: Session, viewer: Viewer, *, assignment_public_id: object, lang: str
) -> AssignmentView:
    """One assignment: the text and questions, the saved answers and the feedback."""
    assignment = assignment_by_public_id(session, viewer, assignment_public_id)
    return assignment_view(session, assignment, lang)


def assignment_view(session: Session, assignment: Assignment, lang: str) -> AssignmentView:
    """Shape an assignment the caller was allowed to read."""
    latest = latest_submission(session, assignment.id)
    version = _version_for(session, assignment, latest)
    submitted = latest is not None and latest.status == SubmissionStatus.SUBMITTED
    feedback = feedback_rows(session, [latest.id]) if latest else {}
    return AssignmentView(
        public_id=str(assignment.public_id),
        title=translated(version.title, lang),
        body=safe_markdown(translated(version.body, lang)),
        status=assignment.status,
        due_date=assignment.due_date.isoformat() if assignment.due_date else "",
        submitted=submitted,
        questions=question_views(version.questions, lang),
        answers=dict(latest.answers) if latest else {},
        feedback=feedback.get(latest.id, []) if latest else [],
    )


def _require_own(session: Session, viewer: Viewer, assignment: Assignment) -> None:
    if viewer.role != Role.PARTICIPANT or viewer.user_id != assignment.participant_id:
        refuse(
            session,
            viewer,
            participant_id=assignment.participant_id,
            category=Category.ASSIGNMENTS,
            action=Action.UPDATE,
            detail="only the participant answers their assignment",
        )


def answers_save(
    session: Session, viewer: Viewer, *, assignment: Assignment, answers: Any, submit: bool
) -> Submission:
    """Save answers to an assignment already reached (a draft, or handed in when ``submit``).

    Raises:
        AccessDenied: the viewer is not this participant (audited).
        InvalidInput: answers that do not fit the questions, or the assignment was handed in.
    """
    _require_own(session, viewer, assignment)
    latest = latest_submission(session, assignment.id)
    if latest is not None and latest.status == SubmissionStatus.SUBMITTED:
        raise InvalidInput(ALREADY_SUBMITTED, "submitted already")
    version = _version_for(session, assignment, latest)
    cleaned = clean_answers(version.questions, answers, complete=submit)
    now = utcnow()
    if latest is None or latest.content_version_id != version.id:
        latest = Submission(assignment_id=assignment.id, content_version_id=version.id)
    latest.answers = cleaned
    latest.saved_at = now
    if submit:
        latest.status = SubmissionStatus.SUBMITTED
        latest.submitted_at = now
        assignment.status = AssignmentStatus.SUBMITTED
        session.add(assignment)
    session.add(latest)
    session.flush()
    return latest


def submission_save(
    session: Session,
    viewer: Viewer,
    *,
    assignment_public_id: object,
    answers: Any,
    submit: bool = False,
    lang: str = "nl",
) -> AssignmentView:
    """Save a draft ("Bewaren") or hand in ("Inleveren") the participant's own assignment.

    Validation per question type: a text of at most 2,000 characters, a choice that is one
    of the options, a checklist that is a subset of them; handing in needs every text and
    choice answered. Returns the assignment as it now stands.
    """
    # Nobody answers for the participant: refused before the guard could allow a counsellor.
    require_role(
        viewer,
        Role.PARTICIPANT,
        session=session,
        category=Category.ASSIGNMENTS,
        action=Action.UPDATE,
    )
    assignment = assignment_by_public_id(
        session, viewer, assignment_public_id, action=Action.UPDATE
    )
    answers_save(session, viewer, assignment=assignment, answers=answers, submit=submit)
    return assignment_view(session, assignment, lang)
