"""Contact mix, counsellor time, goals, self-reliance, digital skills and check-ins, on a
hand-made pilot (see ``evaluation_world``): six participants are shown, two are hidden."""

import io
from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session

from jouw_omgeving.models.enums import ContactKind, GoalStatus, StepStatus
from jouw_omgeving.seed.content_format import DIGITAL_SKILLS_TRACK
from jouw_omgeving.services.evaluation import frame_csv
from jouw_omgeving.services.evaluation_contacts import contact_mix, counsellor_minutes
from jouw_omgeving.services.evaluation_goals import goals_by_domain
from jouw_omgeving.services.evaluation_outcomes import (
    check_ins_weekly,
    digital_skills_progress,
    self_reliance_change,
)
from tests.factories import (
    life_domains,
    make_assessment,
    make_assignment,
    make_check_in,
    make_contact_moment,
    make_content_item,
    make_goal,
    make_goal_step,
    make_instrument,
    make_message,
    make_submission,
    make_thread,
)
from tests.services.evaluation_world import at, make_world


def _contacts(session: Session, world) -> None:
    """March: a one-hour visit with each of team A, two 15-minute calls, one untimed video
    call, and three messages in one counsellor thread."""
    for person in world.team_a:
        make_contact_moment(
            session,
            participant=person,
            counsellor=world.counsellor_a,
            occurred_at=at(5),
            duration_minutes=60,
        )
    for person in world.team_a[:2]:
        make_contact_moment(
            session,
            participant=person,
            counsellor=world.counsellor_a,
            kind=ContactKind.PHONE,
            occurred_at=at(12),
            duration_minutes=15,
        )
    make_contact_moment(
        session,
        participant=world.team_b[0],
        counsellor=world.counsellor_b,
        kind=ContactKind.VIDEO,
        occurred_at=at(20),
        duration_minutes=None,
    )
    thread = make_thread(session, participant=world.team_a[0])
    for day in (3, 4, 5):
        make_message(session, thread=thread, sender=world.counsellor_a, created_at=at(day))


def test_contact_mix_per_participant_in_care(session: Session):
    world = make_world(session)
    _contacts(session, world)
    frame = contact_mix(session, world.evaluator, world.query()).set_index("kind")
    assert set(frame["month"]) == {"2026-03"}
    visit = frame.loc["visit"]
    # Eight participants are in care in March (six of A, two of B from 10 March).
    assert (visit["contacts"], visit["participants_in_care"]) == (6, 8)
    assert visit["per_participant"] == pytest.approx(6 / 8)
    for small in ("phone", "video", "message"):  # 2, 1 and 1 participants behind them
        assert frame.loc[small, "suppressed"]
        assert pd.isna(frame.loc[small, "contacts"])
    assert frame.loc["platform", "contacts"] == 0 and not frame.loc["platform", "suppressed"]


def test_counsellor_minutes_per_participant(session: Session):
    world = make_world(session)
    _contacts(session, world)
    march = counsellor_minutes(session, world.evaluator, world.query()).iloc[0]
    assert (march["minutes"], march["contacts_timed"], march["contacts_untimed"]) == (390, 8, 1)
    assert march["minutes_per_participant"] == pytest.approx(390 / 8)
    team_a = counsellor_minutes(session, world.evaluator, world.query(team=world.team_a_id))
    assert team_a.iloc[0]["minutes_per_participant"] == pytest.approx(390 / 6)
    team_b = counsellor_minutes(session, world.evaluator, world.query(team=world.team_b_id))
    assert bool(team_b.iloc[0]["suppressed"])


def test_months_of_the_period_without_contacts_are_zero(session: Session):
    world = make_world(session)
    _contacts(session, world)
    frame = counsellor_minutes(
        session, world.evaluator, world.query(start=date(2026, 2, 1), end=date(2026, 3, 31))
    )
    assert list(frame["month"]) == ["2026-02", "2026-03"]
    assert list(frame["minutes"]) == [0, 390]


def test_goals_per_life_domain(session: Session):
    world = make_world(session)
    housing, money, *_ = life_domains(session, make_instrument(session))
    for n, person in enumerate(world.team_a):
        goal = make_goal(
            session, participant=person, life_domain=housing, steps=(), created_at=at(3)
        )
        if n < 5:
            goal.status, goal.completed_at = GoalStatus.DONE, at(20)
        for _ in range(1 + (n == 0)):  # seven steps: two for the first, one for the others
            make_goal_step(session, goal=goal, status=StepStatus.DONE).done_at = at(10)
    for person in world.team_b:
        make_goal(session, participant=person, life_domain=money, created_at=at(12))
    old = make_goal(session, participant=world.team_a[0], life_domain=money, created_at=at(1, 1))
    old.status = GoalStatus.DONE  # completed now (December), outside the period
    session.flush()
    frame = goals_by_domain(session, world.evaluator, world.query()).set_index("domain_key")
    housing_row = frame.loc["housing"]
    assert housing_row["domain_name"] == "Wonen"
    assert list(housing_row[["participants", "goals_set", "goals_achieved", "steps_done"]]) == [
        6,
        6,
        5,
        7,
    ]
    assert frame.loc["money", "suppressed"] and pd.isna(frame.loc["money", "goals_set"])
    english = goals_by_domain(session, world.evaluator, world.query(), lang="en")
    assert "Housing" in set(english["domain_name"])


def test_self_reliance_first_to_latest_with_n(session: Session):
    world = make_world(session)
    instrument = make_instrument(session)
    for n, person in enumerate(world.team_a[:5]):
        first, last = (1, 2) if n == 4 else (2, 4)
        make_assessment(
            session,
            participant=person,
            instrument=instrument,
            scores={"housing": first},
            taken_at=at(3),
        )
        if n == 0:  # a middle assessment does not count
            make_assessment(
                session,
                participant=person,
                instrument=instrument,
                scores={"housing": 5},
                taken_at=at(10),
            )
        make_assessment(
            session,
            participant=person,
            instrument=instrument,
            scores={"housing": last},
            taken_at=at(25),
        )
    # One assessment only: no change to measure, so not counted.
    make_assessment(
        session,
        participant=world.team_a[5],
        instrument=instrument,
        scores={"housing": 1},
        taken_at=at(3),
    )
    for person in world.team_a[:3]:  # counsellor's view of three participants: hidden
        for moment, score in ((at(4), 2), (at(24), 3)):
            make_assessment(
                session,
                participant=person,
                assessor=world.counsellor_a,
                instrument=instrument,
                scores={"housing": score},
                taken_at=moment,
            )
    frame = self_reliance_change(session, world.evaluator, world.query())
    own = frame[frame["assessor_role"] == "participant"].set_index("domain_key").loc["housing"]
    assert own["participants"] == 5
    assert own["mean_first"] == pytest.approx(9 / 5)
    assert own["mean_latest"] == pytest.approx(18 / 5)
    assert own["mean_change"] == pytest.approx(9 / 5)
    counsellor = frame[frame["assessor_role"] == "counsellor"].iloc[0]
    assert counsellor["suppressed"] and pd.isna(counsellor["mean_change"])


def test_digital_skills_progress_per_lesson(session: Session):
    world = make_world(session)
    lessons = [
        make_content_item(session, kind="lesson", track=DIGITAL_SKILLS_TRACK, title=f"Les {n}")
        for n in (1, 2)
    ]
    for lesson in lessons:
        lesson.position = int(lesson.id)
    for person in world.team_a:
        make_submission(
            session, assignment=make_assignment(session, participant=person, content=lessons[0])
        )
    for person in world.team_a[:2]:
        make_submission(
            session, assignment=make_assignment(session, participant=person, content=lessons[1])
        )
    today = date.today()
    query = world.query(start=date(2026, 3, 2), end=max(today, date(2026, 3, 31)))
    frame = digital_skills_progress(session, world.evaluator, query)
    mine = frame[frame["lesson"].isin(["Les 1", "Les 2"])].set_index("lesson")
    assert mine.loc["Les 1", "participants_done"] == 6
    assert mine.loc["Les 1", "share"] == pytest.approx(6 / 8)
    assert mine.loc["Les 2", "suppressed"] and pd.isna(mine.loc["Les 2", "share"])


def test_check_ins_per_week(session: Session):
    world = make_world(session)
    for person in world.team_a:
        make_check_in(session, participant=person, mood=4, created_at=at(3))
    make_check_in(session, participant=world.team_a[0], mood=1, created_at=at(6))
    for person in world.team_a[:3]:
        make_check_in(session, participant=person, mood=5, created_at=at(10))
    frame = check_ins_weekly(session, world.evaluator, world.query()).set_index("week")
    first = frame.loc[date(2026, 3, 2)]
    assert (first["check_ins"], first["participants"]) == (7, 6)
    assert first["mean_mood"] == pytest.approx(25 / 7)
    assert frame.loc[date(2026, 3, 9), "suppressed"]
    assert frame.loc[date(2026, 3, 16), "check_ins"] == 0


def test_csv_export_leaves_hidden_cells_empty(session: Session):
    world = make_world(session)
    _contacts(session, world)
    text = frame_csv(contact_mix(session, world.evaluator, world.query()))
    exported = pd.read_csv(io.StringIO(text)).set_index("kind")
    assert exported.loc["visit", "contacts"] == 6
    phone = exported.loc["phone"]
    assert bool(phone["suppressed"])
    assert phone[["contacts", "participants_with_kind", "per_participant"]].isna().all()
    assert not phone[["participants_with_kind"]].eq(2).any()
