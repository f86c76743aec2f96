"""A counsellor adds or suggests goals and steps; the participant answers a suggestion.

Adding puts the goal or step on the board at once. Suggesting puts it there marked as a
suggestion (``suggested``): the participant accepts it (it becomes their own) or declines it
(a declined goal is stopped, a declined step set to "declined"; both kept in the history,
nothing deleted). Only a counsellor of the caseload adds or suggests (the guard checks the
caseload in the database and audits); only the participant answers, on their own goals.
"""

from sqlmodel import Session

from jouw_omgeving.i18n import N_
from jouw_omgeving.models import Goal, GoalStep
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import GoalStatus, Role, StepStatus
from jouw_omgeving.services.access import Action, Category, refuse, require_role
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.goal_changes import (  # one lookup-or-refuse, one history writer
    _history,
    _row_or_refuse,
    goal_create,
    step_add,
)
from jouw_omgeving.services.participants import participant_by_public_id
from jouw_omgeving.services.viewer import Viewer

NOT_A_SUGGESTION = N_("Dit is geen voorstel (meer).")


def _counsellor_only(session: Session, viewer: Viewer, action: str) -> None:
    require_role(viewer, Role.COUNSELLOR, session=session, category=Category.GOALS, action=action)


def _suggest_flag(suggest: object) -> bool:
    if not isinstance(suggest, bool):
        raise InvalidInput(NOT_A_SUGGESTION, "suggest must be a boolean")
    return suggest


def counsellor_goal_add(
    session: Session,
    viewer: Viewer,
    participant_public_id: object,
    *,
    title: object,
    suggest: object = False,
) -> Goal:
    """A goal for the participant in the URL: on their board at once, or as a suggestion.

    Raises:
        AccessDenied: not a counsellor, or the participant is not on their caseload (audited).
        InvalidInput: an empty or too long title, or ``suggest`` not a boolean.
    """
    _counsellor_only(session, viewer, Action.CREATE)
    suggested = _suggest_flag(suggest)
    participant = participant_by_public_id(
        session, viewer, participant_public_id, category=Category.GOALS, action=Action.CREATE
    )
    goal = goal_create(session, viewer, participant_id=participant.id, title=title)
    if suggested:
        goal.suggested = True
        session.add(goal)
        session.flush()
    return goal


def counsellor_step_add(
    session: Session,
    viewer: Viewer,
    *,
    goal_public_id: object,
    title: object,
    suggest: object = False,
) -> GoalStep:
    """A step at the end of a goal of the caseload: added at once, or as a suggestion.

    Raises:
        AccessDenied: not a counsellor, or the goal's participant is not on their caseload.
        InvalidInput: an empty or too long title, or ``suggest`` not a boolean.
    """
    _counsellor_only(session, viewer, Action.UPDATE)
    suggested = _suggest_flag(suggest)
    step = step_add(session, viewer, goal_public_id=goal_public_id, title=title)
    if suggested:
        step.suggested = True
        session.add(step)
        session.flush()
    return step


def _own_goal(session: Session, viewer: Viewer, goal: Goal) -> None:
    """Only the participant answers a suggestion on their own goal (others refused, audited)."""
    if viewer.role == Role.PARTICIPANT and viewer.user_id == goal.participant_id:
        return
    refuse(
        session,
        viewer,
        participant_id=goal.participant_id,
        category=Category.GOALS,
        action=Action.UPDATE,
        detail="only the participant answers a suggestion",
    )


def goal_suggestion_answer(
    session: Session, viewer: Viewer, *, goal_public_id: object, accept: object
) -> Goal:
    """Accept a suggested goal (it becomes the participant's own) or decline it (stopped).

    Raises:
        AccessDenied: not the participant's own goal (audited).
        InvalidInput: the goal is no suggestion, or ``accept`` not a boolean.
    """
    goal = _row_or_refuse(session, viewer, Goal, goal_public_id, Action.UPDATE)
    _own_goal(session, viewer, goal)
    if not isinstance(accept, bool) or not goal.suggested:
        raise InvalidInput(NOT_A_SUGGESTION, f"goal {goal.id} suggested={goal.suggested}")
    goal.suggested = False
    if not accept:
        _history(session, viewer, goal, to_status=GoalStatus.STOPPED, from_status=goal.status)
        goal.status = GoalStatus.STOPPED
    goal.updated_at = utcnow()
    session.add(goal)
    session.flush()
    return goal


def step_suggestion_answer(
    session: Session, viewer: Viewer, *, step_public_id: object, accept: object
) -> GoalStep:
    """Accept a suggested step (an open step of one's own) or decline it (kept, not shown).

    Raises:
        AccessDenied: not a step of the participant's own goal (audited).
        InvalidInput: the step is no suggestion, or ``accept`` not a boolean.
    """
    step = _row_or_refuse(session, viewer, GoalStep, step_public_id, Action.UPDATE)
    goal = session.get(Goal, step.goal_id)
    _own_goal(session, viewer, goal)
    if not isinstance(accept, bool) or not step.suggested:
        raise InvalidInput(NOT_A_SUGGESTION, f"step {step.id} suggested={step.suggested}")
    step.suggested = False
    if not accept:
        _history(
            session, viewer, goal, to_status=StepStatus.DECLINED, from_status=step.status, step=step
        )
        step.status = StepStatus.DECLINED
    goal.updated_at = utcnow()
    session.add_all([step, goal])
    session.flush()
    return step
