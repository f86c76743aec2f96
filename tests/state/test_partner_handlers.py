"""The partner's handlers, as a partner and as a hostile browser: consent decides every call."""

import uuid
from dataclasses import dataclass

import pytest
from sqlmodel import select

from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, Organisation, User
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, PARTICIPANT_HOME
from jouw_omgeving.services.consent import consent_give, consent_withdraw
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.access_log import AccessLogState
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER
from jouw_omgeving.state.partner import PartnerHomeState, PartnerParticipantState
from tests.factories import (
    make_counsellor,
    make_goal,
    make_participant,
    make_partner,
    make_partner_organisation,
    unique,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, set_router, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."
LOST = "Je hebt geen toegang meer."


@dataclass
class World:
    """A partner of a fresh organisation; one participant consents to goals, one does not."""

    partner: User
    org: str
    consenting: User
    other: User
    counsellor: User


@pytest.fixture
def world(app_db) -> World:
    with db_session() as session:
        organisation = make_partner_organisation(session, name=unique("GGZ"))
        partner = make_partner(session, organisation=organisation)
        counsellor = make_counsellor(session)
        consenting = make_participant(session, counsellor=counsellor, display_name="Naima K.")
        make_goal(session, participant=consenting, title="Naar de tandarts gaan")
        other = make_participant(session, counsellor=counsellor, display_name="Geen Toestemming")
        make_goal(session, participant=other, title="Geheim doel")
    world = World(partner, str(organisation.public_id), consenting, other, counsellor)
    _change(world, consent_give)
    return world


def _change(world: World, service) -> None:
    with db_session() as session:
        service(
            session,
            Viewer.of(world.consenting),
            participant_id=world.consenting.id,
            organisation_public_id=world.org,
            category="goals",
        )


def _outcomes(actor: User) -> list[tuple]:
    with db_session() as session:
        return list(
            session.exec(
                select(AuditEntry.subject_participant_id, AuditEntry.category, AuditEntry.outcome)
                .where(AuditEntry.actor_id == actor.id)
                .order_by(AuditEntry.id)
            )
        )


async def _detail(user: User | None, public_id: object) -> PartnerParticipantState:
    state = await state_for(
        PartnerParticipantState,
        cookie=login_cookie(user) if user else None,
        query={ROUTE_PARAMETER: public_id},
    )
    await run_handler(state.load)
    return state


def _nothing_shown(state: PartnerParticipantState) -> bool:
    return (state.public_id, state.name, state.goals, state.shows_goals) == ("", "", [], False)


async def test_the_list_shows_only_consenting_participants(world):
    state = await state_for(PartnerHomeState, cookie=login_cookie(world.partner))
    await run_handler(state.load)
    assert [(r["name"], r["categories"]) for r in state.rows] == [("Naima K.", "Doelen")]


async def test_withdrawal_empties_the_open_page_on_the_next_refresh(world):
    state = await _detail(world.partner, str(world.consenting.public_id))
    assert state.name == "Naima K." and state.shows_goals and not state.shows_progress
    assert [g["title"] for g in state.goals] == ["Naar de tandarts gaan"]
    _change(world, consent_withdraw)
    set_router(
        state,
        cookie=login_cookie(world.partner),
        query={ROUTE_PARAMETER: str(world.consenting.public_id)},
    )
    await run_handler(state.refresh)
    assert _nothing_shown(state)
    assert state.error.startswith(LOST)
    assert _outcomes(world.partner)[-1] == (world.consenting.id, "profile", "refused")


@pytest.mark.parametrize(
    "public_id", ["not-a-uuid", "", None, 7, ["a"], {"$ne": None}, "0" * 10_000, "unknown", "other"]
)
async def test_other_or_garbage_ids_show_nothing_and_are_audited(world, public_id):
    if public_id == "unknown":
        public_id = str(uuid.uuid4())
    if public_id == "other":
        public_id = str(world.other.public_id)
    state = await _detail(world.partner, public_id)
    assert _nothing_shown(state) and state.error == REFUSAL
    [(_, category, outcome)] = _outcomes(world.partner)
    assert (category, outcome) == ("profile", "refused")


async def test_moving_on_to_a_forbidden_participant_drops_the_old_one(world):
    state = await _detail(world.partner, str(world.consenting.public_id))
    assert state.name == "Naima K."
    set_router(
        state,
        cookie=login_cookie(world.partner),
        query={ROUTE_PARAMETER: str(world.other.public_id)},
    )
    await run_handler(state.load)
    assert _nothing_shown(state) and state.error == REFUSAL


async def test_other_roles_are_sent_to_their_own_start_page(world):
    for user, target in (
        (world.counsellor, COUNSELLOR_HOME),
        (world.consenting, PARTICIPANT_HOME),
        (None, LOGIN),
    ):
        detail = await state_for(
            PartnerParticipantState,
            cookie=login_cookie(user) if user else None,
            query={ROUTE_PARAMETER: str(world.consenting.public_id)},
        )
        for handler in (detail.load, detail.refresh):
            assert redirect_target(await run_handler(handler)) == target
            assert _nothing_shown(detail)
        listing = await state_for(PartnerHomeState, cookie=login_cookie(user) if user else None)
        assert redirect_target(await run_handler(listing.load)) == target
        assert listing.rows == []


async def test_the_participant_reads_the_partners_look_in_plain_words(world):
    await _detail(world.partner, str(world.consenting.public_id))
    log = await state_for(AccessLogState, cookie=login_cookie(world.consenting))
    await run_handler(log.load)
    with db_session() as session:
        organisation = session.get(Organisation, world.partner.organisation_id).name
    sentences = [line["sentence"] for line in log.lines]
    assert any(
        s.startswith(f"{world.partner.display_name} van {organisation} bekeek je doelen op ")
        for s in sentences
    ), sentences


async def test_the_minute_check_is_silent_until_access_changes(world):
    state = await _detail(world.partner, str(world.consenting.public_id))
    audited = len(_outcomes(world.partner))
    await run_handler(state.check)
    assert state.name == "Naima K." and len(_outcomes(world.partner)) == audited
    _change(world, consent_withdraw)
    await run_handler(state.check)
    assert _nothing_shown(state) and state.error.startswith(LOST)
    assert _outcomes(world.partner)[-1] == (world.consenting.id, "profile", "refused")
