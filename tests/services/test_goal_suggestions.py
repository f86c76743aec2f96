"""A counsellor adds or suggests goals and steps; only the participant answers a suggestion."""

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, Goal, GoalStatusChange, GoalStep, Team
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.goal_suggestions import (
    counsellor_goal_add,
    counsellor_step_add,
    goal_suggestion_answer,
    step_suggestion_answer,
)
from jouw_omgeving.services.goals import goal_board, goal_detail
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_counsellor, make_goal, make_participant


@pytest.fixture
def world(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    lead = make_counsellor(session, team=session.get(Team, counsellor.team_id), is_team_lead=True)
    stranger = make_counsellor(session)
    return counsellor, participant, lead, stranger


def _board(session, participant):
    return {
        g["title"]: g
        for g in goal_board(session, Viewer.of(participant), participant_id=participant.id)
    }


def test_an_added_goal_is_the_participants_at_once_a_suggestion_waits(session, world):
    counsellor, participant, *_ = world
    viewer = Viewer.of(counsellor)
    counsellor_goal_add(session, viewer, str(participant.public_id), title="Schulden op een rij")
    counsellor_goal_add(
        session, viewer, str(participant.public_id), title="Elke dag wandelen", suggest=True
    )
    board = _board(session, participant)
    assert board["Schulden op een rij"]["suggested"] is False
    assert board["Elke dag wandelen"]["suggested"] is True
    goal = session.exec(select(Goal).where(Goal.title == "Elke dag wandelen")).one()
    assert goal.created_by_id == counsellor.id
    audit = session.exec(
        select(AuditEntry).where(
            AuditEntry.actor_id == counsellor.id, AuditEntry.action == "create"
        )
    ).all()
    assert {(a.category, a.outcome, a.subject_participant_id) for a in audit} == {
        ("goals", "allowed", participant.id)
    }


def test_the_participant_accepts_or_declines_a_suggested_goal(session, world):
    counsellor, participant, *_ = world
    viewer = Viewer.of(counsellor)
    yes = counsellor_goal_add(session, viewer, str(participant.public_id), title="Ja", suggest=True)
    no = counsellor_goal_add(session, viewer, str(participant.public_id), title="Nee", suggest=True)
    me = Viewer.of(participant)
    goal_suggestion_answer(session, me, goal_public_id=str(yes.public_id), accept=True)
    goal_suggestion_answer(session, me, goal_public_id=str(no.public_id), accept=False)
    board = _board(session, participant)
    assert board["Ja"]["suggested"] is False and board["Ja"]["status"] == "active"
    assert "Nee" not in board  # declined: stopped, kept, not on the board
    assert session.get(Goal, no.id).status == "stopped"
    history = session.exec(
        select(GoalStatusChange.to_status).where(GoalStatusChange.goal_id == no.id)
    ).all()
    assert history == ["active", "stopped"]
    # A suggestion is answered once.
    with pytest.raises(InvalidInput):
        goal_suggestion_answer(session, me, goal_public_id=str(yes.public_id), accept=False)


def test_steps_are_added_or_suggested_and_a_declined_step_leaves_the_board(session, world):
    counsellor, participant, *_ = world
    goal = make_goal(session, participant=participant, title="Werk", steps=("CV maken",))
    viewer = Viewer.of(counsellor)
    counsellor_step_add(session, viewer, goal_public_id=str(goal.public_id), title="Bellen")
    suggested = counsellor_step_add(
        session, viewer, goal_public_id=str(goal.public_id), title="Vacatures lezen", suggest=True
    )
    declined = counsellor_step_add(
        session, viewer, goal_public_id=str(goal.public_id), title="Verhuizen", suggest=True
    )
    steps = {s["title"]: s["suggested"] for s in _board(session, participant)["Werk"]["steps"]}
    assert steps == {
        "CV maken": False,
        "Bellen": False,
        "Vacatures lezen": True,
        "Verhuizen": True,
    }
    me = Viewer.of(participant)
    step_suggestion_answer(session, me, step_public_id=str(suggested.public_id), accept=True)
    step_suggestion_answer(session, me, step_public_id=str(declined.public_id), accept=False)
    card = _board(session, participant)["Werk"]
    assert [(s["title"], s["suggested"]) for s in card["steps"]] == [
        ("CV maken", False),
        ("Bellen", False),
        ("Vacatures lezen", False),
    ]
    assert card["steps_total"] == 3
    detail = goal_detail(session, me, goal_public_id=str(goal.public_id))
    assert "Verhuizen" not in {s["title"] for s in detail["steps"]}
    kept = session.get(GoalStep, declined.id)
    assert (kept.status, kept.suggested) == ("declined", False)


def test_only_the_caseload_counsellor_adds_and_only_the_participant_answers(session, world):
    counsellor, participant, lead, stranger = world
    goal = make_goal(session, participant=participant, steps=())
    for user in (lead, stranger, participant):
        with pytest.raises(AccessDenied):
            counsellor_goal_add(session, Viewer.of(user), str(participant.public_id), title="X")
        with pytest.raises(AccessDenied):
            counsellor_step_add(
                session, Viewer.of(user), goal_public_id=str(goal.public_id), title="Y"
            )
    suggestion = counsellor_goal_add(
        session, Viewer.of(counsellor), str(participant.public_id), title="Z", suggest=True
    )
    step = counsellor_step_add(
        session, Viewer.of(counsellor), goal_public_id=str(goal.public_id), title="S", suggest=True
    )
    other = make_participant(session)
    for user in (counsellor, lead, stranger, other):
        with pytest.raises(AccessDenied):
            goal_suggestion_answer(
                session, Viewer.of(user), goal_public_id=str(suggestion.public_id), accept=True
            )
        with pytest.raises(AccessDenied):
            step_suggestion_answer(
                session, Viewer.of(user), step_public_id=str(step.public_id), accept=True
            )
    assert session.get(Goal, suggestion.id).suggested is True
    refused = set(
        session.exec(select(AuditEntry.actor_id).where(AuditEntry.outcome == "refused")).all()
    )
    assert {lead.id, stranger.id, participant.id, counsellor.id, other.id} <= refused


@pytest.mark.parametrize("bad", ["ja", 1, None, [], {"a": 1}])
def test_hostile_flags_and_ids_are_refused(session, world, bad):
    counsellor, participant, *_ = world
    viewer = Viewer.of(counsellor)
    with pytest.raises(InvalidInput):
        counsellor_goal_add(session, viewer, str(participant.public_id), title="X", suggest=bad)
    suggestion = counsellor_goal_add(
        session, viewer, str(participant.public_id), title="Y", suggest=True
    )
    with pytest.raises(InvalidInput):
        goal_suggestion_answer(
            session, Viewer.of(participant), goal_public_id=str(suggestion.public_id), accept=bad
        )
    with pytest.raises(AccessDenied):
        goal_suggestion_answer(session, Viewer.of(participant), goal_public_id=bad, accept=True)
    with pytest.raises(AccessDenied):
        step_suggestion_answer(session, Viewer.of(participant), step_public_id=bad, accept=True)
    with pytest.raises(AccessDenied):
        counsellor_goal_add(session, viewer, bad, title="Z")


def test_an_empty_title_is_refused(session, world):
    counsellor, participant, *_ = world
    with pytest.raises(InvalidInput):
        counsellor_goal_add(session, Viewer.of(counsellor), str(participant.public_id), title="  ")
