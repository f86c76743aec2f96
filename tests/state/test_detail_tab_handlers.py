"""The participant detail page's progress, messages, network and goals tabs, and the
participant's answer to a suggestion, driven as a (hostile) browser would."""

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import Assessment, AuditEntry, Goal, GoalStep, Organisation, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, PARTICIPANT_HOME
from jouw_omgeving.services.goal_suggestions import counsellor_goal_add, counsellor_step_add
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.goal_suggestions import GoalSuggestionState
from jouw_omgeving.state.goals import GoalBoardState
from jouw_omgeving.state.goals_counsellor import CounsellorGoalsState
from jouw_omgeving.state.messages import ThreadState
from jouw_omgeving.state.network_counsellor import CounsellorNetworkState
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER, ParticipantDetailState
from jouw_omgeving.state.progress_counsellor import CounsellorProgressState
from tests.factories import (
    make_counsellor,
    make_goal,
    make_instrument,
    make_message,
    make_network_member,
    make_participant,
    make_thread,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
GARBAGE = [None, 42, ["x"], {"a": 1}, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]


@pytest.fixture
def people(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(
            session, counsellor=counsellor, display_name="Mijn Deelnemer"
        )
        organisation = session.get(Organisation, participant.organisation_id)
        make_instrument(
            session, organisation=organisation, domains=(("housing", "Wonen", "Housing"),)
        )
        thread = make_thread(session, participant=participant)
        make_message(session, thread=thread, sender=participant, body="Bel je me?")
        make_network_member(session, participant=participant, display_name="Zus Anna")
        goal = make_goal(session, participant=participant, title="Werk", steps=())
        stranger = make_participant(session, display_name="Niet Van Mij")
    return counsellor, participant, stranger, str(goal.public_id)


async def _tab(state_cls, user: User | None, public_id: object, handler: str = "load"):
    state = await state_for(
        state_cls,
        cookie=login_cookie(user) if user else None,
        query={ROUTE_PARAMETER: public_id},
    )
    events = await run_handler(getattr(state, handler))
    return state, events


def _refusals(actor: User) -> int:
    with db_session() as session:
        return len(
            session.exec(
                select(AuditEntry).where(
                    AuditEntry.actor_id == actor.id, AuditEntry.outcome == "refused"
                )
            ).all()
        )


async def test_the_tabs_show_the_own_participant(people):
    counsellor, participant, _, _ = people
    progress, _ = await _tab(CounsellorProgressState, counsellor, str(participant.public_id))
    assert progress.error == "" and [d["key"] for d in progress.domains] == ["housing"]
    assert progress.own_text == ["Nog geen beoordeling."]
    network, _ = await _tab(CounsellorNetworkState, counsellor, str(participant.public_id))
    assert [m["name"] for m in network.members] == ["Zus Anna"]
    thread, _ = await _tab(
        ThreadState, counsellor, str(participant.public_id), "load_for_participant_detail"
    )
    assert thread.error == "" and [m["body"] for m in thread.messages] == ["Bel je me?"]
    assert thread.can_write and thread.title == "Mijn Deelnemer"


@pytest.mark.parametrize("garbage", [*GARBAGE, "stranger"], ids=repr)
async def test_garbage_or_someone_elses_participant_shows_nothing(people, garbage):
    counsellor, _, stranger, _ = people
    public_id = str(stranger.public_id) if garbage == "stranger" else garbage
    before = _refusals(counsellor)
    progress, _ = await _tab(CounsellorProgressState, counsellor, public_id)
    assert (progress.error, progress.domains, progress.own_text) == (REFUSAL, [], [])
    network, _ = await _tab(CounsellorNetworkState, counsellor, public_id)
    assert (network.error, network.members) == (REFUSAL, [])
    thread, _ = await _tab(ThreadState, counsellor, public_id, "load_for_participant_detail")
    assert (thread.error, thread.messages, thread.public_id) == (REFUSAL, [], "")
    assert _refusals(counsellor) == before + 3


async def test_without_a_session_or_as_a_participant_the_tabs_redirect(people):
    _, participant, _, _ = people
    for state_cls, handler in (
        (CounsellorProgressState, "load"),
        (CounsellorProgressState, "save"),
        (CounsellorNetworkState, "load"),
        (ThreadState, "load_for_participant_detail"),
        (CounsellorGoalsState, "add_goal"),
        (CounsellorGoalsState, "add_step"),
    ):
        for user, target in ((None, LOGIN), (participant, PARTICIPANT_HOME)):
            state = await state_for(
                state_cls,
                cookie=login_cookie(user) if user else None,
                query={ROUTE_PARAMETER: str(participant.public_id)},
            )
            args = ({"title": "x"},) if handler.startswith(("add", "save")) else ()
            events = await run_handler(getattr(state, handler), *args)
            assert redirect_target(events) == target, (state_cls, handler)


async def test_the_counsellor_saves_an_assessment_and_garbage_stores_nothing(people):
    counsellor, participant, _, _ = people
    state, _ = await _tab(CounsellorProgressState, counsellor, str(participant.public_id))
    for form in (None, "x", [], {"housing": "9"}, {"housing": ["3"]}, {"housing": "3" * 50}, {}):
        await run_handler(state.save, form)
        assert state.error and state.saved == ""
    await run_handler(state.save, {"housing": "3", "note": "x" * 5000})
    assert state.error
    mine = select(Assessment).where(Assessment.participant_id == participant.id)
    with db_session() as session:
        assert session.exec(mine).all() == []
    await run_handler(state.save, {"housing": "4", "note": "Huisbezoek"})
    assert (state.error, state.saved) == ("", "Je beoordeling is opgeslagen.")
    assert state.counsellor_text == ["Wonen: 4."]
    with db_session() as session:
        stored = session.exec(mine).one()
        assert (stored.assessor_role, stored.note) == ("counsellor", "Huisbezoek")


async def test_the_counsellor_adds_or_suggests_and_the_board_on_the_page_follows(people):
    counsellor, participant, _, goal = people
    detail, _ = await _tab(ParticipantDetailState, counsellor, str(participant.public_id))
    goals = await detail.get_state(CounsellorGoalsState)
    await run_handler(goals.add_goal, {"title": "Wandelen", "how": "suggest"})
    assert goals.notice.startswith("Voorgesteld")
    await run_handler(goals.add_step, {"goal": goal, "title": "Bellen", "how": "add"})
    assert goals.notice == "De stap staat erbij."
    cards = {g["title"]: g for g in detail.goals}
    assert cards["Wandelen"]["suggested"] is True
    assert [(s["title"], s["suggested"]) for s in cards["Werk"]["steps"]] == [("Bellen", False)]


@pytest.mark.parametrize(
    "form",
    [None, "x", [], {}, {"title": ""}, {"title": 5}, {"title": "x" * 3000}, {"title": ["a"]}],
    ids=repr,
)
async def test_garbage_goal_and_step_forms_store_nothing(people, form):
    counsellor, participant, _, goal = people
    state, _ = await _tab(CounsellorGoalsState, counsellor, str(participant.public_id), "forget")
    await run_handler(state.add_goal, form)
    assert state.error and state.notice == ""
    step_form = {**form, "goal": goal} if isinstance(form, dict) else form
    await run_handler(state.add_step, step_form)
    assert state.error and state.notice == ""
    with db_session() as session:
        assert [
            g.title for g in session.exec(select(Goal).where(Goal.participant_id == participant.id))
        ] == ["Werk"]
        steps = select(GoalStep).join(Goal).where(Goal.participant_id == participant.id)
        assert session.exec(steps).all() == []


@pytest.mark.parametrize("goal_id", [*GARBAGE, "stranger"], ids=repr)
async def test_a_step_on_a_garbage_or_foreign_goal_is_refused(people, goal_id):
    counsellor, participant, stranger, _ = people
    if goal_id == "stranger":
        with db_session() as session:
            goal_id = str(make_goal(session, participant=stranger, steps=()).public_id)
    state, _ = await _tab(CounsellorGoalsState, counsellor, str(participant.public_id), "forget")
    await run_handler(state.add_step, {"goal": goal_id, "title": "Stap"})
    assert state.error == REFUSAL
    await run_handler(state.add_goal, {"title": "Doel"})  # the URL's participant is fine
    assert state.error == ""


async def test_a_foreign_participant_in_the_url_gets_no_goal(people):
    counsellor, _, stranger, _ = people
    state, _ = await _tab(CounsellorGoalsState, counsellor, str(stranger.public_id), "forget")
    await run_handler(state.add_goal, {"title": "Doel"})
    assert state.error == REFUSAL
    with db_session() as session:
        assert session.exec(select(Goal).where(Goal.participant_id == stranger.id)).all() == []


async def test_the_participant_answers_and_hostile_answers_change_nothing(people):
    counsellor, participant, stranger, goal = people
    with db_session() as session:
        viewer = Viewer.of(session.get(User, counsellor.id))
        suggestion = counsellor_goal_add(
            session, viewer, str(participant.public_id), title="Wandelen", suggest=True
        )
        step = counsellor_step_add(session, viewer, goal_public_id=goal, title="Bel", suggest=True)
        ids = str(suggestion.public_id), str(step.public_id)
    state = await state_for(GoalSuggestionState, cookie=login_cookie(participant))
    for bad_id, bad_accept in ((None, True), (42, True), ("x", True), (ids[0], "ja"), (ids[0], 1)):
        await run_handler(state.answer_goal, bad_id, bad_accept)
        assert state.error and state.notice == ""
        await run_handler(state.answer_step, bad_id if bad_id != ids[0] else ids[1], bad_accept)
        assert state.error
    await run_handler(state.answer_goal, ids[0], True)
    assert state.notice == "Fijn! Het staat nu bij je doelen."
    await run_handler(state.answer_step, ids[1], False)
    assert state.notice == "Goed. Het voorstel is weg."
    board = await state.get_state(GoalBoardState)
    cards = {g["title"]: g for g in board.goals}
    assert cards["Wandelen"]["suggested"] is False and cards["Werk"]["steps"] == []
    # Someone else's participant, or a counsellor, cannot answer.
    other = await state_for(GoalSuggestionState, cookie=login_cookie(stranger))
    await run_handler(other.answer_goal, ids[0], False)
    assert other.error
    staff = await state_for(GoalSuggestionState, cookie=login_cookie(counsellor))
    assert redirect_target(await run_handler(staff.answer_goal, ids[0], False)) == COUNSELLOR_HOME
    with db_session() as session:
        assert session.get(Goal, suggestion.id).status == "active"
