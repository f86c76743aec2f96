"""Changing goals: a new goal, its small steps (their words and due dates), its words and status.

Every function takes the viewer and checks them with the one guard
(:mod:`jouw_omgeving.services.access`), which audits anyone but the participant. Every status
change, of a goal or a step, is appended to :class:`GoalStatusChange`; nothing is deleted.
"""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Goal, GoalStatusChange, GoalStep
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import GoalStatus, StepStatus
from jouw_omgeving.services.access import (
    Action,
    Category,
    refuse,
    require_goal_access,
    require_participant_access,
)
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.goal_starters import life_domain_for_goal
from jouw_omgeving.services.ids import parse_public_id
from jouw_omgeving.services.text_input import clean_line
from jouw_omgeving.services.viewer import Viewer

MAX_TITLE_LENGTH = 300  # Goal.title and GoalStep.title
MAX_HELPERS_LENGTH = 300  # Goal.helpers
EMPTY_GOAL = N_("Schrijf eerst op wat je wilt bereiken.")
EMPTY_STEP = N_("Schrijf eerst op wat de stap is.")
BAD_STATUS = N_("Dat kan niet met dit doel.")
BAD_DATE = N_("Kies een datum uit de kalender.")
# A participant chooses among these; "stopped" is for counsellors' tidying and not offered.
CHOOSABLE_STATUSES = (GoalStatus.ACTIVE, GoalStatus.PAUSED, GoalStatus.DONE)


def _row_or_refuse(
    session: Session,
    viewer: Viewer,
    model: type[Goal] | type[GoalStep],
    public_id: object,
    action: str,
) -> Goal | GoalStep:
    """The goal or step with this browser-supplied public id; refused (audited) if none."""
    parsed = parse_public_id(public_id)
    row = (
        session.exec(select(model).where(model.public_id == parsed)).first()
        if parsed is not None
        else None
    )
    if row is None:
        refuse(
            session,
            viewer,
            participant_id=None,
            category=Category.GOALS,
            action=action,
            detail=f"unknown or malformed {model.__name__} id {repr(public_id)[:60]}",
        )
    return row


def goal_by_public_id(
    session: Session, viewer: Viewer, goal_public_id: object, *, action: str = Action.READ
) -> Goal:
    """The goal behind a browser-supplied public id, once the guard allows ``action``.

    Raises:
        AccessDenied: unknown, malformed or not allowed (one message, always audited).
    """
    goal = _row_or_refuse(session, viewer, Goal, goal_public_id, action)
    return require_goal_access(session, viewer, goal_id=goal.id, action=action)


def _step_by_public_id(session: Session, viewer: Viewer, step_public_id: object) -> GoalStep:
    step = _row_or_refuse(session, viewer, GoalStep, step_public_id, Action.UPDATE)
    require_goal_access(session, viewer, goal_id=step.goal_id, action=Action.UPDATE)
    return step


def _history(
    session: Session,
    viewer: Viewer,
    goal: Goal,
    *,
    to_status: str,
    from_status: str | None,
    step: GoalStep | None = None,
) -> None:
    session.add(
        GoalStatusChange(
            goal_id=goal.id,
            step_id=step.id if step is not None else None,
            from_status=from_status,
            to_status=to_status,
            changed_by_id=viewer.user_id,
        )
    )


def goal_create(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    title: object,
    due_date: date | None = None,
    helpers: object = None,
    life_domain_key: str | None = None,
) -> Goal:
    """A new active goal in the participant's own words.

    Raises:
        AccessDenied: the viewer may not create goals for this participant.
        InvalidInput: an empty or too long title or helpers text.
    """
    require_participant_access(
        session,
        viewer,
        participant_id=participant_id,
        category=Category.GOALS,
        action=Action.CREATE,
    )
    clean_title = clean_line(title, max_length=MAX_TITLE_LENGTH, empty_message=EMPTY_GOAL)
    clean_helpers = clean_line(helpers, max_length=MAX_HELPERS_LENGTH, empty_message=None)
    domain = life_domain_for_goal(session, participant_id=participant_id, key=life_domain_key)
    goal = Goal(
        participant_id=participant_id,
        created_by_id=viewer.user_id,
        title=clean_title,
        due_date=due_date,
        helpers=clean_helpers or None,
        life_domain_id=domain.id if domain is not None else None,
        status=GoalStatus.ACTIVE,
    )
    session.add(goal)
    session.flush()
    _history(session, viewer, goal, to_status=GoalStatus.ACTIVE, from_status=None)
    session.flush()
    return goal


def goal_update(
    session: Session,
    viewer: Viewer,
    *,
    goal_public_id: object,
    title: object,
    due_date: date | None,
    helpers: object,
) -> Goal:
    """Change a goal's words, due date and who helps (status has its own function)."""
    goal = goal_by_public_id(session, viewer, goal_public_id, action=Action.UPDATE)
    # Check everything before changing anything.
    clean_title = clean_line(title, max_length=MAX_TITLE_LENGTH, empty_message=EMPTY_GOAL)
    clean_helpers = clean_line(helpers, max_length=MAX_HELPERS_LENGTH, empty_message=None)
    goal.title, goal.helpers, goal.due_date = clean_title, clean_helpers or None, due_date
    goal.updated_at = utcnow()
    session.add(goal)
    session.flush()
    return goal


def goal_set_status(
    session: Session, viewer: Viewer, *, goal_public_id: object, status: object
) -> Goal:
    """Pause, resume or finish a goal; the change is kept in the goal's history.

    Raises:
        InvalidInput: not one of :data:`CHOOSABLE_STATUSES`, or a stopped goal.
    """
    goal = goal_by_public_id(session, viewer, goal_public_id, action=Action.UPDATE)
    if status not in CHOOSABLE_STATUSES or goal.status == GoalStatus.STOPPED:
        raise InvalidInput(BAD_STATUS, f"status {repr(status)[:40]} from {goal.status}")
    new_status = GoalStatus(status)
    if goal.status == new_status:
        return goal
    _history(session, viewer, goal, to_status=new_status, from_status=goal.status)
    goal.status = new_status
    goal.completed_at = utcnow() if new_status == GoalStatus.DONE else None
    goal.updated_at = utcnow()
    session.add(goal)
    session.flush()
    return goal


def step_add(
    session: Session, viewer: Viewer, *, goal_public_id: object, title: object
) -> GoalStep:
    """A new open step at the end of the goal's steps."""
    goal = goal_by_public_id(session, viewer, goal_public_id, action=Action.UPDATE)
    clean_title = clean_line(title, max_length=MAX_TITLE_LENGTH, empty_message=EMPTY_STEP)
    last = session.exec(
        select(sa.func.max(GoalStep.position)).where(GoalStep.goal_id == goal.id)
    ).one()
    step = GoalStep(
        goal_id=goal.id,
        title=clean_title,
        position=(last + 1) if last is not None else 0,
        created_by_id=viewer.user_id,
    )
    session.add(step)
    session.flush()
    _history(session, viewer, goal, to_status=StepStatus.OPEN, from_status=None, step=step)
    goal.updated_at = utcnow()
    session.add(goal)
    session.flush()
    return step


def step_mark_done(
    session: Session, viewer: Viewer, *, step_public_id: object, done: bool = True
) -> GoalStep:
    """Mark a step done (or, to undo, open again); kept in the goal's history."""
    if not isinstance(done, bool):
        raise InvalidInput(BAD_STATUS, "done must be a boolean")
    step = _step_by_public_id(session, viewer, step_public_id)
    new_status = StepStatus.DONE if done else StepStatus.OPEN
    if step.status == new_status:
        return step
    goal = session.get(Goal, step.goal_id)
    _history(session, viewer, goal, to_status=new_status, from_status=step.status, step=step)
    step.status = new_status
    step.done_at = utcnow() if done else None
    goal.updated_at = utcnow()
    session.add_all([step, goal])
    session.flush()
    return step


def step_update(
    session: Session,
    viewer: Viewer,
    *,
    step_public_id: object,
    title: object,
    due_date: date | None,
) -> GoalStep:
    """Change a step's words and its due date (``None`` takes the date away).

    Raises:
        AccessDenied: unknown, malformed or not allowed (audited).
        InvalidInput: an empty or too long title, or a due date that is not a date.
    """
    step = _step_by_public_id(session, viewer, step_public_id)
    # Check everything before changing anything.
    clean_title = clean_line(title, max_length=MAX_TITLE_LENGTH, empty_message=EMPTY_STEP)
    if due_date is not None and (not isinstance(due_date, date) or isinstance(due_date, datetime)):
        raise InvalidInput(BAD_DATE, f"due date is not a date: {type(due_date).__name__}")
    goal = session.get(Goal, step.goal_id)
    step.title, step.due_date = clean_title, due_date
    goal.updated_at = utcnow()
    session.add_all([step, goal])
    session.flush()
    return step
