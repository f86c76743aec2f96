"""The participant's consent handlers, called as a person and as a hostile browser would."""

from dataclasses import dataclass

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import ConsentRecord, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN
from jouw_omgeving.services.consent import consent_request
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.consent import ConsentState
from tests.factories import make_counsellor, make_participant, make_partner_organisation, unique
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio


@dataclass
class World:
    """A participant with a counsellor, and a partner organisation."""

    participant: User
    counsellor: User
    org_name: str
    org: str


@pytest.fixture
def world(app_db) -> World:
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        organisation = make_partner_organisation(session, name=unique("GGZ"))
    return World(participant, counsellor, organisation.name, str(organisation.public_id))


def _records(world: World) -> list[ConsentRecord]:
    with db_session() as session:
        return list(
            session.exec(
                select(ConsentRecord).where(ConsentRecord.participant_id == world.participant.id)
            )
        )


async def _loaded(user: User) -> ConsentState:
    state = await state_for(ConsentState, cookie=login_cookie(user))
    await run_handler(state.load)
    return state


def _switch(state: ConsentState, world: World, category: str = "goals"):
    [organisation] = [o for o in state.organisations if o["organisation_public_id"] == world.org]
    return next(s for s in organisation["switches"] if s["category"] == category)


async def test_giving_consent_asks_first_then_saves_and_shows_history(world):
    state = await _loaded(world.participant)
    assert _switch(state, world)["status_text"] == "Uit"
    assert _switch(state, world)["button_label"] == f"Doelen aanzetten voor {world.org_name}"
    await run_handler(state.ask, world.org, "goals", "grant")
    assert state.confirm_open
    assert state.confirm_text == (
        f"{world.org_name} mag dan je doelen zien. Je kunt dit altijd weer uitzetten."
    )
    assert _records(world) == []  # nothing stored before the confirmation
    await run_handler(state.set_end_date, "2027-03-01")
    assert state.confirm_text == (
        f"{world.org_name} mag dan je doelen zien, tot en met 1 maart 2027. "
        "Je kunt dit altijd weer uitzetten."
    )
    await run_handler(state.confirm)
    assert not state.confirm_open and state.notice == "Opgeslagen."
    assert _switch(state, world)["status_text"] == "Aan, tot en met 1 maart 2027"
    assert [r.action for r in _records(world)] == ["grant"]
    assert state.history[0]["sentence"] == (
        f"Jij gaf {world.org_name} toestemming voor je doelen. Tot en met 1 maart 2027."
    )

    await run_handler(state.ask, world.org, "goals", "withdraw")
    assert (
        state.confirm_text
        == f"{world.org_name} kan dan je doelen niet meer zien. Dat gaat meteen in."
    )
    await run_handler(state.confirm)
    assert _switch(state, world)["status_text"] == "Uit"
    assert [r.action for r in _records(world)] == ["grant", "withdraw"]


async def test_a_counsellors_request_is_accepted_on_the_participants_page(world):
    with db_session() as session:
        consent_request(
            session,
            Viewer.of(world.counsellor),
            participant_id=world.participant.id,
            organisation_public_id=world.org,
            category="progress",
        )
    state = await _loaded(world.participant)
    [request] = [r for r in state.requests if r["organisation_public_id"] == world.org]
    assert request["text"] == f"Je begeleider vraagt: mag {world.org_name} je voortgang zien?"
    await run_handler(state.ask, world.org, "progress", "accept")
    assert state.confirm_open and not state.confirm_takes_date
    await run_handler(state.confirm)
    assert _switch(state, world, "progress")["status_text"] == "Aan"
    assert [r.action for r in _records(world)] == ["request", "grant"]


@pytest.mark.parametrize(
    ("organisation", "category", "kind"),
    [
        ("org", "messages", "grant"),
        ("org", "goals", "withdraw"),  # not on: nothing to withdraw
        ("org", "goals", "accept"),  # no request
        ("org", "goals", "delete-everything"),
        ("org", ["goals"], "grant"),
        ("org", None, "grant"),
        ("not-a-uuid", "goals", "grant"),
        (None, "goals", "grant"),
        ({"$ne": None}, "goals", "grant"),
        ("0" * 10_000, "goals", "grant"),
        ("00000000-0000-0000-0000-000000000000", "goals", "grant"),
    ],
    ids=repr,
)
async def test_garbage_changes_open_nothing_and_store_nothing(world, organisation, category, kind):
    state = await _loaded(world.participant)
    await run_handler(
        state.ask, world.org if organisation == "org" else organisation, category, kind
    )
    assert not state.confirm_open
    assert state.error == "Dit kan nu niet meer. Kijk nog eens op de pagina."
    await run_handler(state.confirm)
    assert _records(world) == []


@pytest.mark.parametrize(
    "value", ["2020-01-01", "2099-01-01", "gisteren", 12, None, ["x"], "9" * 500]
)
async def test_bad_end_dates_are_refused_in_the_dialog(world, value):
    state = await _loaded(world.participant)
    await run_handler(state.ask, world.org, "goals", "grant")
    await run_handler(state.set_end_date, value)
    if value is None:
        assert state.dialog_error == ""  # empty: no end date
    else:
        assert state.dialog_error
        assert len(state.end_date) <= 10
        await run_handler(state.confirm)
        assert _records(world) == []


async def test_confirm_without_a_question_and_a_date_without_a_grant_do_nothing(world):
    state = await _loaded(world.participant)
    await run_handler(state.set_end_date, "2027-03-01")
    await run_handler(state.confirm)
    assert state.end_date == "" and _records(world) == []


async def test_other_roles_and_strangers_are_sent_away(world):
    for user, target in ((world.counsellor, COUNSELLOR_HOME), (None, LOGIN)):
        state = await state_for(ConsentState, cookie=login_cookie(user) if user else None)
        for handler, args in (
            (state.load, ()),
            (state.ask, (world.org, "goals", "grant")),
            (state.set_end_date, ("2027-03-01",)),
            (state.confirm, ()),
        ):
            events = await run_handler(handler, *args)
            assert redirect_target(events) == target
        assert state.organisations == [] and not state.confirm_open
    assert _records(world) == []
