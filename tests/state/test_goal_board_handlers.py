"""The participant's goal board: a short preview per goal, in the reader's own language."""

from datetime import date

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.models.enums import StepStatus
from jouw_omgeving.services.goal_suggestions import counsellor_goal_add, counsellor_step_add
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goal_suggestions import GoalSuggestionState
from jouw_omgeving.state.goals import GoalBoardState
from tests.factories import make_counsellor, make_goal, make_goal_step, make_participant
from tests.state.helpers import login_cookie, run_handler, state_for

pytestmark = pytest.mark.anyio
DUE = date(2031, 3, 5)


@pytest.fixture
def english_reader(app_db):
    """An English-reading participant with a long goal (one step done) and a suggestion."""
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor, language="en")
        goal = make_goal(session, participant=participant, title="Werk", steps=(), due_date=DUE)
        make_goal_step(session, goal=goal, title="CV maken", status=StepStatus.DONE)
        for position, title in enumerate(("Bellen", "Mailen", "Langsgaan", "Solliciteren"), 1):
            make_goal_step(session, goal=goal, title=title, position=position, due_date=DUE)
        viewer = Viewer.of(counsellor)
        step = counsellor_step_add(
            session, viewer, goal_public_id=str(goal.public_id), title="Vacatures", suggest=True
        )
        suggestion = counsellor_goal_add(
            session, viewer, str(participant.public_id), title="Wandelen", suggest=True
        )
        return participant, str(step.public_id), str(suggestion.public_id)


def _cards(board: GoalBoardState) -> dict:
    return {card["title"]: card for card in board.goals}


async def test_the_board_shows_the_next_three_steps_and_every_suggestion(english_reader):
    participant, _, _ = english_reader
    board = await state_for(GoalBoardState, cookie=login_cookie(participant))
    await run_handler(board.load)
    work = _cards(board)["Werk"]
    assert (work["steps_done"], work["steps_total"]) == (1, 6)
    assert [s["title"] for s in work["steps"]] == ["Bellen", "Mailen", "Langsgaan", "Vacatures"]
    assert work["steps_more"] == 2  # the done step and "Solliciteren"
    assert work["due_label"] == "March 5, 2031"
    assert {s["due_label"] for s in work["steps"] if not s["suggested"]} == {"March 5, 2031"}


async def test_after_answering_a_suggestion_the_board_stays_in_the_readers_language(
    english_reader,
):
    participant, step, goal = english_reader
    answers = await state_for(GoalSuggestionState, cookie=login_cookie(participant))
    board = await answers.get_state(GoalBoardState)
    await run_handler(board.load)
    await run_handler(answers.answer_step, step, True)
    assert answers.notice == "Great! It is now with your goals."
    work = _cards(board)["Werk"]
    assert work["due_label"] == "March 5, 2031"  # was "5 maart 2031" after an answer
    assert work["steps"][0]["due_label"] == "March 5, 2031"
    # Accepted, "Vacatures" is an ordinary open step: after the first three, off the card.
    assert [s["title"] for s in work["steps"]] == ["Bellen", "Mailen", "Langsgaan"]
    assert (work["steps_total"], work["steps_more"]) == (6, 3)
    await run_handler(answers.answer_goal, goal, False)
    assert "Wandelen" not in _cards(board)
    assert _cards(board)["Werk"]["due_label"] == "March 5, 2031"
