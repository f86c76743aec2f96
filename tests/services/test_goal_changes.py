"""Writing the goal board: what is stored, what history is kept, who is turned away."""

from datetime import date

import pytest
from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry, Goal, GoalStatusChange, GoalStep, Organisation, User
from jouw_omgeving.models.enums import StepStatus
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.goal_changes import (
    EMPTY_GOAL,
    EMPTY_STEP,
    goal_create,
    goal_set_status,
    goal_update,
    step_add,
    step_mark_done,
    step_update,
)
from jouw_omgeving.services.goal_starters import goal_starters
from jouw_omgeving.services.goals import goal_detail
from jouw_omgeving.services.text_input import TOO_LONG
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_counsellor,
    make_goal,
    make_instrument,
    make_network_member,
    make_participant,
)


def _history(session: Session, goal: Goal) -> list[tuple[int | None, str | None, str, int]]:
    rows = session.exec(
        select(GoalStatusChange)
        .where(GoalStatusChange.goal_id == goal.id)
        .order_by(GoalStatusChange.id)
    )
    return [(r.step_id, r.from_status, r.to_status, r.changed_by_id) for r in rows]


def _audit(session: Session, actor: User) -> list[tuple[str, str, int | None]]:
    rows = session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == actor.id).order_by(AuditEntry.id)
    )
    return [(r.action, r.outcome, r.subject_participant_id) for r in rows]


def test_participant_creates_a_goal_in_own_words(session):
    me = make_participant(session)
    goal = goal_create(
        session,
        Viewer.of(me),
        participant_id=me.id,
        title="  Ik wil een\x00 eigen\u202e postadres \n",
        due_date=date(2027, 3, 1),
        helpers=" mijn zus ",
    )
    stored = session.get(Goal, goal.id)
    assert stored.title == "Ik wil een eigen postadres"
    assert (stored.status, stored.due_date, stored.helpers) == (
        "active",
        date(2027, 3, 1),
        "mijn zus",
    )
    assert stored.created_by_id == me.id
    assert _history(session, goal) == [(None, None, "active", me.id)]
    assert _audit(session, me) == []  # own data: no audit entry


def test_a_starter_links_the_goal_to_its_life_domain(session):
    me = make_participant(session)
    organisation = session.get(Organisation, me.organisation_id)
    make_instrument(session, organisation=organisation, domains=[("wonen", "Wonen", "Housing")])
    [domain] = goal_starters(session, Viewer.of(me), lang="en")
    assert domain["name"] == "Housing"
    assert "I want my own postal address" in domain["starters"]
    goal = goal_create(
        session, Viewer.of(me), participant_id=me.id, title="x", life_domain_key="wonen"
    )
    assert goal.life_domain_id is not None
    other = goal_create(
        session, Viewer.of(me), participant_id=me.id, title="y", life_domain_key="nonsense"
    )
    assert other.life_domain_id is None


@pytest.mark.parametrize(
    ("title", "message"),
    [("", EMPTY_GOAL), ("   \t\n", EMPTY_GOAL), ("\x00\x01", EMPTY_GOAL), ("a" * 301, TOO_LONG)],
    ids=["empty", "whitespace", "control-only", "too-long"],
)
def test_a_goal_without_words_or_too_long_is_refused(session, title, message):
    me = make_participant(session)
    with pytest.raises(InvalidInput) as refused:
        goal_create(session, Viewer.of(me), participant_id=me.id, title=title)
    assert refused.value.message_id == message
    assert session.exec(select(Goal).where(Goal.participant_id == me.id)).all() == []


def test_exactly_300_characters_is_accepted(session):
    me = make_participant(session)
    goal = goal_create(session, Viewer.of(me), participant_id=me.id, title="a" * 300)
    assert len(goal.title) == 300


def test_steps_are_added_at_the_end_and_done_with_history(session):
    me = make_participant(session)
    goal = make_goal(session, participant=me, steps=("Eerste",))
    viewer = Viewer.of(me)
    step = step_add(session, viewer, goal_public_id=str(goal.public_id), title=" Bellen ")
    assert (step.title, step.position, step.status) == ("Bellen", 1, "open")
    step_mark_done(session, viewer, step_public_id=str(step.public_id))
    assert session.get(GoalStep, step.id).status == StepStatus.DONE
    assert session.get(GoalStep, step.id).done_at is not None
    step_mark_done(session, viewer, step_public_id=str(step.public_id), done=False)  # undo
    assert session.get(GoalStep, step.id).done_at is None
    assert _history(session, goal) == [
        (step.id, None, "open", me.id),
        (step.id, "open", "done", me.id),
        (step.id, "done", "open", me.id),
    ]
    with pytest.raises(InvalidInput) as refused:
        step_add(session, viewer, goal_public_id=str(goal.public_id), title="  ")
    assert refused.value.message_id == EMPTY_STEP


def test_pause_resume_and_finish_are_kept_in_history(session):
    me = make_participant(session)
    goal = make_goal(session, participant=me, steps=())
    viewer, gid = Viewer.of(me), str(goal.public_id)
    goal_set_status(session, viewer, goal_public_id=gid, status="paused")
    goal_set_status(session, viewer, goal_public_id=gid, status="active")
    goal_set_status(session, viewer, goal_public_id=gid, status="done")
    assert session.get(Goal, goal.id).completed_at is not None
    assert [(f, t) for _s, f, t, _by in _history(session, goal)] == [
        ("active", "paused"),
        ("paused", "active"),
        ("active", "done"),
    ]
    for bad in ("stopped", "deleted", "", None, 1, ["done"]):
        with pytest.raises(InvalidInput):
            goal_set_status(session, viewer, goal_public_id=gid, status=bad)


def test_goal_update_changes_words_and_date(session):
    me = make_participant(session)
    goal = make_goal(session, participant=me)
    goal_update(
        session,
        Viewer.of(me),
        goal_public_id=str(goal.public_id),
        title="Een kamer",
        due_date=None,
        helpers="",
    )
    stored = session.get(Goal, goal.id)
    assert (stored.title, stored.due_date, stored.helpers) == ("Een kamer", None, None)
    for title, helpers in (("x", "h" * 301), ("  ", "mijn zus"), (None, None)):
        with pytest.raises(InvalidInput):
            goal_update(
                session,
                Viewer.of(me),
                goal_public_id=str(goal.public_id),
                title=title,
                due_date=None,
                helpers=helpers,
            )
    assert session.get(Goal, goal.id).title == "Een kamer"


def _all_writes(session: Session, viewer: Viewer, owner: User, goal: Goal) -> list:
    step = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).first()
    gid = str(goal.public_id)
    return [
        lambda: goal_create(session, viewer, participant_id=owner.id, title="x"),
        lambda: goal_update(
            session, viewer, goal_public_id=gid, title="x", due_date=None, helpers=None
        ),
        lambda: goal_set_status(session, viewer, goal_public_id=gid, status="paused"),
        lambda: step_add(session, viewer, goal_public_id=gid, title="x"),
        lambda: step_mark_done(session, viewer, step_public_id=str(step.public_id)),
        lambda: step_update(
            session, viewer, step_public_id=str(step.public_id), title="x", due_date=None
        ),
    ]


def test_a_step_gets_new_words_and_a_due_date_which_can_be_taken_away(session):
    me = make_participant(session)
    viewer = Viewer.of(me)
    goal = make_goal(session, participant=me, steps=("Bellen",))
    step = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).one()
    sid = str(step.public_id)
    step_update(
        session,
        viewer,
        step_public_id=sid,
        title=" Bellen met\x00 de bank ",
        due_date=date(2027, 1, 5),
    )
    stored = session.get(GoalStep, step.id)
    assert (stored.title, stored.due_date, stored.status) == (
        "Bellen met de bank",
        date(2027, 1, 5),
        "open",
    )
    card = goal_detail(session, viewer, goal_public_id=str(goal.public_id), today=date(2027, 1, 6))
    assert card["steps"][0]["due_date"] == "2027-01-05"
    assert card["steps"][0]["overdue"]
    step_update(session, viewer, step_public_id=sid, title="Bellen met de bank", due_date=None)
    assert session.get(GoalStep, step.id).due_date is None
    assert _history(session, goal) == []  # words and dates are no status change
    assert _audit(session, me) == []  # own data: no audit entry


@pytest.mark.parametrize(
    ("title", "due"),
    [("  ", None), ("x" * 301, None), ("Bellen", "2027-01-05"), ("Bellen", 20270105)],
    ids=["empty", "too-long", "date-as-text", "date-as-number"],
)
def test_a_bad_step_change_changes_nothing(session, title, due):
    me = make_participant(session)
    goal = make_goal(session, participant=me, steps=("Bellen",))
    step = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).one()
    with pytest.raises(InvalidInput):
        step_update(
            session, Viewer.of(me), step_public_id=str(step.public_id), title=title, due_date=due
        )
    stored = session.get(GoalStep, step.id)
    assert (stored.title, stored.due_date) == ("Bellen", None)


def test_a_done_step_is_not_late(session):
    me = make_participant(session)
    goal = make_goal(session, participant=me, steps=("Bellen",))
    step = session.exec(select(GoalStep).where(GoalStep.goal_id == goal.id)).one()
    viewer = Viewer.of(me)
    step_update(
        session,
        viewer,
        step_public_id=str(step.public_id),
        title="Bellen",
        due_date=date(2027, 1, 5),
    )
    step_mark_done(session, viewer, step_public_id=str(step.public_id))
    card = goal_detail(session, viewer, goal_public_id=str(goal.public_id), today=date(2027, 2, 1))
    assert not card["steps"][0]["overdue"]


def test_another_participant_may_not_write_my_goals(session):
    owner, other = make_participant(session), make_participant(session)
    goal = make_goal(session, participant=owner, title="Geheim")
    for write in _all_writes(session, Viewer.of(other), owner, goal):
        with pytest.raises(AccessDenied):
            write()
    assert session.get(Goal, goal.id).title == "Geheim"
    assert _history(session, goal) == []


def test_counsellor_not_on_caseload_is_refused_and_audited(session):
    owner, stranger = make_participant(session), make_counsellor(session)
    goal = make_goal(session, participant=owner)
    for write in _all_writes(session, Viewer.of(stranger), owner, goal):
        with pytest.raises(AccessDenied):
            write()
    entries = _audit(session, stranger)
    assert len(entries) == 6
    assert {(outcome, whose) for _a, outcome, whose in entries} == {("refused", owner.id)}


def test_counsellor_on_caseload_may_write_and_is_audited(session):
    counsellor = make_counsellor(session)
    owner = make_participant(session, counsellor=counsellor)
    goal = make_goal(session, participant=owner, steps=("Bellen",))
    for write in _all_writes(session, Viewer.of(counsellor), owner, goal):
        write()
    entries = _audit(session, counsellor)
    assert [action for action, _o, _w in entries] == [
        "create",
        "update",
        "update",
        "update",
        "update",
        "update",
    ]
    assert {(outcome, whose) for _a, outcome, whose in entries} == {("allowed", owner.id)}
    assert {by for *_rest, by in _history(session, goal)} == {counsellor.id}


def test_network_member_with_a_share_may_read_but_not_write(session):
    owner = make_participant(session)
    member = make_network_member(session, participant=owner)
    goal = make_goal(session, participant=owner, shared_with=[member])
    assert goal_detail(session, Viewer.of(member), goal_public_id=str(goal.public_id))
    for write in _all_writes(session, Viewer.of(member), owner, goal):
        with pytest.raises(AccessDenied):
            write()
    assert {outcome for _a, outcome, _w in _audit(session, member)} == {"allowed", "refused"}
