"""The digital-skills track: its lessons in order, and how far the participant got.

**A lesson is done** when the participant handed in its check (every question answered),
right or wrong: the check is for practice, the score is shown but never blocks progress.
Doing a check creates the participant's own assignment for the lesson (no counsellor), so
the submission, with the version it answered, is stored like any other.
"""

from typing import Any, TypedDict

from sqlmodel import Session, col, select

from jouw_omgeving.models import Assignment, ContentItem, ContentVersion, Submission
from jouw_omgeving.models.enums import ContentKind, Role, SubmissionStatus
from jouw_omgeving.seed.content_format import DIGITAL_SKILLS_TRACK
from jouw_omgeving.services.access import Action, Category, refuse, require_participant_access
from jouw_omgeving.services.assignments import answers_save, latest_submission
from jouw_omgeving.services.assignments_answers import check_score
from jouw_omgeving.services.content import (
    ContentView,
    content_view,
    latest_published_versions,
    visible_item,
    visible_items_condition,
)
from jouw_omgeving.services.instruments import translated
from jouw_omgeving.services.viewer import Viewer


class LessonRow(TypedDict):
    """One lesson of the track and whether the participant did its check."""

    public_id: str
    position: int
    title: str
    done: bool


class TrackView(TypedDict):
    """The lessons of a track with the participant's progress."""

    lessons: list[LessonRow]
    done: int
    total: int


class LessonView(TypedDict):
    """One lesson with the participant's check: answers, done, and the score when done."""

    content: ContentView
    answers: dict[str, Any]
    done: bool
    right: int
    scored: int


def _done_lessons(session: Session, participant_id: int, content_ids: list[int]) -> set[int]:
    return set(
        session.exec(
            select(Assignment.content_id)
            .join(Submission, Submission.assignment_id == Assignment.id)
            .where(
                Assignment.participant_id == participant_id,
                col(Assignment.content_id).in_(content_ids or [-1]),
                Submission.status == SubmissionStatus.SUBMITTED,
            )
        ).all()
    )


def track_progress(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    lang: str,
    track: str = DIGITAL_SKILLS_TRACK,
) -> TrackView:
    """The track's lessons in order, each done or not, and "done of total" for the participant."""
    require_participant_access(
        session, viewer, participant_id=participant_id, category=Category.ASSIGNMENTS
    )
    items = session.exec(
        select(ContentItem)
        .where(
            visible_items_condition(viewer),
            ContentItem.kind == ContentKind.LESSON,
            ContentItem.track == track,
        )
        .order_by(ContentItem.position, ContentItem.id)
    ).all()
    versions = latest_published_versions(session, [i.id for i in items])
    items = [i for i in items if i.id in versions]
    done = _done_lessons(session, participant_id, [i.id for i in items])
    lessons = [
        LessonRow(
            public_id=str(i.public_id),
            position=n,
            title=translated(versions[i.id].title, lang),
            done=i.id in done,
        )
        for n, i in enumerate(items, start=1)
    ]
    return TrackView(lessons=lessons, done=sum(r["done"] for r in lessons), total=len(lessons))


def _lesson(session: Session, viewer: Viewer, public_id: object, action: str) -> ContentItem:
    if viewer.role != Role.PARTICIPANT:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.ASSIGNMENTS,
            action=action,
            detail="lessons are done by participants",
        )
    item, _ = visible_item(session, viewer, public_id, action=action)
    if item.kind != ContentKind.LESSON:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.ASSIGNMENTS,
            action=action,
            detail=f"content {item.public_id} is not a lesson",
        )
    return item


def _own_assignment(session: Session, viewer: Viewer, item: ContentItem) -> Assignment | None:
    return session.exec(
        select(Assignment)
        .where(Assignment.participant_id == viewer.user_id, Assignment.content_id == item.id)
        .order_by(col(Assignment.assigned_at).desc())
    ).first()


def lesson_detail(
    session: Session, viewer: Viewer, *, content_public_id: object, lang: str
) -> LessonView:
    """A lesson as the participant does it: the text, the check, and their earlier answers."""
    item = _lesson(session, viewer, content_public_id, Action.READ)
    _, version = visible_item(session, viewer, content_public_id)
    assignment = _own_assignment(session, viewer, item)
    submission = latest_submission(session, assignment.id) if assignment else None
    done = submission is not None and submission.status == SubmissionStatus.SUBMITTED
    answers = dict(submission.answers) if submission else {}
    questions = version.questions
    if done:
        questions = session.get(ContentVersion, submission.content_version_id).questions
    right, scored = check_score(questions, answers) if done else (0, 0)
    return LessonView(
        content=content_view(item, version, lang),
        answers=answers,
        done=done,
        right=right,
        scored=scored,
    )


def lesson_check_submit(
    session: Session, viewer: Viewer, *, content_public_id: object, answers: Any, lang: str
) -> LessonView:
    """Hand in the check of a lesson (the participant's own); the lesson then counts as done.

    Raises:
        AccessDenied: not a participant, or not a visible lesson (audited).
        InvalidInput: answers that do not fit, a question left open, or handed in already.
    """
    item = _lesson(session, viewer, content_public_id, Action.CREATE)
    assignment = _own_assignment(session, viewer, item)
    if assignment is None:
        assignment = Assignment(content_id=item.id, participant_id=viewer.user_id)
        session.add(assignment)
        session.flush()
    answers_save(session, viewer, assignment=assignment, answers=answers, submit=True)
    return lesson_detail(session, viewer, content_public_id=content_public_id, lang=lang)
