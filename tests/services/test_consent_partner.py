"""The partner's view: only consenting participants, only consented categories, all audited."""

import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry
from jouw_omgeving.models.enums import ConsentStatus, Role
from jouw_omgeving.services.consent_partner import (
    assignment_list,
    latest_scores,
    partner_participant_view,
    partner_participants,
)
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_assessment,
    make_assignment,
    make_consent,
    make_content_item,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_instrument,
    make_network_member,
    make_participant,
    make_partner,
    make_partner_organisation,
    make_user,
    now,
)


@pytest.fixture
def ggz(session):
    return make_partner_organisation(session, name="GGZ Oost")


@pytest.fixture
def partner(session, ggz):
    return make_partner(session, organisation=ggz, display_name="Lotte Hermans")


def _audit(session, actor) -> list[tuple]:
    return list(
        session.exec(
            select(AuditEntry.subject_participant_id, AuditEntry.category, AuditEntry.outcome)
            .where(AuditEntry.actor_id == actor.id)
            .order_by(AuditEntry.id)
        )
    )


def test_list_shows_only_participants_with_a_running_consent_of_this_organisation(
    session, ggz, partner
):
    goals_only = make_participant(session, display_name="Aa Goals")
    make_consent(session, participant=goals_only, organisation=ggz, category="goals")
    both = make_participant(session, display_name="Ab Both")
    make_consent(session, participant=both, organisation=ggz, category="assignments")
    make_consent(session, participant=both, organisation=ggz, category="progress")
    ended = make_participant(session, display_name="Ac Ended")
    make_consent(
        session,
        participant=ended,
        organisation=ggz,
        starts_at=now() - timedelta(days=10),
        ends_at=now() - timedelta(seconds=1),
    )
    withdrawn = make_participant(session, display_name="Ad Withdrawn")
    make_consent(session, participant=withdrawn, organisation=ggz, status=ConsentStatus.WITHDRAWN)
    requested = make_participant(session, display_name="Ae Requested")
    make_consent(session, participant=requested, organisation=ggz, status=ConsentStatus.REQUESTED)
    elsewhere = make_participant(session, display_name="Af Elsewhere")
    make_consent(session, participant=elsewhere)  # another partner organisation

    rows = partner_participants(session, Viewer.of(partner))
    assert [(r["name"], r["categories"]) for r in rows] == [
        ("Aa Goals", ["goals"]),
        ("Ab Both", ["progress", "assignments"]),
    ]
    assert _audit(session, partner) == [
        (goals_only.id, "profile", "allowed"),
        (both.id, "profile", "allowed"),
    ]


def test_detail_shows_only_the_consented_categories(session, ggz, partner):
    participant = make_participant(session, display_name="Naima K.")
    make_goal(session, participant=participant, title="Naar de tandarts gaan")
    make_assessment(session, participant=participant)
    make_assignment(session, participant=participant)
    make_consent(session, participant=participant, organisation=ggz, category="goals")

    view = partner_participant_view(session, Viewer.of(partner), str(participant.public_id))
    assert view["name"] == "Naima K."
    assert view["categories"] == ["goals"]
    assert [g["title"] for g in view["goals"]] == ["Naar de tandarts gaan"]
    assert view["progress"] is None and view["assignments"] == []
    assert _audit(session, partner) == [
        (participant.id, "profile", "allowed"),
        (participant.id, "goals", "allowed"),
    ]
    # A direct read of what was not consented is refused, and that refusal is audited.
    with pytest.raises(AccessDenied):
        latest_scores(session, Viewer.of(partner), participant_id=participant.id)
    with pytest.raises(AccessDenied):
        assignment_list(session, Viewer.of(partner), participant_id=participant.id)
    assert _audit(session, partner)[-2:] == [
        (participant.id, "progress", "refused"),
        (participant.id, "assignments", "refused"),
    ]


def test_progress_and_assignments_when_consented(session, ggz, partner):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    instrument = make_instrument(session)
    make_assessment(
        session,
        participant=participant,
        instrument=instrument,
        scores={"housing": 2, "money": 4},
        taken_at=now() - timedelta(days=30),
    )
    make_assessment(
        session, participant=participant, instrument=instrument, scores={"housing": 3, "money": 5}
    )
    make_assessment(
        session,
        participant=participant,
        assessor=counsellor,
        instrument=instrument,
        scores={"housing": 2},
    )
    make_assignment(
        session, participant=participant, content=make_content_item(session, title="Budget")
    )
    make_consent(session, participant=participant, organisation=ggz, category="progress")
    make_consent(session, participant=participant, organisation=ggz, category="assignments")

    view = partner_participant_view(session, Viewer.of(partner), str(participant.public_id))
    assert view["goals"] == []
    rows = view["progress"]["rows"]
    assert [(r["domain"]["nl"], r["self_score"], r["counsellor_score"]) for r in rows] == [
        ("Wonen", 3, 2),
        ("Geld", 5, None),
    ]
    assert [(a["title"]["nl"], a["status"]) for a in view["assignments"]] == [("Budget", "open")]


@pytest.mark.parametrize("public_id", ["not-a-uuid", None, 5, ["x"], "unknown"])
def test_detail_of_unknown_or_malformed_ids_is_refused_and_audited(session, partner, public_id):
    if public_id == "unknown":
        public_id = str(uuid.uuid4())
    with pytest.raises(AccessDenied):
        partner_participant_view(session, Viewer.of(partner), public_id)
    assert _audit(session, partner) == [(None, "profile", "refused")]


def test_detail_without_consent_is_refused_like_an_unknown_id(session, ggz, partner):
    participant = make_participant(session)
    make_consent(session, participant=participant, category="goals")  # other organisation
    with pytest.raises(AccessDenied):
        partner_participant_view(session, Viewer.of(partner), str(participant.public_id))
    assert _audit(session, partner) == [(participant.id, "profile", "refused")]


def test_other_roles_and_a_partner_without_organisation_get_no_partner_view(session, ggz):
    participant = make_participant(session)
    make_consent(session, participant=participant, organisation=ggz, category="goals")
    others = [
        make_counsellor(session),
        make_participant(session),
        make_network_member(session, participant=participant),
        make_evaluator(session),
        make_admin(session),
        make_user(session, role=Role.PARTNER),  # no organisation
    ]
    for user in others:
        viewer = Viewer.of(user)
        with pytest.raises(AccessDenied):
            partner_participants(session, viewer)
        with pytest.raises(AccessDenied):
            partner_participant_view(session, viewer, str(participant.public_id))
        assert [outcome for _, _, outcome in _audit(session, user)] == ["refused", "refused"]
