"""Sharing a goal with a network member: only one's own members, revocable, never deleted."""

from datetime import timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import GoalShare
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.goal_shares import (
    goal_share,
    goal_unshare,
    share_choices,
    shared_goals,
)
from jouw_omgeving.services.goals import goal_detail
from jouw_omgeving.services.user_settings import settings_set_language, settings_set_large_text
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_counsellor,
    make_goal,
    make_network_member,
    make_network_membership,
    make_participant,
)


def test_share_then_revoke_and_the_member_sees_only_current_shares(session):
    owner = make_participant(session)
    member = make_network_member(session, participant=owner, relation="buddy")
    goal = make_goal(session, participant=owner, title="Vrijwilligerswerk")
    me, them = Viewer.of(owner), Viewer.of(member)
    gid, mid = str(goal.public_id), str(member.public_id)

    [choice] = share_choices(session, me, goal_public_id=gid)
    assert (choice["relation"], choice["shared"]) == ("buddy", False)
    assert shared_goals(session, them) == []

    goal_share(session, me, goal_public_id=gid, member_public_id=mid)
    goal_share(session, me, goal_public_id=gid, member_public_id=mid)  # twice: one share
    assert share_choices(session, me, goal_public_id=gid)[0]["shared"]
    [seen] = shared_goals(session, them)
    assert (seen["goal"]["title"], seen["owner_name"]) == ("Vrijwilligerswerk", owner.display_name)

    goal_unshare(session, me, goal_public_id=gid, member_public_id=mid)
    assert shared_goals(session, them) == []
    with pytest.raises(AccessDenied):
        goal_detail(session, them, goal_public_id=gid)
    [row] = session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all()
    assert row.revoked_at is not None  # kept, revoked

    goal_share(session, me, goal_public_id=gid, member_public_id=mid)  # share again
    assert len(session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all()) == 2
    assert len(shared_goals(session, them)) == 1


def test_only_own_active_network_members_can_be_chosen(session):
    owner = make_participant(session)
    mine = make_network_member(session, participant=owner)
    ended = make_network_member(session)
    make_network_membership(
        session, participant=owner, member=ended, ended_at=utcnow() - timedelta(days=1)
    )
    make_network_membership(session, participant=owner, accepted=False)  # open invitation
    someone_elses = make_network_member(session, participant=make_participant(session))
    goal = make_goal(session, participant=owner)
    me, gid = Viewer.of(owner), str(goal.public_id)
    assert [c["member_public_id"] for c in share_choices(session, me, goal_public_id=gid)] == [
        str(mine.public_id)
    ]
    for outsider in (ended, someone_elses):
        with pytest.raises(AccessDenied):
            goal_share(session, me, goal_public_id=gid, member_public_id=str(outsider.public_id))
    for garbage in ("not-a-uuid", None, 12, str(owner.public_id)):
        with pytest.raises(AccessDenied):
            goal_share(session, me, goal_public_id=gid, member_public_id=garbage)
    assert session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all() == []


def test_an_ended_membership_hides_a_share_that_was_not_revoked(session):
    owner = make_participant(session)
    member = make_network_member(session)
    membership = make_network_membership(session, participant=owner, member=member)
    make_goal(session, participant=owner, shared_with=[member])
    assert len(shared_goals(session, Viewer.of(member))) == 1
    membership.ended_at = utcnow() - timedelta(seconds=1)
    session.add(membership)
    session.flush()
    assert shared_goals(session, Viewer.of(member)) == []


def test_nobody_but_the_participant_shares_their_goals(session):
    counsellor = make_counsellor(session)
    owner = make_participant(session, counsellor=counsellor)
    member = make_network_member(session, participant=owner)
    goal = make_goal(session, participant=owner)
    other = make_participant(session)
    for viewer in (Viewer.of(counsellor), Viewer.of(other), Viewer.of(member)):
        with pytest.raises(AccessDenied):
            share_choices(session, viewer, goal_public_id=str(goal.public_id))
        with pytest.raises(AccessDenied):
            goal_share(
                session,
                viewer,
                goal_public_id=str(goal.public_id),
                member_public_id=str(member.public_id),
            )
    assert session.exec(select(GoalShare).where(GoalShare.goal_id == goal.id)).all() == []
    with pytest.raises(AccessDenied):
        shared_goals(session, Viewer.of(owner))  # a participant is no network member


def test_settings_are_written_for_the_viewer_only(session):
    me = make_participant(session)
    assert settings_set_large_text(session, Viewer.of(me), large_text=True) is True
    assert settings_set_language(session, Viewer.of(me), language="en") == "en"
    session.refresh(me)
    assert (me.large_text, me.language) == (True, "en")
    for bad in ("de", "", None, 1, "en; DROP TABLE"):
        with pytest.raises(InvalidInput):
            settings_set_language(session, Viewer.of(me), language=bad)
    for bad in ("true", 1, None):
        with pytest.raises(InvalidInput):
            settings_set_large_text(session, Viewer.of(me), large_text=bad)
