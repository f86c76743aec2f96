"""The demo generator: deterministic, with working logins and a coherent story."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from jouw_omgeving.auth.passwords import verify_secret
from jouw_omgeving.demo import DemoDataExistsError, generate_demo
from jouw_omgeving.demo.accounts import DEMO_ACCOUNTS
from jouw_omgeving.models import (
    CaseloadAssignment,
    Consent,
    Goal,
    GoalShare,
    GoalStatusChange,
    GoalStep,
    Message,
    MessageThread,
    NetworkMembership,
    Organisation,
    Submission,
    Team,
    ThreadReadMarker,
    User,
)
from jouw_omgeving.models.enums import (
    ConsentCategory,
    ConsentStatus,
    GoalStatus,
    OrganisationKind,
    Role,
    StepStatus,
    ThreadKind,
)
from tests.demo.demo_db import TODAY, fresh_engine, key_facts, load_demo, sqlite_url

NOW = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC)


def test_same_seed_and_day_give_the_same_data(tmp_path, demo_engine) -> None:
    again = fresh_engine(sqlite_url(tmp_path, "again.db"))
    load_demo(again)
    assert key_facts(again) == key_facts(demo_engine)


def test_another_seed_gives_other_ids_but_the_same_logins(tmp_path, demo_engine) -> None:
    other = fresh_engine(sqlite_url(tmp_path, "other.db"))
    load_demo(other, seed=8)
    mine, theirs = key_facts(demo_engine), key_facts(other)
    assert [u.username for u in mine["users"]] == [u.username for u in theirs["users"]]
    assert {u.public_id for u in mine["users"]}.isdisjoint({u.public_id for u in theirs["users"]})


def test_summary_counts_match_the_database(demo_db) -> None:
    engine, summary = demo_db
    counts = key_facts(engine)["counts"]
    for table, rows in summary.counts.items():
        assert counts[table] == rows, table
    assert summary.counts["app_user"] == 52
    assert summary.counts["message"] > 500
    assert summary.today == TODAY


def test_demo_accounts_exist_with_their_role_and_secret(demo_engine) -> None:
    with Session(demo_engine) as session:
        users = {u.username: u for u in session.exec(select(User)).all()}
    checked: dict[str, str] = {}
    for account in DEMO_ACCOUNTS:
        user = users[account.username]
        assert user.role == account.role.value
        assert user.active
        # One argon2 check per distinct hash keeps this fast; the hash is shared per secret.
        if user.password_hash not in checked:
            assert verify_secret(user.password_hash, account.secret), account.username
            checked[user.password_hash] = account.secret
        assert checked[user.password_hash] == account.secret
    assert len(checked) == 2
    assert not verify_secret(users["deelnemer01"].password_hash, "00000")


def test_organisation_teams_and_staff(demo_engine) -> None:
    with Session(demo_engine) as session:
        organisations = session.exec(select(Organisation)).all()
        teams = session.exec(select(Team)).all()
        counsellors = session.exec(select(User).where(User.role == Role.COUNSELLOR)).all()
        partners = session.exec(select(User).where(User.role == Role.PARTNER)).all()
    own = [o for o in organisations if o.kind == OrganisationKind.OWN]
    assert [o.name for o in own] == ["Leger des Heils"]
    assert {o.partner_type for o in organisations if o.kind == OrganisationKind.PARTNER} == {
        "ggz",
        "schuldhulp",
    }
    numbers = [entry["number"] for entry in own[0].settings["help_numbers"]]
    assert "112" in numbers
    assert "0800-0113" in numbers
    assert sorted(t.name for t in teams) == ["Team Amsterdam-Oost", "Team Utrecht"]
    assert Counter(c.team_id for c in counsellors) == Counter({teams[0].id: 3, teams[1].id: 3})
    assert sum(c.is_team_lead for c in counsellors) == 2
    assert sum(c.is_content_editor for c in counsellors) == 1
    assert all(c.organisation_id == own[0].id for c in counsellors)
    assert {p.organisation_id for p in partners} == {
        o.id for o in organisations if o.kind == OrganisationKind.PARTNER
    }


def test_every_participant_has_exactly_one_open_caseload_assignment(demo_engine) -> None:
    with Session(demo_engine) as session:
        participants = session.exec(select(User).where(User.role == Role.PARTICIPANT)).all()
        rows = session.exec(select(CaseloadAssignment)).all()
        roles = dict(session.exec(select(User.id, User.role)).all())
        teams = dict(session.exec(select(User.id, User.team_id)).all())
    assert len(participants) == 40
    by_participant: dict[int, list[CaseloadAssignment]] = {}
    for row in rows:
        by_participant.setdefault(row.participant_id, []).append(row)
        assert roles[row.counsellor_id] == Role.COUNSELLOR
    for participant in participants:
        history = sorted(by_participant[participant.id], key=lambda r: r.starts_at)
        open_rows = [r for r in history if r.ends_at is None]
        assert len(open_rows) == 1
        assert history[-1] is open_rows[0]
        assert open_rows[0].starts_at < NOW
        assert participant.team_id == teams[open_rows[0].counsellor_id]
        for earlier, later in itertools.pairwise(history):
            assert earlier.ends_at == later.starts_at
    assert any(len(h) > 1 for h in by_participant.values()), "some handovers expected"


def test_deelnemer01_has_active_goals_unread_messages_and_a_ggz_consent(demo_engine) -> None:
    with Session(demo_engine) as session:
        me = session.exec(select(User).where(User.username == "deelnemer01")).one()
        anja = session.exec(select(User).where(User.username == "begeleider1")).one()
        open_assignment = session.exec(
            select(CaseloadAssignment).where(
                CaseloadAssignment.participant_id == me.id, CaseloadAssignment.ends_at.is_(None)
            )
        ).one()
        goals = session.exec(
            select(Goal).where(Goal.participant_id == me.id, Goal.status == GoalStatus.ACTIVE)
        ).all()
        steps = session.exec(select(GoalStep).where(GoalStep.goal_id.in_([g.id for g in goals])))
        steps = steps.all()
        thread = session.exec(
            select(MessageThread).where(
                MessageThread.participant_id == me.id,
                MessageThread.kind == ThreadKind.COUNSELLOR,
            )
        ).one()
        marker = session.exec(
            select(ThreadReadMarker).where(
                ThreadReadMarker.thread_id == thread.id, ThreadReadMarker.user_id == anja.id
            )
        ).one()
        unread = session.exec(
            select(Message).where(
                Message.thread_id == thread.id, Message.id > marker.last_read_message_id
            )
        ).all()
        ggz = session.exec(select(Organisation).where(Organisation.name == "GGZ Oost")).one()
        consent = session.exec(
            select(Consent).where(
                Consent.participant_id == me.id,
                Consent.organisation_id == ggz.id,
                Consent.category == ConsentCategory.GOALS,
            )
        ).one()
    assert open_assignment.counsellor_id == anja.id
    assert len(goals) >= 3
    assert {s.goal_id for s in steps} == {g.id for g in goals}
    assert any(s.status == StepStatus.DONE and s.done_at for s in steps)
    assert any(s.status == StepStatus.OPEN and s.due_date and s.due_date < TODAY for s in steps)
    assert unread
    assert all(m.sender_id == me.id for m in unread)
    assert consent.status == ConsentStatus.GRANTED
    assert consent.ends_at is None or consent.ends_at > NOW


def test_other_participants_show_unread_and_inactive_signals(demo_engine) -> None:
    with Session(demo_engine) as session:
        participants = session.exec(select(User).where(User.role == Role.PARTICIPANT)).all()
    inactive = [p for p in participants if (NOW - p.last_active_at).days >= 14]
    assert 2 <= len(inactive) < 20


def test_network_members_follow_one_shared_goal(demo_engine) -> None:
    with Session(demo_engine) as session:
        members = session.exec(select(User).where(User.role == Role.NETWORK_MEMBER)).all()
        memberships = session.exec(
            select(NetworkMembership).where(NetworkMembership.member_id.is_not(None))
        ).all()
        shares = session.exec(select(GoalShare)).all()
        shared_goals = session.exec(select(Goal).where(Goal.id.in_([s.goal_id for s in shares])))
        owners = {g.id: g.participant_id for g in shared_goals}
    participant_of = {m.member_id: m.participant_id for m in memberships}
    assert sorted(m.username for m in members) == ["netwerk1", "netwerk2"]
    assert set(participant_of) == {m.id for m in members}
    assert shares
    for share in shares:
        assert owners[share.goal_id] == participant_of[share.network_member_id]


def test_goal_history_records_every_status_change(demo_engine) -> None:
    with Session(demo_engine) as session:
        goals = session.exec(select(Goal)).all()
        steps = session.exec(select(GoalStep)).all()
        changes = session.exec(select(GoalStatusChange)).all()
    created = Counter(c.goal_id for c in changes if c.from_status is None)
    assert all(created[g.id] == 1 for g in goals)
    step_changes = {c.step_id for c in changes if c.step_id is not None}
    assert step_changes == {s.id for s in steps if s.status == StepStatus.DONE}
    finished = {c.goal_id: c.to_status for c in changes if c.step_id is None and c.from_status}
    assert finished == {g.id: g.status for g in goals if g.status != GoalStatus.ACTIVE}


def test_submissions_answer_a_version_of_their_own_content(demo_engine) -> None:
    with Session(demo_engine) as session:
        rows = session.execute(
            sa.text(
                "SELECT a.content_id, v.content_id FROM submission s "
                "JOIN assignment a ON a.id = s.assignment_id "
                "JOIN content_version v ON v.id = s.content_version_id"
            )
        ).all()
        statuses = set(session.exec(select(Submission.status)).all())
    assert rows
    assert all(assigned == answered for assigned, answered in rows)
    assert statuses == {"draft", "submitted"}


def test_every_datetime_is_aware_and_history_lies_before_today(demo_engine) -> None:
    may_be_future = {
        ("appointment", "starts_at"),
        ("consent", "ends_at"),
        ("consent_record", "ends_at"),
        ("network_membership", "invite_expires_at"),
        ("instrument", "created_at"),
    }
    with Session(demo_engine) as session:
        for table in SQLModel.metadata.sorted_tables:
            model = next(m for m in _models() if m.__table__ is table)
            for row in session.exec(select(model).limit(300)).all():
                for column in table.columns:
                    value = getattr(row, column.name)
                    if isinstance(value, datetime):
                        assert value.tzinfo is not None, (table.name, column.name)
                        if (table.name, column.name) not in may_be_future:
                            assert value < NOW, (table.name, column.name, value)


def test_participants_write_only_while_active(demo_engine) -> None:
    with Session(demo_engine) as session:
        late = session.execute(
            sa.text(
                "SELECT count(*) FROM message m JOIN app_user u ON u.id = m.sender_id "
                "WHERE u.role = 'participant' AND m.created_at > u.last_active_at"
            )
        ).scalar()
    assert late == 0


def test_loading_twice_is_refused(demo_engine) -> None:
    with Session(demo_engine) as session, pytest.raises(DemoDataExistsError):
        generate_demo(session, today=TODAY)


def _models() -> list[type[SQLModel]]:
    import jouw_omgeving.models as models

    return [getattr(models, name) for name in models.__all__]
