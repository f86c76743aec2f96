"""The "Mijn gegevens" file over real HTTP: the participant's own export, nobody else's."""

import json

from sqlmodel import select
from starlette.testclient import TestClient

from jouw_omgeving.db import db_session
from jouw_omgeving.http_my_data import my_data_routes
from jouw_omgeving.models import AuditEntry, LoginSession
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.routes import MY_DATA_FILE
from jouw_omgeving.services.my_data import participant_export
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_counsellor, make_goal, make_message, make_participant, make_thread
from tests.state.helpers import login_cookie

REFUSED = "Je kunt dit bestand nu niet downloaden. Log in en probeer het opnieuw."


def _refusals(**where) -> int:
    with db_session() as session:
        query = select(AuditEntry).where(AuditEntry.outcome == "refused")
        for column, value in where.items():
            query = query.where(getattr(AuditEntry, column) == value)
        return len(session.exec(query).all())


def test_the_participant_downloads_their_whole_export(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session, display_name="Petra Jansen")
        participant = make_participant(session, counsellor=counsellor, display_name="Naima K.")
        make_goal(session, participant=participant, title="Naar de tandarts gaan")
        thread = make_thread(session, participant=participant)
        for number in range(1200):  # more than two batches
            make_message(session, thread=thread, sender=counsellor, body=f"Bericht {number}")
    client = TestClient(my_data_routes())
    with client.stream("GET", MY_DATA_FILE, headers={"cookie": login_cookie(participant)}) as r:
        assert r.status_code == 200
        assert r.headers["content-disposition"] == 'attachment; filename="mijn-gegevens.json"'
        assert r.headers["content-type"].startswith("application/json")
        body = b"".join(r.iter_bytes())
    streamed = json.loads(body)
    with db_session() as session:
        whole = json.loads(json.dumps(participant_export(session, Viewer.of(participant))))
    streamed.pop("exported_at"), whole.pop("exported_at")
    assert streamed == whole
    assert len(streamed["tables"]["message"]) == 1200
    assert streamed["tables"]["app_user"][0]["display_name"] == "Naima K."


def test_without_a_valid_session_or_as_staff_the_file_is_refused_and_audited(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        make_goal(session, participant=participant, title="Geheim doel")
    client = TestClient(my_data_routes())
    expired = login_cookie(participant)
    with db_session() as session:
        for row in session.exec(select(LoginSession).where(LoginSession.user_id == participant.id)):
            row.revoked_at = utcnow()
            session.add(row)
    anonymous_before = _refusals(actor_id=None, category="profile")
    for headers in ({}, {"cookie": "jo_session=made-up"}, {"cookie": expired}):
        response = client.get(MY_DATA_FILE, headers=headers)
        assert (response.status_code, response.text) == (403, REFUSED)
        assert "Geheim doel" not in response.text
    assert _refusals(actor_id=None, category="profile") == anonymous_before + 3
    response = client.get(MY_DATA_FILE, headers={"cookie": login_cookie(counsellor)})
    assert (response.status_code, response.text) == (403, REFUSED)
    assert _refusals(actor_id=counsellor.id) == 1
