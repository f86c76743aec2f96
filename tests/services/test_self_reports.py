"""A participant records their own assessment and weekly check-in; nobody else can."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from jouw_omgeving.models import (
    Assessment,
    AssessmentScore,
    AuditEntry,
    CaseloadAssignment,
    CheckIn,
    Instrument,
    LifeDomain,
    Organisation,
    User,
)
from jouw_omgeving.services.errors import AccessDenied, InvalidInput
from jouw_omgeving.services.self_reports import (
    assessment_form,
    check_in_record,
    self_assessment_record,
    this_week_check_in,
    week_bounds,
)
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_admin,
    make_counsellor,
    make_evaluator,
    make_instrument,
    make_participant,
    make_partner,
)

DOMAINS = (("housing", "Wonen", "Housing"), ("money", "Geld", "Money"))
# A Wednesday; its week runs from Monday 2 March 00:00 Dutch time (23:00 UTC on Sunday).
WEDNESDAY = datetime(2026, 3, 4, 12, tzinfo=UTC)


@pytest.fixture
def participant(session):
    return make_participant(session)


@pytest.fixture
def instrument(session, participant):
    organisation = session.get(Organisation, participant.organisation_id)
    return make_instrument(session, organisation=organisation, domains=DOMAINS, version=3)


def _record(session, viewer_user, participant, instrument, scores):
    return self_assessment_record(
        session,
        Viewer.of(viewer_user),
        participant_id=participant.id,
        instrument_public_id=str(instrument.public_id),
        scores=scores,
    )


def test_the_form_is_the_active_instrument_of_my_organisation(session, participant, instrument):
    form = assessment_form(session, Viewer.of(participant), participant_id=participant.id)
    assert form["public_id"] == str(instrument.public_id)
    assert [d["key"] for d in form["domains"]] == ["housing", "money"]
    assert [lv["value"] for lv in form["levels"]] == [1, 2, 3, 4, 5]


def test_a_self_assessment_is_stored_with_its_instrument_version(session, participant, instrument):
    public_id = _record(session, participant, participant, instrument, {"housing": 2, "money": 5})
    assessment = session.exec(
        select(Assessment).where(Assessment.public_id == uuid.UUID(public_id))
    ).one()
    assert assessment.assessor_role == "participant"
    assert assessment.assessor_id == participant.id
    assert session.get(Instrument, assessment.instrument_id).version == 3
    scores = session.exec(
        select(LifeDomain.key, AssessmentScore.score)
        .join(LifeDomain, LifeDomain.id == AssessmentScore.life_domain_id)
        .where(AssessmentScore.assessment_id == assessment.id)
    ).all()
    assert dict(scores) == {"housing": 2, "money": 5}


@pytest.mark.parametrize(
    "scores",
    [
        {"housing": 2},  # a domain missing
        {"housing": 2, "money": 3, "garbage": 1},  # an unknown domain
        {"housing": 0, "money": 3},  # below the scale
        {"housing": 6, "money": 3},  # above the scale
        {"housing": True, "money": 3},  # a browser's true is not a score
        {"housing": "3", "money": 3},
        {"housing": 2.5, "money": 3},
        {"housing": None, "money": 3},
        ["housing", "money"],
    ],
    ids=repr,
)
def test_bad_answers_are_refused_and_nothing_is_stored(session, participant, instrument, scores):
    with pytest.raises(InvalidInput):
        _record(session, participant, participant, instrument, scores)
    assert (
        session.exec(select(Assessment).where(Assessment.participant_id == participant.id)).all()
        == []
    )


@pytest.mark.parametrize("instrument_id", ["", "not-a-uuid", None, 7, "0" * 500])
def test_answers_on_another_instrument_are_refused(session, participant, instrument, instrument_id):
    with pytest.raises(InvalidInput):
        self_assessment_record(
            session,
            Viewer.of(participant),
            participant_id=participant.id,
            instrument_public_id=instrument_id,
            scores={"housing": 2, "money": 3},
        )


def test_an_inactive_older_version_is_refused(session, participant, instrument):
    old = make_instrument(session, domains=DOMAINS)
    old.active = False
    session.add(old)
    session.flush()
    with pytest.raises(InvalidInput):
        _record(session, participant, participant, old, {"housing": 2, "money": 3})


WRITER_KINDS = [
    "other_participant",
    "own_counsellor",
    "other_counsellor",
    "partner",
    "evaluator",
    "admin",
]


def _writer(session, kind, participant):
    if kind == "own_counsellor":
        assignment = session.exec(
            select(CaseloadAssignment).where(CaseloadAssignment.participant_id == participant.id)
        ).one()
        return session.get(User, assignment.counsellor_id)
    return {
        "other_participant": make_participant,
        "other_counsellor": make_counsellor,
        "partner": make_partner,
        "evaluator": make_evaluator,
        "admin": make_admin,
    }[kind](session)


def _audit(session, actor):
    return [
        (e.category, e.action, e.outcome, e.subject_participant_id)
        for e in session.exec(select(AuditEntry).where(AuditEntry.actor_id == actor.id))
    ]


@pytest.mark.parametrize("kind", WRITER_KINDS)
def test_only_the_participant_records_a_self_assessment(session, participant, instrument, kind):
    writer = _writer(session, kind, participant)
    with pytest.raises(AccessDenied):
        _record(session, writer, participant, instrument, {"housing": 2, "money": 3})
    assert _audit(session, writer) == [("progress", "create", "refused", participant.id)]
    assert (
        session.exec(select(Assessment).where(Assessment.participant_id == participant.id)).all()
        == []
    )


@pytest.mark.parametrize("kind", WRITER_KINDS)
def test_only_the_participant_records_a_check_in(session, participant, kind):
    writer = _writer(session, kind, participant)
    with pytest.raises(AccessDenied):
        check_in_record(session, Viewer.of(writer), participant_id=participant.id, mood=3)
    assert _audit(session, writer) == [("progress", "create", "refused", participant.id)]
    assert session.exec(select(CheckIn).where(CheckIn.participant_id == participant.id)).all() == []


def test_the_week_runs_monday_to_sunday_dutch_time():
    start, end = week_bounds(WEDNESDAY)
    assert start.astimezone(UTC) == datetime(2026, 3, 1, 23, tzinfo=UTC)
    assert end - start == timedelta(days=7)


def test_a_second_check_in_in_the_same_week_updates_the_first(session, participant):
    viewer = Viewer.of(participant)
    assert (
        check_in_record(
            session, viewer, participant_id=participant.id, mood=2, note="Zwaar", now=WEDNESDAY
        )
        == "created"
    )
    sunday_evening = datetime(2026, 3, 8, 22, tzinfo=UTC)  # 23:00 in Amsterdam, same week
    assert (
        check_in_record(
            session, viewer, participant_id=participant.id, mood=4, note="", now=sunday_evening
        )
        == "updated"
    )
    rows = session.exec(select(CheckIn).where(CheckIn.participant_id == participant.id)).all()
    assert [(r.mood, r.note) for r in rows] == [(4, None)]
    assert this_week_check_in(session, viewer, participant_id=participant.id, now=WEDNESDAY) == {
        "mood": 4,
        "note": "",
        "created_at": WEDNESDAY.isoformat(),
    }
    next_monday = datetime(2026, 3, 8, 23, 30, tzinfo=UTC)  # 00:30 Monday in Amsterdam
    assert (
        check_in_record(session, viewer, participant_id=participant.id, mood=5, now=next_monday)
        == "created"
    )
    assert (
        len(session.exec(select(CheckIn).where(CheckIn.participant_id == participant.id)).all())
        == 2
    )


@pytest.mark.parametrize("mood", [0, 6, -1, True, "3", 2.5, None, [3]], ids=repr)
def test_a_mood_off_the_scale_is_refused(session, participant, mood):
    with pytest.raises(InvalidInput):
        check_in_record(session, Viewer.of(participant), participant_id=participant.id, mood=mood)


@pytest.mark.parametrize("note", ["x" * 1001, 12, ["a"], {"a": 1}], ids=lambda n: repr(n)[:20])
def test_a_note_that_is_not_short_text_is_refused(session, participant, note):
    with pytest.raises(InvalidInput):
        check_in_record(
            session, Viewer.of(participant), participant_id=participant.id, mood=3, note=note
        )
