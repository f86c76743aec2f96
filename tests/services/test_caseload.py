"""The caseload overview: signals, sort, filter, search and paging in SQL, and never a stranger."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, Team
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import AssignmentStatus
from jouw_omgeving.services.caseload import CaseloadQuery, caseload_overview
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_appointment,
    make_assessment,
    make_assignment,
    make_caseload_assignment,
    make_consent,
    make_contact_moment,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_goal_step,
    make_instrument,
    make_message,
    make_network_member,
    make_participant,
    make_partner,
    make_team,
    make_thread,
)


@pytest.fixture
def caseload(session):
    """A counsellor with four participants, each with different signals; and a stranger."""
    team = make_team(session)
    counsellor = make_counsellor(session, team=team)
    colleague = make_counsellor(session, team=team)
    anna = make_participant(session, counsellor=counsellor, display_name="Anna K.")
    bram = make_participant(session, counsellor=counsellor, display_name="Bram L.")
    cees = make_participant(session, counsellor=counsellor, display_name="Cees 100%_M.")
    dina = make_participant(session, counsellor=counsellor, display_name="Dina V.")
    stranger = make_participant(session, counsellor=colleague, display_name="Anna Vreemd")
    # Anna: two unread messages and a recent contact.
    thread = make_thread(session, participant=anna)
    make_message(session, thread=thread, sender=anna)
    make_message(session, thread=thread, sender=anna)
    make_contact_moment(session, participant=anna, counsellor=counsellor)
    # Bram: never contacted, an overdue step, an assignment waiting for feedback.
    goal = make_goal(session, participant=bram, steps=())
    make_goal_step(session, goal=goal, due_date=date.today() - timedelta(days=2))
    make_assignment(session, participant=bram, status=AssignmentStatus.SUBMITTED)
    # Cees: a dropped self-assessment, contact 20 days ago, a consent ending soon.
    instrument = make_instrument(session)
    scores = {"housing": 4, "money": 4, "health": 4, "daily_activity": 4, "social": 4}
    make_assessment(
        session,
        participant=cees,
        instrument=instrument,
        scores=scores,
        taken_at=utcnow() - timedelta(days=30),
    )
    make_assessment(
        session,
        participant=cees,
        instrument=instrument,
        scores=dict.fromkeys(scores, 2),
        taken_at=utcnow() - timedelta(days=1),
    )
    make_contact_moment(
        session, participant=cees, counsellor=counsellor, occurred_at=utcnow() - timedelta(days=20)
    )
    make_consent(session, participant=cees, ends_at=utcnow() + timedelta(days=5))
    # Dina: nothing needs attention; a contact yesterday and an appointment next week.
    make_contact_moment(
        session, participant=dina, counsellor=counsellor, occurred_at=utcnow() - timedelta(days=1)
    )
    make_appointment(
        session, participant=dina, counsellor=counsellor, starts_at=utcnow() + timedelta(days=7)
    )
    # The stranger has everything that would put them on top.
    other = make_thread(session, participant=stranger)
    for _ in range(5):
        make_message(session, thread=other, sender=stranger)
    return counsellor, {"anna": anna, "bram": bram, "cees": cees, "dina": dina}, stranger


def _names(session, counsellor, **query) -> list[str]:
    page = caseload_overview(session, Viewer.of(counsellor), CaseloadQuery(**query))
    return [r["name"] for r in page["rows"]]


def test_every_signal_is_computed(session, caseload):
    counsellor, _, _ = caseload
    rows = {r["name"]: r for r in caseload_overview(session, Viewer.of(counsellor))["rows"]}
    assert rows["Anna K."]["unread"] == 2
    assert rows["Anna K."]["days_since_contact"] == 0
    assert rows["Bram L."]["days_since_contact"] == -1
    assert rows["Bram L."]["overdue_steps"] == 1
    assert rows["Bram L."]["awaiting_feedback"] == 1
    assert rows["Cees 100%_M."]["score_drop"] == 2.0
    assert rows["Cees 100%_M."]["days_since_contact"] == 20
    assert rows["Cees 100%_M."]["ending_soon"] is True
    assert rows["Dina V."]["next_appointment"] != ""
    assert rows["Dina V."]["attention"] == 0
    assert rows["Bram L."]["attention"] == 3  # no contact, overdue, feedback
    assert rows["Cees 100%_M."]["attention"] == 3  # no contact for 20 days, score, ending


def test_needs_attention_first_by_default(session, caseload):
    counsellor, _, _ = caseload
    names = _names(session, counsellor)
    assert names[-1] == "Dina V."
    assert names[:2] == ["Bram L.", "Cees 100%_M."]  # 3 reasons; never contacted first


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("unread", "Anna K."),
        ("contact", "Bram L."),
        ("overdue", "Bram L."),
        ("score", "Cees 100%_M."),
        ("feedback", "Bram L."),
        ("ending", "Cees 100%_M."),
        ("appointment", "Dina V."),
        ("name", "Anna K."),
    ],
)
def test_sort_by_each_signal(session, caseload, sort, first):
    counsellor, _, _ = caseload
    assert _names(session, counsellor, sort=sort)[0] == first


def test_filters(session, caseload):
    counsellor, _, _ = caseload
    assert _names(session, counsellor, filter="unread") == ["Anna K."]
    assert _names(session, counsellor, filter="overdue") == ["Bram L."]
    assert set(_names(session, counsellor, filter="attention")) == {
        "Anna K.",
        "Bram L.",
        "Cees 100%_M.",
    }
    assert set(_names(session, counsellor, filter="no_contact", no_contact_days=10)) == {
        "Bram L.",
        "Cees 100%_M.",
    }
    assert _names(session, counsellor, filter="no_contact", no_contact_days=30) == ["Bram L."]


def test_search_is_case_insensitive_and_literal(session, caseload):
    counsellor, _, _ = caseload
    assert _names(session, counsellor, search="anna") == ["Anna K."]  # not the stranger
    assert _names(session, counsellor, search="100%_") == ["Cees 100%_M."]
    assert _names(session, counsellor, search="%") == ["Cees 100%_M."]  # no wildcard
    assert _names(session, counsellor, search="zzz") == []


def test_paging_and_counts(session, caseload):
    counsellor, _, _ = caseload
    viewer = Viewer.of(counsellor)
    first = caseload_overview(session, viewer, CaseloadQuery(sort="name", page_size=3))
    second = caseload_overview(session, viewer, CaseloadQuery(sort="name", page_size=3, page=1))
    assert (first["total"], first["pages"]) == (4, 2)
    assert [r["name"] for r in second["rows"]] == ["Dina V."]
    beyond = caseload_overview(session, viewer, CaseloadQuery(page=99, page_size=3))
    assert beyond["page"] == 1


def test_forged_query_values_fall_back_to_defaults(session, caseload):
    counsellor, _, _ = caseload
    forged = CaseloadQuery(sort="name; drop table", filter="everyone", page=-3, page_size=10**6)
    page = caseload_overview(session, Viewer.of(counsellor), forged)
    assert page["total"] == 4
    assert page["rows"][-1]["name"] == "Dina V."


def test_the_sql_does_the_work(session, caseload, engine):
    """Filter, order and limit are in the statement, not done in Python afterwards."""
    counsellor, _, _ = caseload
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.lower())

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        caseload_overview(
            session, Viewer.of(counsellor), CaseloadQuery(filter="unread", search="a", page_size=2)
        )
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    listing = [
        s for s in statements if "order by" in s and "limit" in s and "from audit_entry" not in s
    ]
    assert listing and " like " in listing[-1]


def test_never_a_participant_outside_the_active_caseload(session, caseload):
    counsellor, mine, _stranger = caseload
    # A former participant: the assignment ended yesterday.
    former = make_participant(session, with_counsellor=False, display_name="Anna Vroeger")
    make_caseload_assignment(
        session,
        counsellor=counsellor,
        participant=former,
        starts_at=utcnow() - timedelta(days=60),
        ends_at=utcnow() - timedelta(days=1),
    )
    # A future one, and a network member (not a participant) whose name matches.
    future = make_participant(session, with_counsellor=False, display_name="Anna Later")
    make_caseload_assignment(
        session, counsellor=counsellor, participant=future, starts_at=utcnow() + timedelta(days=3)
    )
    make_network_member(session, participant=mine["anna"], display_name="Anna Netwerk")
    viewer = Viewer.of(counsellor)
    for query in (
        CaseloadQuery(),
        CaseloadQuery(search="anna"),
        CaseloadQuery(filter="unread"),
        CaseloadQuery(filter="attention"),
        CaseloadQuery(filter="no_contact", no_contact_days=1),
        CaseloadQuery(sort="unread"),
    ):
        page = caseload_overview(session, viewer, query)
        names = {r["name"] for r in page["rows"]}
        assert not names & {"Anna Vreemd", "Anna Vroeger", "Anna Later", "Anna Netwerk"}
        assert page["total"] == len(page["rows"])
    assert caseload_overview(session, viewer)["total"] == 4
    # The stranger's five unread messages do not leak into anyone's count.
    assert sum(r["unread"] for r in caseload_overview(session, viewer)["rows"]) == 2
    # A team lead of the same team sees only their own caseload here (the team view is apart).
    lead = make_counsellor(session, team=session.get(Team, counsellor.team_id), is_team_lead=True)
    assert caseload_overview(session, Viewer.of(lead))["total"] == 0


@pytest.mark.parametrize(
    "maker", [make_participant, make_evaluator, make_admin, make_partner, make_network_member]
)
def test_other_roles_are_refused_and_audited(session, maker):
    user = maker(session)
    with pytest.raises(AccessDenied):
        caseload_overview(session, Viewer.of(user))
    entry = session.exec(select(AuditEntry).where(AuditEntry.actor_id == user.id)).one()
    assert entry.outcome == "refused"
    assert entry.category == "caseload_overview"


def _overview_entries(session, counsellor) -> list[AuditEntry]:
    return list(
        session.exec(
            select(AuditEntry).where(
                AuditEntry.actor_id == counsellor.id, AuditEntry.category == "caseload_overview"
            )
        )
    )


def test_the_self_refreshing_overview_is_audited_once_until_it_changes(session, caseload):
    counsellor, _, _ = caseload
    viewer = Viewer.of(counsellor, "127.0.0.1")
    for _ in range(5):  # the open page refreshes itself every few seconds
        caseload_overview(session, viewer)
    assert len(_overview_entries(session, counsellor)) == 1
    # A different view (another page of rows, another filter) is a new look.
    caseload_overview(session, viewer, CaseloadQuery(filter="unread"))
    assert len(_overview_entries(session, counsellor)) == 2
    # From another address it is another look too.
    caseload_overview(session, Viewer.of(counsellor, "127.0.0.2"))
    assert len(_overview_entries(session, counsellor)) == 3
