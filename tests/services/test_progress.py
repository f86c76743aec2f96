"""Progress selectors on hand-made data whose right answer is known, and who is refused."""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry, GoalStep, Organisation
from jouw_omgeving.models.enums import ConsentCategory, StepStatus
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.progress import (
    latest_side_by_side,
    progress_overview,
    scores_over_time,
    steps_done_per_month,
)
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_assessment,
    make_consent,
    make_counsellor,
    make_evaluator,
    make_goal,
    make_instrument,
    make_participant,
    make_partner,
)

JAN = datetime(2026, 1, 10, 12, tzinfo=UTC)
FEB = datetime(2026, 2, 10, 12, tzinfo=UTC)
MAR = datetime(2026, 3, 10, 12, tzinfo=UTC)


def _audit(session, actor) -> list[tuple[str, str]]:
    return [
        (e.category, e.outcome)
        for e in session.exec(
            select(AuditEntry).where(AuditEntry.actor_id == actor.id).order_by(AuditEntry.id)
        )
    ]


@pytest.fixture
def world(session):
    """A participant with an instrument of their organisation, own and counsellor scores."""
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    instrument = make_instrument(
        session,
        organisation=_organisation(session, participant),
        domains=(("housing", "Wonen", "Housing"), ("money", "Geld", "Money")),
    )
    make_assessment(
        session,
        participant=participant,
        instrument=instrument,
        scores={"housing": 2, "money": 3},
        taken_at=JAN,
    )
    make_assessment(
        session,
        participant=participant,
        instrument=instrument,
        scores={"housing": 4, "money": 3},
        taken_at=MAR,
    )
    make_assessment(
        session,
        participant=participant,
        assessor=counsellor,
        instrument=instrument,
        scores={"housing": 3},
        taken_at=FEB,
    )
    return participant, counsellor, instrument


def _organisation(session, participant):
    return session.get(Organisation, participant.organisation_id)


def test_my_scores_over_time_oldest_first_per_domain(session, world):
    participant, _counsellor, _instrument = world
    points = scores_over_time(session, Viewer.of(participant), participant_id=participant.id)
    assert [(p["domain_key"], p["score"]) for p in points] == [
        ("housing", 2),
        ("money", 3),
        ("housing", 4),
        ("money", 3),
    ]
    assert points[0]["taken_at"] == JAN.isoformat()
    assert points[0]["domain_name"] == "Wonen"
    english = scores_over_time(
        session, Viewer.of(participant), participant_id=participant.id, lang="en"
    )
    assert english[0]["domain_name"] == "Housing"
    # The participant's own reads are not audited.
    assert _audit(session, participant) == []


def test_counsellor_scores_over_time_are_kept_apart(session, world):
    participant, counsellor, _instrument = world
    points = scores_over_time(
        session, Viewer.of(counsellor), participant_id=participant.id, assessor_role="counsellor"
    )
    assert [(p["domain_key"], p["score"]) for p in points] == [("housing", 3)]
    assert _audit(session, counsellor) == [("progress", "allowed")]


def test_latest_scores_side_by_side(session, world):
    participant, _counsellor, _instrument = world
    rows = latest_side_by_side(session, Viewer.of(participant), participant_id=participant.id)
    assert rows == [
        {"domain_key": "housing", "domain_name": "Wonen", "own": 4, "counsellor": 3},
        {"domain_key": "money", "domain_name": "Geld", "own": 3, "counsellor": 0},
    ]


def test_steps_done_per_month_counts_only_done_steps_in_the_window(session, world):
    participant, _counsellor, _instrument = world
    goal = make_goal(session, participant=participant, steps=())
    other = make_participant(session)
    other_goal = make_goal(session, participant=other, steps=())
    done_at = [JAN, JAN.replace(day=31, hour=23), FEB, datetime(2025, 1, 5, tzinfo=UTC)]
    for moment in done_at:
        session.add(
            GoalStep(
                goal_id=goal.id,
                title="stap",
                status=StepStatus.DONE,
                done_at=moment,
                created_by_id=participant.id,
            )
        )
    session.add(
        GoalStep(
            goal_id=goal.id, title="open", status=StepStatus.OPEN, created_by_id=participant.id
        )
    )
    session.add(
        GoalStep(
            goal_id=other_goal.id,
            title="niet van mij",
            status=StepStatus.DONE,
            done_at=FEB,
            created_by_id=other.id,
        )
    )
    session.flush()
    months = steps_done_per_month(
        session, Viewer.of(participant), participant_id=participant.id, months=3, now=MAR
    )
    assert months == [
        {"month": "2026-01", "steps_done": 2},
        {"month": "2026-02", "steps_done": 1},
        {"month": "2026-03", "steps_done": 0},
    ]


def test_overview_reads_everything_under_one_audit_entry(session, world):
    participant, counsellor, instrument = world
    overview = progress_overview(
        session, Viewer.of(counsellor), participant_id=participant.id, now=MAR
    )
    assert overview["instrument"]["public_id"] == str(instrument.public_id)
    assert len(overview["over_time"]) == 4
    assert overview["side_by_side"][0]["own"] == 4
    assert overview["own_latest_at"] == MAR.isoformat()
    assert overview["counsellor_latest_at"] == FEB.isoformat()
    assert len(overview["steps_per_month"]) == 12
    assert _audit(session, counsellor) == [("progress", "allowed")]


def test_a_participant_without_anything_gets_empty_charts(session):
    participant = make_participant(session)
    overview = progress_overview(session, Viewer.of(participant), participant_id=participant.id)
    assert overview["over_time"] == []
    assert all(m["steps_done"] == 0 for m in overview["steps_per_month"])


def test_partner_with_progress_consent_reads_and_is_audited(session, world):
    participant, _counsellor, _instrument = world
    partner = make_partner(session)
    make_consent(
        session,
        participant=participant,
        organisation=_partner_org(session, partner),
        category=ConsentCategory.PROGRESS,
    )
    rows = latest_side_by_side(session, Viewer.of(partner), participant_id=participant.id)
    assert rows[0]["own"] == 4
    assert _audit(session, partner) == [("progress", "allowed")]


def _partner_org(session, partner):
    return session.get(Organisation, partner.organisation_id)


REFUSED_READERS = ["other_participant", "other_counsellor", "partner_goals_only", "evaluator"]


def _reader(session, kind: str, participant):
    if kind == "other_participant":
        return make_participant(session)
    if kind == "other_counsellor":
        return make_counsellor(session)
    if kind == "partner_goals_only":
        partner = make_partner(session)
        make_consent(
            session,
            participant=participant,
            organisation=_partner_org(session, partner),
            category=ConsentCategory.GOALS,
        )
        return partner
    return make_evaluator(session)


@pytest.mark.parametrize("kind", REFUSED_READERS)
@pytest.mark.parametrize(
    "read",
    [
        lambda s, v, p: scores_over_time(s, v, participant_id=p),
        lambda s, v, p: latest_side_by_side(s, v, participant_id=p),
        lambda s, v, p: steps_done_per_month(s, v, participant_id=p),
        lambda s, v, p: progress_overview(s, v, participant_id=p),
    ],
    ids=["over_time", "side_by_side", "steps", "overview"],
)
def test_others_are_refused_and_audited(session, world, kind, read):
    participant, _counsellor, _instrument = world
    reader = _reader(session, kind, participant)
    with pytest.raises(AccessDenied):
        read(session, Viewer.of(reader), participant.id)
    assert _audit(session, reader) == [("progress", "refused")]
