"""The audit log: admin search (filters, pages, newest first), the participant's own list,
and proof that no service can change or remove an entry."""

import ast
import importlib
import pkgutil
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

import jouw_omgeving.services
from jouw_omgeving.models import AuditEntry
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.services.audit_log import access_log, audit_search
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.goals import goal_board
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_admin, make_counsellor, make_participant


def _views(session, counsellor, participant, times=1):
    for _ in range(times):
        goal_board(session, Viewer.of(counsellor), participant_id=participant.id)


def test_search_filters_by_actor_participant_outcome_and_category(session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    mine = make_participant(session, counsellor=counsellor)
    other = make_participant(session)
    _views(session, counsellor, mine, times=2)
    with pytest.raises(AccessDenied):
        goal_board(session, Viewer.of(counsellor), participant_id=other.id)

    page = audit_search(session, Viewer.of(admin), actor_username=counsellor.username)
    assert [(r["participant_username"], r["outcome"]) for r in page["rows"]] == [
        (other.username, "refused"),
        (mine.username, "allowed"),
        (mine.username, "allowed"),
    ]
    refused = audit_search(
        session, Viewer.of(admin), actor_username=counsellor.username, outcome="refused"
    )
    assert [r["participant_username"] for r in refused["rows"]] == [other.username]
    by_participant = audit_search(
        session, Viewer.of(admin), participant_username=mine.username, category="goals"
    )
    assert {r["actor_username"] for r in by_participant["rows"]} == {counsellor.username}
    assert audit_search(session, Viewer.of(admin), actor_username="nobody-at-all")["rows"] == []


def test_search_pages_newest_first(session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    _views(session, counsellor, participant, times=5)
    viewer = Viewer.of(admin)
    first = audit_search(session, viewer, actor_username=counsellor.username, page_size=2)
    second = audit_search(session, viewer, actor_username=counsellor.username, page=2, page_size=2)
    last = audit_search(session, viewer, actor_username=counsellor.username, page=3, page_size=2)
    assert (first["has_next"], second["has_next"], last["has_next"]) == (True, True, False)
    moments = [r["occurred_at"] for p in (first, second, last) for r in p["rows"]]
    assert len(moments) == 5
    assert moments == sorted(moments, reverse=True)


def test_search_by_period(session):
    admin = make_admin(session)
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    _views(session, counsellor, participant)
    viewer = Viewer.of(admin)
    now = utcnow()
    found = audit_search(
        session, viewer, actor_username=counsellor.username, since=now - timedelta(hours=1)
    )
    assert len(found["rows"]) == 1
    past = audit_search(
        session, viewer, actor_username=counsellor.username, until=now - timedelta(hours=1)
    )
    assert past["rows"] == []


def test_search_is_itself_audited_and_shows_in_the_participants_log(session):
    admin = make_admin(session)
    participant = make_participant(session)
    audit_search(session, Viewer.of(admin), participant_username=participant.username)
    [entry] = session.exec(select(AuditEntry).where(AuditEntry.actor_id == admin.id)).all()
    assert (entry.category, entry.outcome) == ("audit", "allowed")
    assert entry.subject_participant_id == participant.id
    [row] = access_log(session, Viewer.of(participant))["rows"]
    assert (row["category"], row["actor_role"]) == ("audit", "admin")


@pytest.mark.parametrize(
    "filters",
    [
        {"page": 0},
        {"page": "2"},
        {"page_size": 10_000},
        {"outcome": "maybe"},
        {"category": "everything"},
        {"actor_username": 42},
        {"since": "2026-01-01"},
        {"until": utcnow().replace(tzinfo=None)},
    ],
    ids=repr,
)
def test_search_refuses_malformed_filters(session, filters):
    with pytest.raises(InvalidInput):
        audit_search(session, Viewer.of(make_admin(session)), **filters)


def test_access_log_shows_only_others_allowed_access_newest_first(session):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    stranger = make_counsellor(session)
    goal_board(session, Viewer.of(participant), participant_id=participant.id)  # own: no entry
    _views(session, counsellor, participant, times=3)
    with pytest.raises(AccessDenied):
        goal_board(session, Viewer.of(stranger), participant_id=participant.id)
    page = access_log(session, Viewer.of(participant), page_size=2)
    assert page["has_next"]
    rows = page["rows"] + access_log(session, Viewer.of(participant), page=2, page_size=2)["rows"]
    assert [(r["actor_name"], r["action"], r["category"]) for r in rows] == [
        (counsellor.display_name, "read", "goals")
    ] * 3


# --- append-only: no service path updates or deletes an audit entry ------------------------

_SERVICES_DIR = Path(jouw_omgeving.services.__file__).parent
_WRITES = {"update", "delete", "merge", "execute", "bulk_update_mappings", "bulk_save_objects"}


def _service_sources() -> dict[str, str]:
    return {
        info.name: (_SERVICES_DIR / f"{info.name}.py").read_text()
        for info in pkgutil.iter_modules(jouw_omgeving.services.__path__)
    }


def test_only_the_writer_and_the_reader_touch_audit_entries():
    users = {name for name, source in _service_sources().items() if "AuditEntry" in source}
    assert users <= {"audit", "audit_log", "my_data"}  # my_data: the participant's export


@pytest.mark.parametrize("module", ["audit", "audit_log", "my_data"])
def test_audit_modules_never_change_or_delete(module):
    tree = ast.parse(_service_sources()[module])
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            assert name not in _WRITES, f"{module}: {name}() may change audit rows"
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            assert not any(isinstance(t, ast.Attribute) for t in targets), (
                f"{module}: attribute assignment at line {node.lineno}"
            )


def test_no_service_has_raw_sql_against_the_audit_table():
    pattern = re.compile(r"(update|delete\s+from|truncate)\s+\"?audit_entry", re.I)
    for name, source in _service_sources().items():
        assert not pattern.search(source), name


def test_audit_record_only_adds(session):
    """The writer adds a new row each time; earlier rows stay exactly as they were."""
    audit = importlib.import_module("jouw_omgeving.services.audit")
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    _views(session, counsellor, participant)
    [first] = session.exec(select(AuditEntry).where(AuditEntry.actor_id == counsellor.id)).all()
    snapshot = first.model_dump()
    audit.audit_record(
        session,
        viewer=Viewer.of(counsellor),
        participant_id=participant.id,
        action="read",
        category="goals",
        outcome="allowed",
    )
    session.flush()
    session.expire_all()
    entries = session.exec(select(AuditEntry).where(AuditEntry.actor_id == counsellor.id)).all()
    assert len(entries) == 2
    assert entries[0].model_dump() == snapshot
