"""The counsellor's consent panel: own caseload only, requests recorded, garbage refused."""

import pytest
from sqlmodel import select

from jouw_omgeving.components.consent_panel import counsellor_consent_panel
from jouw_omgeving.db import db_session
from jouw_omgeving.models import AuditEntry, ConsentRecord, User
from jouw_omgeving.routes import LOGIN, PARTICIPANT_HOME
from jouw_omgeving.state.consent_counsellor import CounsellorConsentState
from jouw_omgeving.state.participant_detail import ROUTE_PARAMETER
from tests.factories import make_counsellor, make_participant, make_partner_organisation, unique
from tests.state.helpers import login_cookie, redirect_target, run_handler, state_for

pytestmark = pytest.mark.anyio
REFUSAL = "Je hebt geen toegang tot deze gegevens."


@pytest.fixture
def people(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        organisation = make_partner_organisation(session, name=unique("GGZ"))
        stranger = make_participant(session)
    return counsellor, participant, str(organisation.public_id), stranger


async def _panel(user: User | None, public_id: object) -> CounsellorConsentState:
    state = await state_for(
        CounsellorConsentState,
        cookie=login_cookie(user) if user else None,
        query={ROUTE_PARAMETER: public_id},
    )
    await run_handler(state.load)
    return state


def _records(participant: User) -> list[str]:
    with db_session() as session:
        return list(
            session.exec(
                select(ConsentRecord.action).where(ConsentRecord.participant_id == participant.id)
            )
        )


def test_the_panel_builds():
    assert counsellor_consent_panel() is not None


async def test_the_counsellor_sees_status_and_prepares_a_request(people):
    counsellor, participant, org, _stranger = people
    state = await _panel(counsellor, str(participant.public_id))
    [row] = [
        r for r in state.rows if r["organisation_public_id"] == org and r["category"] == "goals"
    ]
    assert (row["status_text"], row["can_request"]) == ("Uit", True)
    await run_handler(state.request, org, "goals")
    assert state.notice.startswith("De vraag staat klaar")
    [row] = [
        r for r in state.rows if r["organisation_public_id"] == org and r["category"] == "goals"
    ]
    assert (row["status_text"], row["can_request"]) == ("Gevraagd, wacht op antwoord", False)
    assert _records(participant) == ["request"]
    assert state.history[0]["sentence"].endswith(
        "vroeg of " + row["organisation"] + " je doelen mag zien."
    )


@pytest.mark.parametrize(
    ("organisation", "category"),
    [("org", "messages"), ("org", None), ("org", ["goals"]), ("nope", "goals"), (None, "goals")],
    ids=repr,
)
async def test_garbage_requests_store_nothing(people, organisation, category):
    counsellor, participant, org, _stranger = people
    state = await _panel(counsellor, str(participant.public_id))
    await run_handler(state.request, org if organisation == "org" else organisation, category)
    assert state.error and state.notice == ""
    assert _records(participant) == []


@pytest.mark.parametrize("target", ["stranger", "not-a-uuid", None, 5, ["x"]], ids=repr)
async def test_another_counsellors_or_garbage_participant_is_refused_and_audited(people, target):
    counsellor, _participant, org, stranger = people
    public_id = str(stranger.public_id) if target == "stranger" else target
    state = await _panel(counsellor, public_id)
    assert state.rows == [] and state.error == REFUSAL
    await run_handler(state.request, org, "goals")
    assert _records(stranger) == []
    with db_session() as session:
        outcomes = session.exec(
            select(AuditEntry.outcome).where(AuditEntry.actor_id == counsellor.id)
        ).all()
    assert outcomes == ["refused", "refused"]


async def test_other_roles_are_sent_away(people):
    _counsellor, participant, org, _stranger = people
    for user, target in ((participant, PARTICIPANT_HOME), (None, LOGIN)):
        state = await state_for(
            CounsellorConsentState,
            cookie=login_cookie(user) if user else None,
            query={ROUTE_PARAMETER: str(participant.public_id)},
        )
        assert redirect_target(await run_handler(state.load)) == target
        assert redirect_target(await run_handler(state.request, org, "goals")) == target
        assert state.rows == []
    assert _records(participant) == []
