"""Reading goals: the whole board, or one goal (a network member's shared goal).

The participant's own board shows a preview of each goal (:func:`board_preview`): how many
steps are done, the next few open steps and every suggestion still to answer; the goal's own
page shows all steps.
"""

from datetime import date
from typing import TypedDict

from sqlmodel import Session, select

from jouw_omgeving.i18n import DEFAULT_LANGUAGE, format_date
from jouw_omgeving.models import Goal, GoalStep
from jouw_omgeving.models.enums import GoalStatus, StepStatus
from jouw_omgeving.services.access import require_participant_access
from jouw_omgeving.services.goal_changes import goal_by_public_id
from jouw_omgeving.services.viewer import Viewer


class StepRow(TypedDict):
    """One step as a page shows it."""

    public_id: str
    title: str
    done: bool
    due_date: str  # ISO date or ""
    due_label: str  # the due date in the reader's language ("5 januari 2027") or ""
    overdue: bool  # still open after its due date
    suggested: bool  # a counsellor's suggestion the participant has not answered yet


class GoalCard(TypedDict):
    """One goal with its steps, small enough to send to a browser."""

    public_id: str
    title: str
    status: str
    due_date: str
    due_label: str
    helpers: str
    steps_done: int
    steps_total: int
    steps: list[StepRow]
    suggested: bool  # a counsellor's suggestion the participant has not answered yet


class BoardCard(GoalCard):
    """A goal on the participant's board: ``steps`` is a preview, ``steps_more`` the rest."""

    steps_more: int  # steps not on the card (done ones, and open ones after the first few)


# A cheap phone renders the board fast, and a short card is read at a glance.
BOARD_OPEN_STEPS = 3

_STATUS_ORDER = {GoalStatus.ACTIVE: 0, GoalStatus.PAUSED: 1, GoalStatus.DONE: 2}


def goal_board(
    session: Session,
    viewer: Viewer,
    *,
    participant_id: int,
    today: date | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> list[GoalCard]:
    """The participant's goals (active first), each with its steps in order."""
    require_participant_access(session, viewer, participant_id=participant_id, category="goals")
    today = today or date.today()
    goals = session.exec(
        select(Goal)
        .where(Goal.participant_id == participant_id, Goal.status != GoalStatus.STOPPED)
        .order_by(Goal.created_at.desc())
    ).all()
    steps = steps_by_goal(session, [g.id for g in goals])
    cards = [goal_card_of(goal, steps[goal.id], today, lang) for goal in goals]
    cards.sort(key=lambda c: _STATUS_ORDER.get(GoalStatus(c["status"]), 3))
    return cards


def board_preview(card: GoalCard, open_steps: int = BOARD_OPEN_STEPS) -> BoardCard:
    """The card for the board: the next ``open_steps`` open steps and every suggested step.

    A suggestion waits for the participant's answer, so it always stays on the card; done
    steps are counted ("2 / 5 stappen klaar"), not listed. The order of the steps is kept.
    """
    shown, open_left = [], open_steps
    for step in card["steps"]:
        if step["suggested"]:
            shown.append(step)
        elif not step["done"] and open_left > 0:
            shown.append(step)
            open_left -= 1
    return BoardCard(**{**card, "steps": shown}, steps_more=len(card["steps"]) - len(shown))


def steps_by_goal(session: Session, goal_ids: list[int]) -> dict[int, list[GoalStep]]:
    """The steps of these goals in order, in one query (the caller has guarded the goals)."""
    found: dict[int, list[GoalStep]] = {goal_id: [] for goal_id in goal_ids}
    if goal_ids:
        for step in session.exec(
            select(GoalStep)
            .where(GoalStep.goal_id.in_(goal_ids), GoalStep.status != StepStatus.DECLINED)
            .order_by(GoalStep.goal_id, GoalStep.position, GoalStep.id)
        ).all():
            found[step.goal_id].append(step)
    return found


def goal_detail(
    session: Session,
    viewer: Viewer,
    *,
    goal_public_id: object,
    today: date | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> GoalCard:
    """One goal with its steps; network members reach only goals shared with them.

    Raises:
        AccessDenied: unknown, malformed or not allowed (one message for all three).
    """
    goal = goal_by_public_id(session, viewer, goal_public_id)
    steps = session.exec(
        select(GoalStep)
        .where(GoalStep.goal_id == goal.id, GoalStep.status != StepStatus.DECLINED)
        .order_by(GoalStep.position, GoalStep.id)
    ).all()
    return goal_card_of(goal, list(steps), today, lang)


def _label(day: date | None, lang: str) -> str:
    return format_date(day, lang) if day else ""


def goal_card_of(
    goal: Goal, steps: list[GoalStep], today: date | None = None, lang: str = DEFAULT_LANGUAGE
) -> GoalCard:
    """The browser-sized card of a goal the caller was already allowed to read."""
    today = today or date.today()
    rows: list[StepRow] = [
        StepRow(
            public_id=str(s.public_id),
            title=s.title,
            done=s.status == StepStatus.DONE,
            due_date=s.due_date.isoformat() if s.due_date else "",
            due_label=_label(s.due_date, lang),
            overdue=s.status == StepStatus.OPEN and s.due_date is not None and s.due_date < today,
            suggested=s.suggested,
        )
        for s in steps
    ]
    return GoalCard(
        public_id=str(goal.public_id),
        title=goal.title,
        status=goal.status,
        due_date=goal.due_date.isoformat() if goal.due_date else "",
        due_label=_label(goal.due_date, lang),
        helpers=goal.helpers or "",
        steps_done=sum(r["done"] for r in rows),
        steps_total=len(rows),
        steps=rows,
        suggested=goal.suggested,
    )
