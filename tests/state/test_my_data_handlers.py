"""Mijn gegevens: the participant reads and downloads their own data; nobody else does."""

import json

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.routes import COUNSELLOR_HOME, LOGIN, MY_DATA_FILE
from jouw_omgeving.services.consent import consent_give
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.my_data import MAX_LINE, MAX_SHOWN, MyDataState
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


async def test_download_sends_the_browser_to_the_streamed_file(people):
    participant, _counsellor, _organisation = people
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    [event] = await run_handler(state.download)
    assert "_download" in repr(event.handler.fn) or "download" in repr(event)
    assert MY_DATA_FILE in repr(event.args) and "mijn-gegevens.json" in repr(event.args)
    assert "Hoe ging het bezoek" not in repr(event.args)  # nothing built in the handler


async def test_more_messages_come_fifty_at_a_time_and_the_page_stays_small(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session, display_name="Petra Jansen")
        participant = make_participant(session, counsellor=counsellor)
        thread = make_thread(session, participant=participant)
        for number in range(MAX_SHOWN + 30):
            make_message(session, thread=thread, sender=counsellor, body=f"Bericht {number}")
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    await run_handler(state.load)

    def messages():
        return next(s for s in state.sections if s["key"] == "messages")

    newest = MAX_SHOWN + 29
    assert messages()["lines"][0].endswith(f"Petra Jansen: Bericht {newest}")
    assert (len(messages()["lines"]), messages()["more"]) == (50, True)
    await run_handler(state.load_more, "messages")
    assert len(messages()["lines"]) == 100
    assert messages()["lines"][50].endswith(f"Bericht {newest - 50}")
    await run_handler(state.load_more, "messages")
    assert (len(messages()["lines"]), messages()["more"]) == (MAX_SHOWN, False)
    assert messages()["in_file_only"]  # the page says the rest is in the file
    await run_handler(state.load_more, "messages")
    await run_handler(state.load_more, "goals")  # nothing more there: no change
    await run_handler(state.load_more, {"not": "a section"})
    assert len(messages()["lines"]) == MAX_SHOWN
    assert next(s for s in state.sections if s["key"] == "goals")["lines"] == ["Niets."]


async def test_others_are_sent_away_with_nothing(people):
    _participant, counsellor, _organisation = people
    for user, target in ((counsellor, COUNSELLOR_HOME), (None, LOGIN)):
        state = await state_for(MyDataState, cookie=login_cookie(user) if user else None)
        for handler in (state.load, state.download):
            assert redirect_target(await run_handler(handler)) == target
        state._older = {"messages": 10**9}  # even with a cursor left from before
        assert redirect_target(await run_handler(state.load_more, "messages")) == target
        assert state.sections == [] and state.name == ""


async def test_a_very_long_message_is_cut_on_the_page(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        thread = make_thread(session, participant=participant)
        make_message(session, thread=thread, sender=participant, body="lang " * 800)
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    await run_handler(state.load)
    [line] = next(s for s in state.sections if s["key"] == "messages")["lines"]
    assert len(line) == MAX_LINE and line.endswith("…")  # the whole text is in the file
