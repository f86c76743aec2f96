"""Consent changes: give, withdraw, end dates, requests; each a new record, never an edit."""

import ast
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

import jouw_omgeving.services
from jouw_omgeving.models import AuditEntry, Consent, ConsentRecord, Organisation, User
from jouw_omgeving.services import relations
from jouw_omgeving.services.consent import (
    consent_answer,
    consent_give,
    consent_request,
    consent_withdraw,
)
from jouw_omgeving.services.consent_partner import latest_scores
from jouw_omgeving.services.consent_read import consent_history, consent_overview
from jouw_omgeving.services.consent_rules import NEVER_MESSAGES
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.goals import goal_board
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_counsellor,
    make_goal,
    make_participant,
    make_partner,
    make_partner_organisation,
)

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


@dataclass
class World:
    """A participant with a counsellor, a partner organisation with a worker."""

    participant: User
    counsellor: User
    organisation: Organisation
    partner: User

    @property
    def org(self) -> str:
        return str(self.organisation.public_id)


@pytest.fixture
def world(session) -> World:
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    make_goal(session, participant=participant, title="Een eigen huis")
    organisation = make_partner_organisation(session, name="GGZ Oost")
    partner = make_partner(session, organisation=organisation)
    return World(participant, counsellor, organisation, partner)


def _me(world: World) -> Viewer:
    return Viewer.of(world.participant)


def _give(session, world, viewer=None, **kwargs):
    kwargs.setdefault("category", "goals")
    return consent_give(
        session,
        viewer or _me(world),
        participant_id=world.participant.id,
        organisation_public_id=world.org,
        **kwargs,
    )


def _withdraw(session, world, viewer=None, **kwargs):
    kwargs.setdefault("category", "goals")
    return consent_withdraw(
        session,
        viewer or _me(world),
        participant_id=world.participant.id,
        organisation_public_id=world.org,
        **kwargs,
    )


def _partner_reads_goals(session, world) -> bool:
    try:
        goal_board(session, Viewer.of(world.partner), participant_id=world.participant.id)
    except AccessDenied:
        return False
    return True


def _cell(session, world, category="goals"):
    [org] = [
        o
        for o in consent_overview(session, _me(world), participant_id=world.participant.id)
        if o["organisation_public_id"] == world.org
    ]
    return next(c for c in org["cells"] if c["category"] == category)


def _records(session, world) -> list[ConsentRecord]:
    return list(
        session.exec(
            select(ConsentRecord)
            .where(ConsentRecord.participant_id == world.participant.id)
            .order_by(ConsentRecord.id)
        )
    )


# --- give and withdraw -------------------------------------------------------------------


def test_overview_lists_every_partner_organisation_and_category(session, world):
    other = make_partner_organisation(session, name="Schuldhulp Stad")
    overview = consent_overview(session, _me(world), participant_id=world.participant.id)
    names = {o["organisation_name"] for o in overview}
    assert {"GGZ Oost", other.name} <= names
    assert all(
        [c["category"] for c in o["cells"]] == ["goals", "progress", "assignments"]
        for o in overview
    )
    assert _cell(session, world)["status"] == "none"


def test_giving_lets_the_partner_read_and_withdrawing_stops_the_next_read(session, world):
    assert not _partner_reads_goals(session, world)
    _give(session, world)
    assert _partner_reads_goals(session, world)
    assert _cell(session, world) == {
        "category": "goals",
        "status": "granted",
        "active": True,
        "last_day": "",
    }
    _withdraw(session, world)
    assert not _partner_reads_goals(session, world)  # the very next read
    assert _cell(session, world)["status"] == "withdrawn"
    outcomes = session.exec(
        select(AuditEntry.outcome)
        .where(AuditEntry.actor_id == world.partner.id)
        .order_by(AuditEntry.id)
    ).all()
    assert outcomes == ["refused", "allowed", "refused"]


def test_goals_consent_does_not_open_progress(session, world):
    _give(session, world)
    assert _cell(session, world, "progress")["status"] == "none"
    with pytest.raises(AccessDenied):
        latest_scores(session, Viewer.of(world.partner), participant_id=world.participant.id)


def test_an_end_date_passing_refuses_like_a_withdrawal(session, world, monkeypatch):
    _give(session, world, ends_on="2027-03-01", now=NOW)
    [record] = _records(session, world)
    # "tot en met 1 maart": it stops when 2 March begins in Amsterdam (23:00 UTC).
    assert record.ends_at == datetime(2027, 3, 1, 23, 0, tzinfo=UTC)
    monkeypatch.setattr(relations, "utcnow", lambda: datetime(2027, 3, 1, 22, 59, tzinfo=UTC))
    assert _partner_reads_goals(session, world)
    monkeypatch.setattr(relations, "utcnow", lambda: datetime(2027, 3, 1, 23, 0, tzinfo=UTC))
    assert not _partner_reads_goals(session, world)
    later = datetime(2027, 3, 2, 12, tzinfo=UTC)
    overview = consent_overview(session, _me(world), participant_id=world.participant.id, now=later)
    cell = next(c for o in overview if o["organisation_public_id"] == world.org for c in o["cells"])
    assert (cell["status"], cell["active"], cell["last_day"]) == ("expired", False, "2027-03-01")


@pytest.mark.parametrize(
    ("ends_on", "why"),
    [
        ("2026-12-04", "Kies een einddatum na vandaag."),
        ("2026-01-01", "Kies een einddatum na vandaag."),
        ("2028-12-05", "Kies een einddatum binnen twee jaar."),
        ("1 maart", "Vul een geldige datum in."),
        ("2027-02-30", "Vul een geldige datum in."),
        (20270301, "Vul een geldige datum in."),
        (["2027-03-01"], "Vul een geldige datum in."),
    ],
)
def test_bad_end_dates_are_refused_and_nothing_is_stored(session, world, ends_on, why):
    with pytest.raises(InvalidInput) as refused:
        _give(session, world, ends_on=ends_on, now=NOW)
    assert refused.value.message_id == why
    assert _records(session, world) == []


def test_end_date_up_to_two_years_ahead_is_fine(session, world):
    _give(session, world, ends_on=(date(2026, 12, 4) + timedelta(days=730)).isoformat(), now=NOW)
    assert len(_records(session, world)) == 1


@pytest.mark.parametrize("category", ["messages", "contacts", "", None, 3, ["goals"], "GOALS"])
def test_messages_and_other_categories_are_never_shareable(session, world, category):
    with pytest.raises(InvalidInput) as refused:
        _give(session, world, category=category)
    if category == "messages":
        assert refused.value.message_id == NEVER_MESSAGES
    assert (
        session.exec(select(Consent).where(Consent.participant_id == world.participant.id)).all()
        == []
    )


@pytest.mark.parametrize("organisation", ["not-a-uuid", None, 7, "own"])
def test_unknown_or_own_organisation_is_refused(session, world, organisation):
    if organisation == "own":
        organisation = str(session.get(Organisation, world.participant.organisation_id).public_id)
    with pytest.raises(InvalidInput):
        consent_give(
            session,
            _me(world),
            participant_id=world.participant.id,
            organisation_public_id=organisation,
            category="goals",
        )


def test_withdrawing_what_was_never_given_is_refused(session, world):
    with pytest.raises(InvalidInput):
        _withdraw(session, world)


# --- history: append-only ----------------------------------------------------------------


def test_every_change_is_a_new_record_and_old_ones_stay_as_they_were(session, world):
    _give(session, world, ends_on="2027-03-01", now=NOW)
    first = _records(session, world)[0].model_dump()
    _give(session, world, ends_on="2027-06-01", now=NOW + timedelta(hours=1))
    _withdraw(session, world, now=NOW + timedelta(hours=2))
    records = _records(session, world)
    assert [r.action for r in records] == ["grant", "grant", "withdraw"]
    assert records[0].model_dump() == first
    assert {r.recorded_by_id for r in records} == {world.participant.id}
    assert not any(r.on_participants_request for r in records)
    [consent] = session.exec(select(Consent).where(Consent.participant_id == world.participant.id))
    assert consent.status == "withdrawn"
    history = consent_history(session, _me(world), participant_id=world.participant.id)
    assert [(h["action"], h["last_day"]) for h in history] == [
        ("withdraw", ""),
        ("grant", "2027-06-01"),
        ("grant", "2027-03-01"),
    ]
    assert history[0]["organisation_name"] == "GGZ Oost"


_SERVICES_DIR = Path(jouw_omgeving.services.__file__).parent
_WRITES = {"update", "delete", "merge", "execute", "bulk_update_mappings", "bulk_save_objects"}


def test_no_service_changes_or_deletes_a_consent_record():
    """Services only ever add ConsentRecord rows: no update/delete calls, no attribute writes."""
    for path in _SERVICES_DIR.glob("*.py"):
        source = path.read_text()
        assert not re.search(r"(update|delete\s+from)\s+\"?consent_record", source, re.I)
        if "ConsentRecord" not in source:
            continue
        assert path.stem in {"consent", "consent_read", "my_data"}, path.stem
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                assert name not in _WRITES, f"{path.stem}: {name}()"
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                        assert target.value.id != "record", f"{path.stem}:{node.lineno}"


# --- the counsellor: on request, and prepared requests -----------------------------------


def test_counsellor_records_consent_only_on_the_participants_request(session, world):
    counsellor = Viewer.of(world.counsellor)
    with pytest.raises(InvalidInput):
        _give(session, world, viewer=counsellor)
    _give(session, world, viewer=counsellor, on_participants_request=True, note="Huisbezoek")
    [record] = _records(session, world)
    assert record.recorded_by_id == world.counsellor.id
    assert record.on_participants_request and record.note == "Huisbezoek"
    history = consent_history(session, counsellor, participant_id=world.participant.id)
    assert history[0]["recorded_by_role"] == "counsellor"
    assert history[0]["on_participants_request"] is True
    audited = session.exec(
        select(AuditEntry.category, AuditEntry.action, AuditEntry.outcome).where(
            AuditEntry.actor_id == world.counsellor.id
        )
    ).all()
    assert ("consent", "create", "allowed") in audited
    assert ("consent", "read", "allowed") in audited


def test_a_request_gives_nothing_until_accepted(session, world):
    consent_request(
        session,
        Viewer.of(world.counsellor),
        participant_id=world.participant.id,
        organisation_public_id=world.org,
        category="goals",
        ends_on="2027-03-01",
        now=NOW,
    )
    assert _cell(session, world)["status"] == "requested"
    assert _cell(session, world)["last_day"] == "2027-03-01"
    assert not _partner_reads_goals(session, world)
    consent_answer(
        session, _me(world), organisation_public_id=world.org, category="goals", accept=True
    )
    assert _partner_reads_goals(session, world)
    assert [r.action for r in _records(session, world)] == ["request", "grant"]
    assert _records(session, world)[1].recorded_by_id == world.participant.id


def test_a_declined_request_gives_nothing(session, world):
    consent_request(
        session,
        Viewer.of(world.counsellor),
        participant_id=world.participant.id,
        organisation_public_id=world.org,
        category="progress",
    )
    consent_answer(
        session, _me(world), organisation_public_id=world.org, category="progress", accept=False
    )
    assert _cell(session, world, "progress")["status"] == "declined"
    assert [r.action for r in _records(session, world)] == ["request", "decline"]
    with pytest.raises(InvalidInput):  # answered already
        consent_answer(
            session, _me(world), organisation_public_id=world.org, category="progress", accept=True
        )


def test_requesting_what_is_granted_or_asked_already_is_refused(session, world):
    counsellor = Viewer.of(world.counsellor)
    _give(session, world)
    with pytest.raises(InvalidInput):
        consent_request(
            session,
            counsellor,
            participant_id=world.participant.id,
            organisation_public_id=world.org,
            category="goals",
        )


# --- refusals ----------------------------------------------------------------------------


def test_others_may_not_change_or_read_someones_consent(session, world):
    stranger = make_participant(session)
    other_counsellor = make_counsellor(session)
    admin = make_admin(session)
    for user in (stranger, other_counsellor, world.partner, admin):
        viewer = Viewer.of(user)
        with pytest.raises(AccessDenied):
            _give(session, world, viewer=viewer, on_participants_request=True)
        with pytest.raises(AccessDenied):
            consent_history(session, viewer, participant_id=world.participant.id)
        with pytest.raises(AccessDenied):
            consent_overview(session, viewer, participant_id=world.participant.id)
        refusals = session.exec(
            select(AuditEntry.subject_participant_id, AuditEntry.category).where(
                AuditEntry.actor_id == user.id, AuditEntry.outcome == "refused"
            )
        ).all()
        assert refusals == [(world.participant.id, "consent")] * 3
    assert _records(session, world) == []


def test_only_counsellors_request_and_only_participants_answer(session, world):
    with pytest.raises(AccessDenied):
        consent_request(
            session,
            _me(world),
            participant_id=world.participant.id,
            organisation_public_id=world.org,
            category="goals",
        )
    with pytest.raises(AccessDenied):
        consent_answer(
            session,
            Viewer.of(world.counsellor),
            organisation_public_id=world.org,
            category="goals",
            accept=True,
        )
    with pytest.raises(AccessDenied):  # not their caseload
        consent_request(
            session,
            Viewer.of(make_counsellor(session)),
            participant_id=world.participant.id,
            organisation_public_id=world.org,
            category="goals",
        )
