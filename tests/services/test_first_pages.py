"""The services behind the first page of each role: right data, right people only."""

from datetime import date, timedelta

import pytest

from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import GoalStatus, StepStatus
from jouw_omgeving.services.caseload import CaseloadQuery, caseload_overview
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.goals import board_preview, goal_board
from jouw_omgeving.services.overviews import admin_overview, participant_home, pilot_overview
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_contact_moment,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_goal_step,
    make_message,
    make_organisation,
    make_participant,
    make_read_marker,
    make_thread,
)


def test_goal_board_shows_own_goals_with_steps(session):
    participant = make_participant(session)
    goal = make_goal(session, participant=participant, title="Een eigen huis", steps=())
    make_goal_step(session, goal=goal, title="Inschrijven", status=StepStatus.DONE)
    make_goal_step(
        session, goal=goal, title="Bellen", position=1, due_date=date.today() - timedelta(days=2)
    )
    make_goal(session, participant=participant, title="Gestopt doel", status=GoalStatus.STOPPED)
    [card] = goal_board(session, Viewer.of(participant), participant_id=participant.id)
    assert card["title"] == "Een eigen huis"
    assert (card["steps_done"], card["steps_total"]) == (1, 2)
    assert [s["overdue"] for s in card["steps"]] == [False, True]


def test_goal_board_refuses_another_participant(session):
    me, other = make_participant(session), make_participant(session)
    make_goal(session, participant=other)
    with pytest.raises(AccessDenied):
        goal_board(session, Viewer.of(me), participant_id=other.id)


def test_caseload_shows_only_own_caseload_with_signals(session):
    counsellor = make_counsellor(session)
    mine = make_participant(session, counsellor=counsellor, display_name="Anna K.")
    quiet = make_participant(session, counsellor=counsellor, display_name="Bram L.")
    make_participant(session, display_name="Iemand Anders")  # another counsellor's
    thread = make_thread(session, participant=mine)
    read = make_message(session, thread=thread, sender=mine, body="eerste")
    make_read_marker(session, thread=thread, user=counsellor, last_read_message=read)
    make_message(session, thread=thread, sender=mine, body="tweede")
    make_message(session, thread=thread, sender=mine, body="derde")
    make_message(session, thread=thread, sender=counsellor, body="antwoord")  # own: not unread
    make_contact_moment(
        session, participant=mine, counsellor=counsellor, occurred_at=utcnow() - timedelta(days=3)
    )
    goal = make_goal(session, participant=quiet, steps=())
    make_goal_step(session, goal=goal, due_date=date.today() - timedelta(days=1))

    rows = caseload_overview(session, Viewer.of(counsellor), CaseloadQuery(sort="unread"))["rows"]
    assert [r["name"] for r in rows] == ["Anna K.", "Bram L."]  # most unread first
    anna, bram = rows
    assert anna["unread"] == 2
    assert anna["days_since_contact"] == 0  # the counsellor's answer today is platform contact
    assert bram["days_since_contact"] == -1
    assert bram["overdue_steps"] == 1


@pytest.mark.parametrize("role_maker", [make_participant, make_evaluator, make_admin])
def test_caseload_is_for_counsellors_only(session, role_maker):
    with pytest.raises(AccessDenied):
        caseload_overview(session, Viewer.of(role_maker(session)))


def test_participant_home_counts_unread(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    thread = make_thread(session, participant=participant)
    make_message(session, thread=thread, sender=counsellor)
    make_goal(session, participant=participant)
    summary = participant_home(session, Viewer.of(participant))
    assert summary["unread_messages"] == 1
    assert summary["active_goals"] == 1
    with pytest.raises(AccessDenied):
        participant_home(session, Viewer.of(counsellor))


def test_pilot_overview_suppresses_small_groups(session):
    evaluator = make_evaluator(session)
    counsellor = make_counsellor(session)
    people = [make_participant(session, counsellor=counsellor) for _ in range(6)]
    for person in people[:2]:
        make_contact_moment(session, participant=person, counsellor=counsellor, kind="phone")
    figures = {f["label"]: f for f in pilot_overview(session, Viewer.of(evaluator))}
    enrolled = figures["Deelnemers in de pilot"]
    assert (enrolled["value"], enrolled["suppressed"]) == (6, False)
    phone = figures["Deelnemers met een telefoongesprek (90 dagen)"]
    # Two participants had a phone call: hidden, and the real number is not leaked.
    assert phone["suppressed"] and phone["value"] == 0
    with pytest.raises(AccessDenied):
        pilot_overview(session, Viewer.of(counsellor))


def test_pilot_overview_uses_the_strictest_organisation_threshold(session):
    """An admin who raised the small-group threshold to 7 hides a group of 6 here too."""
    evaluator = make_evaluator(session)
    make_organisation(session, settings={"suppression_threshold": 7})
    counsellor = make_counsellor(session)
    for _ in range(6):
        make_participant(session, counsellor=counsellor)
    figures = {f["label"]: f for f in pilot_overview(session, Viewer.of(evaluator))}
    enrolled = figures["Deelnemers in de pilot"]
    assert enrolled["suppressed"] and enrolled["value"] == 0


def test_admin_overview_counts_accounts_but_is_admin_only(session):
    admin = make_admin(session)
    make_participant(session)
    summary = admin_overview(session, Viewer.of(admin))
    assert summary["users_by_role"]["participant"] >= 1
    assert summary["users_by_role"]["admin"] >= 1
    with pytest.raises(AccessDenied):
        admin_overview(session, Viewer.of(make_evaluator(session)))


def test_the_board_preview_lists_the_next_three_open_steps_and_every_suggestion(session):
    participant = make_participant(session)
    goal = make_goal(session, participant=participant, title="Werk", steps=())
    make_goal_step(session, goal=goal, title="CV maken", status=StepStatus.DONE)
    for position, title in enumerate(("Bellen", "Mailen", "Langsgaan", "Solliciteren"), 1):
        make_goal_step(session, goal=goal, title=title, position=position)
    suggestion = make_goal_step(session, goal=goal, title="Vacatures", position=9)
    suggestion.suggested = True
    session.add(suggestion)
    session.flush()
    [card] = goal_board(session, Viewer.of(participant), participant_id=participant.id)
    preview = board_preview(card)
    assert [s["title"] for s in preview["steps"]] == ["Bellen", "Mailen", "Langsgaan", "Vacatures"]
    assert (preview["steps_done"], preview["steps_total"], preview["steps_more"]) == (1, 6, 2)
    assert card["steps_total"] == len(card["steps"]) == 6  # the goal's own page shows all


def test_a_short_goal_is_shown_whole_and_a_finished_one_only_counted(session):
    participant = make_participant(session)
    make_goal(session, participant=participant, title="Kort", steps=("Een", "Twee"))
    done = make_goal(session, participant=participant, title="Af", steps=())
    make_goal_step(session, goal=done, title="Gedaan", status=StepStatus.DONE)
    viewer = Viewer.of(participant)
    cards = {
        c["title"]: board_preview(c)
        for c in goal_board(session, viewer, participant_id=participant.id)
    }
    assert [s["title"] for s in cards["Kort"]["steps"]] == ["Een", "Twee"]
    assert cards["Kort"]["steps_more"] == 0
    assert (cards["Af"]["steps"], cards["Af"]["steps_more"]) == ([], 1)
