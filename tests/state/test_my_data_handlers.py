"""Mijn gegevens: the participant reads and downloads their own data; nobody else does."""

import json

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN
from jouw_omgeving.services.consent import consent_give
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.my_data import MyDataState
from tests.factories import (
    make_contact_moment,
    make_counsellor,
    make_goal,
    make_message,
    make_participant,
    make_partner_organisation,
    make_thread,
    unique,
)
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio


@pytest.fixture
def people(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session, display_name="Petra Jansen")
        participant = make_participant(session, counsellor=counsellor, display_name="Naima K.")
        make_goal(session, participant=participant, title="Naar de tandarts gaan")
        thread = make_thread(session, participant=participant)
        make_message(session, thread=thread, sender=counsellor, body="Hoe ging het bezoek?")
        make_contact_moment(session, participant=participant, counsellor=counsellor)
        organisation = make_partner_organisation(session, name=unique("GGZ"))
        consent_give(
            session,
            Viewer.of(participant),
            participant_id=participant.id,
            organisation_public_id=str(organisation.public_id),
            category="goals",
        )
        other = make_participant(session, display_name="Iemand Anders")
        make_goal(session, participant=other, title="Geheim doel")
    return participant, counsellor, organisation.name


async def test_the_participant_reads_everything_in_plain_lines(people):
    participant, _counsellor, organisation = people
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    await run_handler(state.load)
    assert state.name == "Naima K."
    sections = {s["title"]: s["lines"] for s in state.sections}
    assert "Naar de tandarts gaan (bezig)" in sections["Doelen en stappen"]
    assert any(
        line.endswith("Petra Jansen: Hoe ging het bezoek?") for line in sections["Berichten"]
    )
    assert any(f"Jij gaf {organisation} toestemming" in line for line in sections["Toestemming"])
    assert any("bezoek – Petra Jansen" in line for line in sections["Contact met je begeleider"])
    assert "Geheim doel" not in json.dumps(state.sections)


async def test_download_is_the_json_export(people):
    participant, _counsellor, _organisation = people
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    [event] = await run_handler(state.download)
    assert "_download" in repr(event.handler.fn) or "download" in repr(event)
    assert "mijn-gegevens.json" in repr(event.args)


async def test_others_are_sent_away_with_nothing(people):
    _participant, counsellor, _organisation = people
    for user, target in ((counsellor, COUNSELLOR_HOME), (None, LOGIN)):
        state = await state_for(MyDataState, cookie=login_cookie(user) if user else None)
        for handler in (state.load, state.download):
            assert redirect_target(await run_handler(handler)) == target
        assert state.sections == [] and state.name == ""
