"""The team lead's view and handovers: history kept, the old counsellor loses access at once."""

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, CaseloadAssignment, Team
from jouw_omgeving.services.caseload import caseload_overview
from jouw_omgeving.services.contacts import contacts_list
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.participants import participant_summary
from jouw_omgeving.services.team import participant_reassign, team_caseloads
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_counsellor,
    make_participant,
    make_partner,
    make_team,
)


@pytest.fixture
def team(session):
    """A team with a lead, two counsellors and their participants; another team beside it."""
    team = make_team(session, name="Team Noord")
    lead = make_counsellor(session, team=team, is_team_lead=True, display_name="Lea Lead")
    old = make_counsellor(session, team=team, display_name="Otto Oud")
    new = make_counsellor(session, team=team, display_name="Nina Nieuw")
    henk = make_participant(session, counsellor=old, display_name="Henk B.")
    make_participant(session, counsellor=new, display_name="Ria S.")
    outsider_team = make_team(session)
    outsider = make_counsellor(session, team=outsider_team)
    elsewhere = make_participant(session, counsellor=outsider, display_name="Elders")
    return lead, old, new, henk, outsider, elsewhere


def test_team_view_lists_every_counsellors_caseload(session, team):
    lead, *_ = team
    view = team_caseloads(session, Viewer.of(lead))
    assert view["team"] == "Team Noord"
    caseloads = {c["name"]: [p["name"] for p in c["participants"]] for c in view["caseloads"]}
    assert caseloads == {"Lea Lead": [], "Nina Nieuw": ["Ria S."], "Otto Oud": ["Henk B."]}


def test_reassign_keeps_history_and_moves_access_at_once(session, team):
    lead, old, new, henk, *_ = team
    assert participant_summary(session, Viewer.of(old), str(henk.public_id))["name"] == "Henk B."
    participant_reassign(
        session,
        Viewer.of(lead),
        str(henk.public_id),
        counsellor_public_id=str(new.public_id),
        handover_note="Henk wil graag op dinsdag gebeld worden.",
    )
    history = session.exec(
        select(CaseloadAssignment)
        .where(CaseloadAssignment.participant_id == henk.id)
        .order_by(CaseloadAssignment.id)
    ).all()
    assert [(a.counsellor_id, a.ends_at is None) for a in history] == [
        (old.id, False),
        (new.id, True),
    ]
    assert history[1].handover_note == "Henk wil graag op dinsdag gebeld worden."
    assert history[1].created_by_id == lead.id
    # The old counsellor is refused at once, in the detail, lists and the overview.
    with pytest.raises(AccessDenied):
        participant_summary(session, Viewer.of(old), str(henk.public_id))
    with pytest.raises(AccessDenied):
        contacts_list(session, Viewer.of(old), str(henk.public_id))
    assert caseload_overview(session, Viewer.of(old))["total"] == 0
    assert {r["name"] for r in caseload_overview(session, Viewer.of(new))["rows"]} == {
        "Henk B.",
        "Ria S.",
    }
    audit = session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == lead.id, AuditEntry.action == "update")
    ).one()
    assert (audit.category, audit.outcome, audit.subject_participant_id) == (
        "caseload",
        "allowed",
        henk.id,
    )


@pytest.mark.parametrize(
    ("target", "note", "message"),
    [
        ("outsider", "Overdracht", "Kies een begeleider uit je team"),
        ("garbage", "Overdracht", "Kies een begeleider uit je team"),
        ("old", "Overdracht", "al bij deze begeleider"),
        ("new", "   ", "overdrachtsnotitie"),
        ("new", "x" * 4001, "overdrachtsnotitie"),
        ("new", None, "overdrachtsnotitie"),
    ],
)
def test_reassign_refuses_bad_input(session, team, target, note, message):
    lead, old, new, henk, outsider, _ = team
    public_id = {"outsider": outsider, "old": old, "new": new}.get(target)
    with pytest.raises(InvalidInput) as refused:
        participant_reassign(
            session,
            Viewer.of(lead),
            str(henk.public_id),
            counsellor_public_id=str(public_id.public_id) if public_id else "nope",
            handover_note=note,
        )
    assert message in refused.value.message_id
    assert (
        session.exec(
            select(CaseloadAssignment).where(
                CaseloadAssignment.participant_id == henk.id,
                CaseloadAssignment.ends_at.is_not(None),
            )
        ).all()
        == []
    )


def test_only_the_lead_of_this_team_may_reassign_or_see_the_team(session, team):
    lead, old, new, henk, outsider, elsewhere = team
    other_lead = make_counsellor(
        session, team=session.get(Team, outsider.team_id), is_team_lead=True
    )
    refused_users = [old, other_lead, make_partner(session), make_admin(session), henk]
    for user in refused_users:
        with pytest.raises(AccessDenied):
            participant_reassign(
                session,
                Viewer.of(user),
                str(henk.public_id),
                counsellor_public_id=str(new.public_id),
                handover_note="Overdracht",
            )
    for user in (old, make_partner(session), henk):
        with pytest.raises(AccessDenied):
            team_caseloads(session, Viewer.of(user))
    # The lead cannot pull in someone of another team either.
    with pytest.raises(AccessDenied):
        participant_reassign(
            session,
            Viewer.of(lead),
            str(elsewhere.public_id),
            counsellor_public_id=str(new.public_id),
            handover_note="Overdracht",
        )
    refused = session.exec(select(AuditEntry.actor_id).where(AuditEntry.outcome == "refused")).all()
    assert {u.id for u in refused_users} <= set(refused)
    assert lead.id in refused
    # The other team's lead does not see this team's participants in their view.
    names = {
        p["name"]
        for c in team_caseloads(session, Viewer.of(other_lead))["caseloads"]
        for p in c["participants"]
    }
    assert names == {"Elders"}


def test_participants_of_a_switched_off_counsellor_stay_in_the_team_view(session, team):
    lead, old, new, henk, *_ = team
    old.active = False
    session.add(old)
    session.flush()
    view = team_caseloads(session, Viewer.of(lead))
    by_name = {c["name"]: c for c in view["caseloads"]}
    assert by_name["Otto Oud"]["active"] is False
    assert [p["name"] for p in by_name["Otto Oud"]["participants"]] == ["Henk B."]
    assert by_name["Nina Nieuw"]["active"] is True
    # The lead can hand Henk over to an active colleague, never to the inactive one.
    with pytest.raises(InvalidInput):
        participant_reassign(
            session,
            Viewer.of(lead),
            str(henk.public_id),
            counsellor_public_id=str(old.public_id),
            handover_note="Terug",
        )
    participant_reassign(
        session,
        Viewer.of(lead),
        str(henk.public_id),
        counsellor_public_id=str(new.public_id),
        handover_note="Otto is uit dienst.",
    )
    # Once nobody is assigned to the switched-off counsellor, they leave the view.
    names = [c["name"] for c in team_caseloads(session, Viewer.of(lead))["caseloads"]]
    assert names == ["Lea Lead", "Nina Nieuw"]


def test_an_inactive_counsellor_without_participants_is_not_listed(session, team):
    lead, *_ = team
    make_counsellor(session, team=session.get(Team, lead.team_id), display_name="Weg", active=False)
    names = [c["name"] for c in team_caseloads(session, Viewer.of(lead))["caseloads"]]
    assert "Weg" not in names
