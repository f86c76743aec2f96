"""Reach and use, retention, the filter and the threshold, on a hand-made pilot."""

from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session, select

from jouw_omgeving.models import AuditEntry
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.evaluation import evaluation_dashboard, evaluation_options
from jouw_omgeving.services.evaluation_scope import EvaluationFilter, evaluation_scope
from jouw_omgeving.services.evaluation_use import reach_weekly, retention_cohorts
from tests.factories import (
    make_goal,
    make_goal_step,
    make_message,
    make_organisation,
    make_partner_organisation,
    make_team,
    make_thread,
)
from tests.services.evaluation_world import at, log_in, make_world

WEEKS = [date(2026, 3, d) for d in (2, 9, 16, 23, 30)]


def _series(frame: pd.DataFrame, measure: str) -> list:
    rows = frame[frame["measure"] == measure].sort_values("week")
    assert list(rows["week"]) == WEEKS
    return [None if pd.isna(v) else int(v) for v in rows["participants"]]


def _use(session: Session, world) -> None:
    """Week of 2 March: all six of team A message; 9 March: five log in; 16 March: three
    do a step (one of them twice, and one also hands in nothing)."""
    for person in world.team_a:
        thread = make_thread(session, participant=person)
        make_message(session, thread=thread, sender=person, created_at=at(3))
        make_message(session, thread=thread, sender=person, created_at=at(4))
    for person in world.team_a[:5]:
        log_in(session, person, at(10))
    for person in world.team_a[:3]:
        goal = make_goal(session, participant=person, steps=())
        for _ in range(2):
            step = make_goal_step(session, goal=goal, status="done")
            step.done_at = at(17)
    session.flush()


def test_reach_counts_each_participant_once_per_week_and_hides_small_weeks(session: Session):
    world = make_world(session)
    _use(session, world)
    frame = reach_weekly(session, world.evaluator, world.query())
    assert _series(frame, "enrolled") == [6, 8, 8, 8, 8]
    assert _series(frame, "active") == [6, 5, None, 0, 0]
    assert _series(frame, "messaged") == [6, 0, 0, 0, 0]
    assert _series(frame, "logged_in") == [0, 5, 0, 0, 0]
    assert _series(frame, "did_work") == [0, 0, None, 0, 0]
    hidden = frame[frame["suppressed"]]
    assert set(hidden["measure"]) == {"active", "did_work"}
    assert hidden["participants"].isna().all()


def test_team_filter_keeps_to_the_team(session: Session):
    world = make_world(session)
    _use(session, world)
    team_b = reach_weekly(session, world.evaluator, world.query(team=world.team_b_id))
    assert _series(team_b, "enrolled") == [0, None, None, None, None]
    assert _series(team_b, "active") == [0, 0, 0, 0, 0]
    team_a = reach_weekly(session, world.evaluator, world.query(team=world.team_a_id))
    assert _series(team_a, "enrolled") == [6, 6, 6, 6, 6]


def test_retention_per_cohort(session: Session):
    world = make_world(session)
    for person in world.team_a:  # month 0 after enrolment on 1 February
        make_message(
            session,
            thread=make_thread(session, participant=person),
            sender=person,
            created_at=at(10, 2),
        )
    for person in world.team_a[:5]:  # 42 days after enrolment: month 1
        log_in(session, person, at(15))
    frame = retention_cohorts(
        session, world.evaluator, world.query(start=date(2026, 2, 1), end=date(2026, 3, 31))
    )
    february = frame[frame["cohort"] == "2026-02"].set_index("months_since")
    assert list(february.index) == [0, 1]
    assert list(february["active"]) == [6, 5]
    assert february.loc[1, "retention"] == pytest.approx(5 / 6)
    march = frame[frame["cohort"] == "2026-03"]
    assert march["suppressed"].all() and march["cohort_size"].isna().all()


def test_threshold_comes_from_the_organisation_setting(session: Session):
    world = make_world(session, threshold=7)
    _use(session, world)
    frame = reach_weekly(session, world.evaluator, world.query())
    assert _series(frame, "active") == [None, None, None, 0, 0]
    assert _series(frame, "enrolled") == [None, 8, 8, 8, 8]


def test_a_stored_threshold_below_five_is_not_honoured(session: Session):
    world = make_world(session, threshold=2)
    scope = evaluation_scope(session, world.evaluator, world.query())
    assert scope.threshold == 5


@pytest.mark.parametrize(
    "change",
    [
        {"organisation_public_id": "not-a-uuid"},
        {"organisation_public_id": "00000000-0000-0000-0000-000000000000"},
        {"team_public_id": "00000000-0000-0000-0000-000000000000"},
        {"start": date(2026, 4, 1)},  # after the end
        {"start": date(2020, 1, 1)},  # longer than three years
        {"start": "2026-03-01"},  # a string, not a date
    ],
)
def test_a_filter_that_does_not_fit_is_refused(session: Session, change: dict):
    world = make_world(session)
    values = {"organisation_public_id": world.organisation_id, "start": date(2026, 3, 1)}
    values |= {"end": date(2026, 3, 31)} | change
    with pytest.raises(InvalidInput):
        evaluation_scope(session, world.evaluator, EvaluationFilter(**values))


def test_teams_and_partners_of_other_organisations_are_refused(session: Session):
    world = make_world(session)
    other_team = make_team(session, organisation=make_organisation(session))
    with pytest.raises(InvalidInput):
        evaluation_scope(session, world.evaluator, world.query(team=str(other_team.public_id)))
    partner = make_partner_organisation(session)
    query = EvaluationFilter(str(partner.public_id), date(2026, 3, 1), date(2026, 3, 31))
    with pytest.raises(InvalidInput):
        evaluation_scope(session, world.evaluator, query)


def test_options_list_own_organisations_with_teams_and_threshold(session: Session):
    world = make_world(session, threshold=8)
    options = {o["public_id"]: o for o in evaluation_options(session, world.evaluator)}
    mine = options[world.organisation_id]
    assert mine["threshold"] == 8
    assert {t["public_id"] for t in mine["teams"]} == {world.team_a_id, world.team_b_id}


def test_dashboard_has_every_family_and_the_comparison_and_is_audited(session: Session):
    world = make_world(session)
    _use(session, world)
    query = world.query(compare_start=date(2026, 2, 2), compare_end=date(2026, 3, 1))
    frames = evaluation_dashboard(session, world.evaluator, query)
    assert {"reach", "contacts", "goals", "self_reliance", "check_ins", "comparison"} <= set(frames)
    comparison = frames["comparison"].set_index("figure")
    assert comparison.loc["active_per_week", "period"] == pytest.approx((6 + 5) / 4)
    assert comparison.loc["active_per_week", "comparison"] == pytest.approx(0)
    # Only aggregates: no column names a person or an id.
    columns = {c for f in frames.values() for c in f.columns}
    assert not columns & {"pid", "participant_id", "pseudonym", "display_name", "user_id"}
    entry = session.exec(
        select(AuditEntry).where(AuditEntry.actor_id == world.evaluator.user_id)
    ).one()
    assert (entry.outcome, entry.category, entry.subject_participant_id) == (
        "allowed",
        "aggregates",
        None,
    )
