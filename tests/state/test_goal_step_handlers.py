"""Changing a step's words and due date, as a participant and as a hostile browser would."""

from datetime import date

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, GoalStep
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN
from jouw_omgeving.state.goal_steps import StepEditState
from jouw_omgeving.state.goal_suggestions import GoalSuggestionState
from jouw_omgeving.state.goals import GoalBoardState, GoalState
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for
from tests.state.test_goal_handlers import GARBAGE, NOT_TEXT, REFUSAL, _goal_state, world

pytestmark = pytest.mark.anyio
__all__ = ["world"]  # the fixture, shared with the goal board's handler tests


async def _states(world) -> tuple[GoalState, StepEditState]:
    goal_state = await _goal_state(world.me, world.goal)
    await run_handler(goal_state.load)
    return goal_state, await goal_state.get_state(StepEditState)


def _step(public_id: str) -> tuple[str, date | None]:
    with db_session() as session:
        step = session.exec(select(GoalStep)).all()
        found = next(s for s in step if str(s.public_id) == public_id)
        return found.title, found.due_date


async def test_change_a_step_give_it_a_date_then_take_the_date_away(world):
    goal_state, edit = await _states(world)
    await run_handler(edit.start, world.step)
    assert edit.editing == world.step
    form = {"step": world.step, "title": " Bellen met de bank ", "due_date": "2030-02-03"}
    await run_handler(edit.save, form)
    assert (goal_state.error, goal_state.notice, edit.editing) == ("", "De stap is aangepast.", "")
    assert _step(world.step) == ("Bellen met de bank", date(2030, 2, 3))
    [row] = goal_state.goal["steps"]
    assert (row["title"], row["due_label"], row["overdue"]) == (
        "Bellen met de bank",
        "3 februari 2030",
        False,
    )
    await run_handler(edit.remove_date, world.step)
    assert goal_state.notice == "De datum is weg."
    assert _step(world.step) == ("Bellen met de bank", None)
    assert goal_state.goal["steps"][0]["due_label"] == ""


async def test_a_past_date_marks_the_open_step_late(world):
    goal_state, edit = await _states(world)
    await run_handler(edit.save, {"step": world.step, "title": "Stap", "due_date": "2001-01-01"})
    assert goal_state.goal["steps"][0]["overdue"]


async def test_a_refused_change_keeps_the_form_open(world):
    goal_state, edit = await _states(world)
    await run_handler(edit.start, world.step)
    await run_handler(edit.save, {"step": world.step, "title": " ", "due_date": ""})
    assert goal_state.error == "Schrijf eerst op wat de stap is."
    assert edit.editing == world.step
    await run_handler(edit.save, {"step": world.step, "title": "x", "due_date": "1800-01-01"})
    assert goal_state.error == "Kies een datum uit de kalender."
    await run_handler(edit.cancel)
    assert (edit.editing, goal_state.error) == ("", "")
    await run_handler(edit.start, world.step)
    await run_handler(edit.open_goal)  # another goal page opened
    assert edit.editing == ""
    assert _step(world.step) == ("Stap", None)


async def test_another_participants_step_is_refused_and_audited(world):
    goal_state, edit = await _states(world)
    await run_handler(edit.start, world.other_step)
    assert edit.editing == ""  # not a step on my screen
    await run_handler(edit.save, {"step": world.other_step, "title": "Ingebroken", "due_date": ""})
    assert goal_state.error == REFUSAL
    await run_handler(edit.remove_date, world.other_step)
    assert goal_state.error == REFUSAL
    assert _step(world.other_step) == ("Stap", None)
    with db_session() as session:
        refused = session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == world.me.id, AuditEntry.outcome == "refused"
            )
        ).all()
    assert len(refused) == 2


@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
async def test_garbage_arguments_change_nothing(world, garbage):
    goal_state, edit = await _states(world)
    text_garbage = garbage if garbage in NOT_TEXT else None
    calls = [
        (edit.start, garbage),
        (edit.save, garbage),
        (edit.save, {"step": garbage, "title": "x", "due_date": ""}),
        (edit.save, {"step": world.step, "title": text_garbage, "due_date": ""}),
        # ("" is a fine "no date"; the title is the stored one, so nothing may change)
        (edit.save, {"step": world.step, "title": "Stap", "due_date": garbage}),
        (edit.remove_date, garbage),
    ]
    for handler, *args in calls:
        await run_handler(handler, *args)
    assert edit.editing == ""
    assert _step(world.step) == ("Stap", None)
    assert goal_state.goal["title"] == "Mijn doel"


@pytest.mark.parametrize(("who", "home"), [(None, LOGIN), ("counsellor", COUNSELLOR_HOME)])
async def test_every_step_handler_needs_a_participant_login(world, who, home):
    calls = [
        ("start", world.step),
        ("open_goal",),
        ("cancel",),
        ("save", {"step": world.step, "title": "x", "due_date": ""}),
        ("remove_date", world.step),
    ]
    user = world.counsellor if who else None
    for name, *args in calls:
        state = await state_for(StepEditState, cookie=login_cookie(user) if user else None)
        assert redirect_target(await run_handler(getattr(state, name), *args)) == home, name
    assert _step(world.step) == ("Stap", None)


async def test_the_goal_page_opens_with_one_event_and_no_step_form_open(world):
    goal_state, edit = await _states(world)
    await run_handler(edit.start, world.step)
    await run_handler(edit.open_goal)  # the page's on_load, e.g. after another goal page
    assert (edit.editing, goal_state.goal["title"], goal_state.error) == ("", "Mijn doel", "")

    elsewhere = await _goal_state(world.me, world.other_goal)
    await run_handler((await elsewhere.get_state(StepEditState)).open_goal)
    assert (elsewhere.goal["title"], elsewhere.error) == ("", REFUSAL)

    outsider = await _goal_state(None, world.goal)
    events = await run_handler((await outsider.get_state(StepEditState)).open_goal)
    assert redirect_target(events) == LOGIN and outsider.goal["title"] == ""


async def test_the_goal_board_opens_with_one_event_without_the_old_notice(world):
    suggestions = await state_for(GoalSuggestionState, cookie=login_cookie(world.me))
    suggestions.notice = "Een oud bericht"
    await run_handler(suggestions.open_board)
    board = await suggestions.get_state(GoalBoardState)
    assert suggestions.notice == ""
    assert [g["title"] for g in board.goals] == ["Mijn doel"] and board.loaded
    counsellor = await state_for(GoalSuggestionState, cookie=login_cookie(world.counsellor))
    assert redirect_target(await run_handler(counsellor.open_board)) == COUNSELLOR_HOME
