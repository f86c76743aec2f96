"""The evaluator dashboard's handlers called as a hostile browser would: refused or ignored.

(Hostile-argument tests of the evaluation handlers; kept beside ``test_hostile_handlers``.)
"""

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN
from jouw_omgeving.state.evaluation_dashboard import ALL_TEAMS, EvaluationDashboardState
from tests.factories import make_counsellor, make_evaluator, make_organisation, make_team
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
GARBAGE = [
    "",
    "not-a-uuid",
    "../../etc/passwd",
    "0" * 10_000,
    123,
    12.5,
    True,
    None,
    ["a"],
    {"$ne": None},
]


@pytest.fixture
def people(app_db):
    """An evaluator of an organisation with a team, and a counsellor (committed)."""
    with db_session() as session:
        organisation = make_organisation(session, settings={"suppression_threshold": 9})
        team = make_team(session, organisation=organisation, name="Team Hostile")
        evaluator = make_evaluator(session, organisation=organisation)
        counsellor = make_counsellor(session, team=team)
    return {"evaluator": evaluator, "counsellor": counsellor, "team": str(team.public_id)}


async def _loaded(user) -> EvaluationDashboardState:
    state = await state_for(EvaluationDashboardState, cookie=login_cookie(user))
    events = await run_handler(state.load)
    assert redirect_target(events) is None
    return state


async def test_without_a_session_every_handler_sends_to_login(people):
    state = await state_for(EvaluationDashboardState)
    for handler, args in (
        (state.load, ()),
        (state.choose_organisation, ("x",)),
        (state.apply_filters, ({},)),
        (state.download_csv, ("reach",)),
    ):
        assert redirect_target(await run_handler(handler, *args)) == LOGIN
    assert state.organisations == [] and state.charts == []


async def test_a_counsellor_is_sent_home_and_sees_nothing(people):
    state = await state_for(EvaluationDashboardState, cookie=login_cookie(people["counsellor"]))
    assert redirect_target(await run_handler(state.load)) == COUNSELLOR_HOME
    assert redirect_target(await run_handler(state.download_csv, "reach")) == COUNSELLOR_HOME
    assert state.organisations == []


async def test_load_fills_the_filters_and_starts_the_background_build(people):
    state = await _loaded(people["evaluator"])
    assert state.organisations and state.organisation
    assert state.start and state.end and state.team == ALL_TEAMS


@pytest.mark.parametrize("garbage", GARBAGE, ids=repr)
async def test_garbage_organisation_choices_change_nothing(people, garbage):
    state = await _loaded(people["evaluator"])
    before = (state.organisation, state.teams)
    await run_handler(state.choose_organisation, garbage)
    assert (state.organisation, state.teams) == before


@pytest.mark.parametrize(
    "form",
    [
        "not a dict",
        ["list"],
        {"organisation": "not-a-uuid", "start": "2026-01-01", "end": "2026-02-01"},
        {"start": 123, "end": "2026-02-01"},
        {"start": "2026-13-40", "end": "2026-02-01"},
        {"start": "2026-01-01", "end": "2026-02-01", "compare_start": "yesterday"},
        {"start": "2026-01-01" * 1000, "end": "2026-02-01"},
    ],
    ids=repr,
)
async def test_garbage_filters_are_refused_without_a_rebuild(people, form):
    state = await _loaded(people["evaluator"])
    before = (state.organisation, state.start, state.end)
    events = await run_handler(state.apply_filters, form)
    assert events == []
    assert state.error
    assert (state.organisation, state.start, state.end) == before


async def test_a_team_of_garbage_becomes_all_teams(people):
    state = await _loaded(people["evaluator"])
    form = {"organisation": state.organisation, "team": {"$ne": None}}
    events = await run_handler(
        state.apply_filters, form | {"start": "2026-01-01", "end": "2026-02-01"}
    )
    assert events  # the rebuild
    assert state.team == ALL_TEAMS and state.error == ""


@pytest.mark.parametrize("garbage", [*GARBAGE, "reach", "__class__"], ids=repr)
async def test_downloads_only_of_charts_built_for_this_tab(people, garbage):
    state = await _loaded(people["evaluator"])
    assert await run_handler(state.download_csv, garbage) == []
