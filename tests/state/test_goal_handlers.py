"""The goal board's handlers called as a hostile browser would: other people's ids, garbage.

Nothing may change, nothing may be shown, and the refusal is a plain sentence.
"""

import uuid
from dataclasses import dataclass

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import Goal, GoalShare, GoalStep, Organisation, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN
from jouw_omgeving.state.goal_new import NewGoalState
from jouw_omgeving.state.goals import ROUTE_PARAMETER, GoalBoardState, GoalState
from jouw_omgeving.state.network import NetworkHomeState
from jouw_omgeving.state.settings import SettingsState
from tests.factories import (
    make_counsellor,
    make_goal,
    make_instrument,
    make_network_member,
    make_participant,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
GARBAGE = [None, "", "not-a-uuid", "0" * 10_000, 12, 1.5, True, ["a"], {"$ne": None}]
# What may not be a title or a "done" flag (a string like "not-a-uuid" is a fine title).
NOT_TEXT = [g for g in GARBAGE if not isinstance(g, str) or len(g) > 300 or not g]


@dataclass
class World:
    """Me with a goal, a step and a network member; someone else with the same."""

    me: User
    goal: str
    step: str
    member: str
    other: User
    other_goal: str
    other_step: str
    other_member: str
    counsellor: User


def _goal_and_step(session, participant: User, title: str) -> tuple[str, str]:
    goal = make_goal(session, participant=participant, title=title, steps=("Stap",))
    step = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).one()
    return str(goal.public_id), str(step.public_id)


@pytest.fixture
def world(app_db) -> World:
    """Committed to the app's database, where the handlers look."""
    with db_session() as session:
        me, other = make_participant(session), make_participant(session)
        goal, step = _goal_and_step(session, me, "Mijn doel")
        other_goal, other_step = _goal_and_step(session, other, "Geheim doel")
        member = make_network_member(session, participant=me)
        other_member = make_network_member(session, participant=other)
        return World(
            me,
            goal,
            step,
            str(member.public_id),
            other,
            other_goal,
            other_step,
            str(other_member.public_id),
            make_counsellor(session),
        )


def _unchanged(world: World) -> None:
    """The other participant's goal is exactly as the factory made it."""
    with db_session() as session:
        goal = session.exec(select(Goal).where(Goal.participant_id == world.other.id)).one()
        assert (goal.title, goal.status, goal.helpers) == ("Geheim doel", "active", None)
        steps = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).all()
        assert [(s.title, s.status) for s in steps] == [("Stap", "open")]
        assert session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all() == []


async def _goal_state(user: User | None, goal_public_id: object = None) -> GoalState:
    return await state_for(
        GoalState,
        cookie=login_cookie(user) if user else None,
        path="/deelnemer/doel/[goal_public_id]",
        query={ROUTE_PARAMETER: goal_public_id},
    )


async def test_opening_another_participants_goal_shows_nothing(world):
    state = await _goal_state(world.me, world.other_goal)
    await run_handler(state.load)
    assert (state.goal["public_id"], state.goal["title"], state.error) == ("", "", REFUSAL)
    assert state.shares == []
    state = await _goal_state(world.me, world.goal)
    await run_handler(state.load)
    assert state.goal["title"] == "Mijn doel"
    assert [c["member_public_id"] for c in state.shares] == [world.member]


async def test_writing_another_participants_goal_is_refused(world):
    state = await _goal_state(world.me, world.goal)
    await run_handler(state.load)
    calls = [
        (state.add_step, {"goal": world.other_goal, "title": "Ingebroken"}),
        (state.mark_step, world.other_step, True),
        (state.set_status, world.other_goal, "paused"),
        (state.set_status, world.other_goal, "done"),
        (state.save_edit, {"goal": world.other_goal, "title": "x", "helpers": "", "due_date": ""}),
        (state.set_shared, world.other_goal, world.other_member, True),
        (state.set_shared, world.goal, world.other_member, True),  # not my network member
    ]
    for handler, *args in calls:
        await run_handler(handler, *args)
        assert state.error == REFUSAL, handler.__name__
        assert state.goal["title"] == "Mijn doel"  # still my own goal on screen
    _unchanged(world)
    with db_session() as session:
        goal = session.exec(select(Goal).where(Goal.participant_id == world.me.id)).one()
        assert session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all() == []


@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
async def test_garbage_arguments_change_nothing(world, garbage):
    state = await _goal_state(world.me, garbage)
    await run_handler(state.load)
    assert state.goal["public_id"] == "" and state.error == REFUSAL
    state = await _goal_state(world.me, world.goal)
    await run_handler(state.load)
    text_garbage = garbage if garbage in NOT_TEXT else None
    flag_garbage = None if isinstance(garbage, bool) else garbage
    calls = [
        (state.add_step, garbage),
        (state.add_step, {"goal": garbage, "title": "x"}),
        (state.add_step, {"goal": world.goal, "title": text_garbage}),
        (state.mark_step, garbage, True),
        (state.mark_step, world.step, flag_garbage),
        (state.set_status, garbage, "paused"),
        (state.set_status, world.goal, garbage),
        (state.save_edit, garbage),
        (state.save_edit, {"goal": world.goal, "title": "Mijn doel", "due_date": garbage}),
        (state.set_shared, garbage, world.member, True),
        (state.set_shared, world.goal, garbage, True),
        (state.set_shared, world.goal, world.member, flag_garbage),
    ]
    for handler, *args in calls:
        await run_handler(handler, *args)
    with db_session() as session:
        goal = session.exec(select(Goal).where(Goal.participant_id == world.me.id)).one()
        steps = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).all()
        assert (goal.title, goal.status) == ("Mijn doel", "active")
        assert [(s.title, s.status) for s in steps] == [("Stap", "open")]
        assert session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all() == []


async def test_over_long_and_empty_text_is_refused_in_plain_words(world):
    state = await _goal_state(world.me, world.goal)
    await run_handler(state.load)
    for title in ("a" * 301, "a" * 100_000):
        events = await run_handler(state.add_step, {"goal": world.goal, "title": title})
        assert state.error == "Dit is te lang. Maak het korter."
        assert events == []  # the field is not cleared: nothing typed is lost
    await run_handler(state.add_step, {"goal": world.goal, "title": " \x00 "})
    assert state.error == "Schrijf eerst op wat de stap is."
    assert state.goal["steps_total"] == 1


async def test_new_goal_handlers_refuse_garbage(world):
    state = await state_for(NewGoalState, cookie=login_cookie(world.me))
    await run_handler(state.load)
    for garbage in GARBAGE:
        assert await run_handler(state.choose_starter, garbage, 0) == []
        assert await run_handler(state.choose_starter, "wonen", garbage) == []
        await run_handler(state.create, garbage)
        assert state.error
    for garbage in NOT_TEXT:
        await run_handler(state.create, {"title": garbage, "due_date": "", "helpers": ""})
        assert state.error
    for title in ("", "   ", "a" * 301):
        await run_handler(state.create, {"title": title, "due_date": "", "helpers": ""})
        assert state.error
    await run_handler(state.create, {"title": "Ok", "due_date": "2027-13-45", "helpers": ""})
    assert state.error == "Kies een datum uit de kalender."
    with db_session() as session:
        titles = session.exec(select(Goal.title).where(Goal.participant_id == world.me.id)).all()
    assert titles == ["Mijn doel"]


async def test_settings_refuse_garbage_and_write_only_my_own(world):
    state = await state_for(SettingsState, cookie=login_cookie(world.me))
    for garbage in [*GARBAGE, "de"]:
        await run_handler(state.set_language, garbage)
        assert state.error
    for garbage in ("true", 1, None, ["x"]):
        await run_handler(state.set_large_text, garbage)
        assert state.error
    await run_handler(state.set_large_text, True)
    await run_handler(state.set_language, "en")
    assert state.error == ""
    with db_session() as session:
        me, other = session.get(User, world.me.id), session.get(User, world.other.id)
        assert (me.large_text, me.language) == (True, "en")
        assert (other.large_text, other.language) == (False, "nl")


async def test_every_handler_needs_the_right_login(world):
    handlers = [
        (GoalBoardState, "load"),
        (GoalState, "load"),
        (GoalState, "add_step", {"goal": world.goal, "title": "x"}),
        (GoalState, "mark_step", world.step, True),
        (GoalState, "set_status", world.goal, "paused"),
        (GoalState, "save_edit", {"goal": world.goal, "title": "x"}),
        (GoalState, "set_shared", world.goal, world.member, True),
        (GoalState, "start_edit"),
        (GoalState, "cancel_edit"),
        (NewGoalState, "load"),
        (NewGoalState, "choose_starter", "wonen", 0),
        (NewGoalState, "create", {"title": "x"}),
        (SettingsState, "load"),
        (SettingsState, "set_large_text", True),
        (SettingsState, "set_language", "en"),
    ]
    for who, home in ((None, LOGIN), (world.counsellor, COUNSELLOR_HOME)):
        for state_cls, name, *args in handlers:
            state = await state_for(state_cls, cookie=login_cookie(who) if who else None)
            events = await run_handler(getattr(state, name), *args)
            assert redirect_target(events) == home, (state_cls.__name__, name)
    network = await state_for(NetworkHomeState, cookie=login_cookie(world.me))
    assert redirect_target(await run_handler(network.load)) == "/deelnemer"
    with db_session() as session:
        goal = session.exec(select(Goal).where(Goal.participant_id == world.me.id)).one()
        assert (goal.title, goal.status) == ("Mijn doel", "active")
        assert len(session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).all()) == 1


async def test_a_starter_fills_the_title_and_the_goal_gets_its_domain(world):
    with db_session() as session:
        organisation = session.get(Organisation, world.me.organisation_id)
        make_instrument(session, organisation=organisation, domains=[("wonen", "Wonen", "Housing")])
    state = await state_for(NewGoalState, cookie=login_cookie(world.me))
    await run_handler(state.load)
    assert [d["name"] for d in state.domains] == ["Wonen"]
    assert await run_handler(state.choose_starter, "wonen", 99) == []
    assert await run_handler(state.choose_starter, "geld", 0) == []
    assert state.domain_key == ""
    events = await run_handler(state.choose_starter, "wonen", 0)
    assert "Ik wil een eigen postadres" in repr(events)
    assert state.domain_key == "wonen"
    events = await run_handler(
        state.create, {"title": "Ik wil een eigen postadres", "due_date": "", "helpers": ""}
    )
    assert redirect_target(events).startswith("/deelnemer/doel/")
    with db_session() as session:
        goal = session.exec(
            select(Goal).where(
                Goal.participant_id == world.me.id, Goal.title == "Ik wil een eigen postadres"
            )
        ).one()
        assert goal.life_domain_id is not None


async def test_the_network_page_shows_only_what_is_shared_now(world):
    with db_session() as session:
        member = session.exec(select(User).where(User.public_id == uuid.UUID(world.member))).one()
    state = await state_for(NetworkHomeState, cookie=login_cookie(member))
    await run_handler(state.load)
    assert state.shared == []
    me = await _goal_state(world.me, world.goal)
    await run_handler(me.load)
    await run_handler(me.set_shared, world.goal, world.member, True)
    assert me.shares[0]["shared"] is True
    await run_handler(state.load)
    assert [s["goal"]["title"] for s in state.shared] == ["Mijn doel"]
    await run_handler(me.set_shared, world.goal, world.member, False)
    await run_handler(state.load)
    assert state.shared == []
