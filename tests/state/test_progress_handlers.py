"""Progress, self-assessment and check-in handlers called as a (hostile) browser would."""

from dataclasses import dataclass

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import Assessment, CheckIn, Organisation, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, PARTICIPANT_PROGRESS
from jouw_omgeving.state.check_in import CheckInState
from jouw_omgeving.state.progress import ProgressState
from jouw_omgeving.state.self_assessment import SelfAssessmentState
from tests.factories import make_assessment, make_counsellor, make_instrument, make_participant
from tests.state.helpers import login_cookie, redirect_target, run_handler, set_router, state_for

pytestmark = pytest.mark.anyio
DOMAINS = (("housing", "Wonen", "Housing"), ("money", "Geld", "Money"))
GARBAGE_VALUES = [0, 6, -1, True, "3", 2.5, None, [3], {"$ne": 1}, "0" * 10_000]
GARBAGE_KEYS = ["", "../../etc/passwd", "x" * 10_000, 123, None, ["housing"], {"k": 1}, "wonen"]


@dataclass
class World:
    """A participant with their own instrument and history, another participant, a counsellor."""

    me: User
    other: User
    counsellor: User


@pytest.fixture
def world(app_db) -> World:
    with db_session() as session:
        counsellor = make_counsellor(session)
        me = make_participant(session, counsellor=counsellor)
        organisation = session.get(Organisation, me.organisation_id)
        instrument = make_instrument(session, organisation=organisation, domains=DOMAINS)
        make_assessment(
            session, participant=me, instrument=instrument, scores={"housing": 2, "money": 3}
        )
        other = make_participant(session)
    return World(me, other, counsellor)


def _assessments(user: User) -> int:
    with db_session() as session:
        return len(
            session.exec(select(Assessment).where(Assessment.participant_id == user.id)).all()
        )


def _check_ins(user: User) -> list[CheckIn]:
    with db_session() as session:
        return list(session.exec(select(CheckIn).where(CheckIn.participant_id == user.id)))


async def _assessment_state(user: User | None) -> SelfAssessmentState:
    state = await state_for(SelfAssessmentState, cookie=login_cookie(user) if user else None)
    await run_handler(state.load)
    return state


# --- the overview --------------------------------------------------------------------------


async def test_progress_page_shows_a_summary_first_and_the_charts_on_request(world):
    state = await state_for(ProgressState, cookie=login_cookie(world.me))
    assert await run_handler(state.load) == []
    assert state.loaded and state.error == ""
    assert state.has_scores
    # Before "Bekijk grafiek": faces and words only, no figure sent to the browser.
    assert not state.charts_shown
    assert state.over_time_figure.data == ()
    assert [(r["domain_name"], r["own"], r["counsellor"]) for r in state.summary] == [
        ("Wonen", "Jij: 2 van 5", "Je begeleider: nog niet ingevuld"),
        ("Geld", "Jij: 3 van 5", "Je begeleider: nog niet ingevuld"),
    ]
    assert all(row["face"] for row in state.summary)
    assert await run_handler(state.show_charts) == []
    assert state.charts_shown
    assert [trace.name for trace in state.over_time_figure.data] == ["Wonen", "Geld"]
    assert state.over_time_text == ["Je score voor Wonen is 2.", "Je score voor Geld is 3."]
    assert state.side_text == [
        "Wonen: jij 2, je begeleider nog niet.",
        "Geld: jij 3, je begeleider nog niet.",
    ]


@pytest.mark.parametrize("name", [*GARBAGE_KEYS, "steps"], ids=lambda v: repr(v)[:20])
async def test_show_chart_accepts_only_the_three_charts(world, name):
    state = await state_for(ProgressState, cookie=login_cookie(world.me))
    await run_handler(state.show_chart, name)
    assert state.chart == ("steps" if name == "steps" else "over_time")


async def test_hiding_the_charts_and_a_new_load_start_from_the_summary(world):
    state = await state_for(ProgressState, cookie=login_cookie(world.me))
    await run_handler(state.load)
    await run_handler(state.show_charts)
    await run_handler(state.hide_charts)
    assert not state.charts_shown
    await run_handler(state.show_charts)
    await run_handler(state.load)
    assert not state.charts_shown


@pytest.mark.parametrize(
    ("who", "target"), [("counsellor", COUNSELLOR_HOME), (None, LOGIN)], ids=["counsellor", "anon"]
)
@pytest.mark.parametrize("handler", ["load", "show_charts", "hide_charts"])
async def test_only_participants_open_their_progress(world, who, target, handler):
    state = await state_for(ProgressState, cookie=login_cookie(world.counsellor) if who else None)
    assert redirect_target(await run_handler(getattr(state, handler))) == target
    assert not state.loaded and not state.charts_shown
    assert state.over_time_text == [] and state.summary == []


# --- the self-assessment -------------------------------------------------------------------


async def test_the_whole_self_assessment_then_the_chart_shows_it(world):
    state = await _assessment_state(world.me)
    assert [d["key"] for d in state.domains] == ["housing", "money"]
    await run_handler(state.next_step)
    assert state.step == 0 and state.error == "Kies eerst een gezichtje."
    await run_handler(state.choose, 4)
    await run_handler(state.next_step)
    await run_handler(state.choose, 5)
    # A reload of the same tab keeps the answers so far.
    await run_handler(state.load)
    assert state.answers == {"housing": 4, "money": 5} and state.step == 1
    await run_handler(state.next_step)
    assert state.on_check_screen
    assert [(row["key"], row["value"]) for row in state.summary] == [("housing", 4), ("money", 5)]
    await run_handler(state.edit, "housing")
    assert state.step == 0
    await run_handler(state.choose, 3)
    events = await run_handler(state.save)
    assert redirect_target(events) == PARTICIPANT_PROGRESS
    assert _assessments(world.me) == 2
    assert state.answers == {}
    progress = await state.get_state(ProgressState)
    await run_handler(progress.load)
    assert progress.notice == "Je antwoorden zijn opgeslagen. Goed gedaan!"
    assert "Je score voor Wonen ging van 2 naar 3." in progress.over_time_text
    await run_handler(progress.load)
    assert progress.notice == ""  # shown once


@pytest.mark.parametrize("value", GARBAGE_VALUES, ids=lambda v: repr(v)[:20])
async def test_choose_ignores_values_off_the_scale(world, value):
    state = await _assessment_state(world.me)
    await run_handler(state.choose, value)
    assert state.answers == {}


@pytest.mark.parametrize("key", GARBAGE_KEYS, ids=lambda v: repr(v)[:20])
async def test_edit_ignores_unknown_domain_keys(world, key):
    state = await _assessment_state(world.me)
    await run_handler(state.choose, 2)
    await run_handler(state.next_step)
    await run_handler(state.edit, key)
    assert state.step == 1


async def test_saving_half_an_assessment_stores_nothing(world):
    state = await _assessment_state(world.me)
    await run_handler(state.choose, 2)
    events = await run_handler(state.save)
    assert redirect_target(events) is None
    assert state.error == "Geef bij elk onderwerp een antwoord."
    assert _assessments(world.me) == 1


async def test_answers_never_carry_over_to_another_person_in_the_same_tab(world):
    state = await _assessment_state(world.me)
    await run_handler(state.choose, 2)
    set_router(state, cookie=login_cookie(world.other))
    await run_handler(state.load)
    assert state.answers == {}
    await run_handler(state.choose, 2)
    events = await run_handler(state.save)
    # The other participant has no instrument of their own organisation: an open one or none.
    assert _assessments(world.me) == 1
    assert redirect_target(events) in (None, PARTICIPANT_PROGRESS)


@pytest.mark.parametrize("handler", ["choose", "next_step", "previous_step", "edit", "save"])
async def test_a_counsellor_calling_the_handlers_is_sent_away(world, handler):
    state = await _assessment_state(world.counsellor)
    args = {"choose": (3,), "edit": ("housing",)}.get(handler, ())
    events = await run_handler(getattr(state, handler), *args)
    assert redirect_target(events) == COUNSELLOR_HOME
    assert state.domains == [] and state.answers == {}
    assert _assessments(world.me) == 1


# --- the weekly check-in -------------------------------------------------------------------


async def _check_in_state(user: User) -> CheckInState:
    state = await state_for(CheckInState, cookie=login_cookie(user))
    await run_handler(state.load)
    return state


async def test_a_check_in_then_a_second_one_updates_it(world):
    state = await _check_in_state(world.other)
    assert not state.already_this_week
    assert redirect_target(await run_handler(state.save, {"note": ""})) is None
    assert state.error == "Kies eerst een gezichtje."
    await run_handler(state.choose_mood, 2)
    assert redirect_target(await run_handler(state.save, {"note": " Zware week "})) == (
        PARTICIPANT_PROGRESS
    )
    again = await _check_in_state(world.other)
    assert again.already_this_week and again.mood == 2 and again.note == "Zware week"
    await run_handler(again.choose_mood, 4)
    await run_handler(again.save, {"note": ""})
    assert [(c.mood, c.note) for c in _check_ins(world.other)] == [(4, None)]
    progress = await again.get_state(ProgressState)
    await run_handler(progress.load)
    assert progress.notice == "Je check-in van deze week is aangepast."


@pytest.mark.parametrize("value", GARBAGE_VALUES, ids=lambda v: repr(v)[:20])
async def test_choose_mood_ignores_garbage(world, value):
    state = await _check_in_state(world.me)
    await run_handler(state.choose_mood, value)
    assert state.mood == 0


@pytest.mark.parametrize(
    "form",
    [{"note": 12}, {"note": "x" * 1001}, "not a dict", None, [1], {"note": ["a"]}],
    ids=lambda v: repr(v)[:20],
)
async def test_save_refuses_garbage_forms(world, form):
    state = await _check_in_state(world.me)
    await run_handler(state.choose_mood, 3)
    assert redirect_target(await run_handler(state.save, form)) is None
    assert state.error
    assert _check_ins(world.me) == []


async def test_a_counsellor_cannot_check_in(world):
    state = await state_for(CheckInState, cookie=login_cookie(world.counsellor))
    assert redirect_target(await run_handler(state.save, {"note": "hoi"})) == COUNSELLOR_HOME
    assert _check_ins(world.counsellor) == []
