"""The dashboard's families built side by side on connections of their own, as the app does.

The figures are the same as one after the other in one session; the progress callback
hears of every family once. (The app's own database: the families read committed rows.)
"""

from datetime import date
from functools import partial

import pandas as pd
import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.services.errors import AccessDenied
from jouw_omgeving.services.evaluation import FAMILIES, evaluation_dashboard, evaluation_families
from jouw_omgeving.services.viewer import Viewer
from tests.factories import make_counsellor, make_goal, make_goal_step, make_message, make_thread
from tests.services.evaluation_world import at, log_in, make_world


@pytest.fixture
def world(app_db):
    """The hand-made pilot with some use in March, committed."""
    with db_session() as session:
        world = make_world(session)
        for person in world.team_a:
            thread = make_thread(session, participant=person)
            make_message(session, thread=thread, sender=person, created_at=at(3))
        for person in world.team_a[:5]:
            log_in(session, person, at(10))
        for person in world.team_a[:3]:
            step = make_goal_step(session, goal=make_goal(session, participant=person, steps=()))
            step.status, step.done_at = "done", at(17)
    return world


def test_side_by_side_gives_the_figures_of_one_after_the_other(world):
    heard: list[str] = []
    together = evaluation_families(
        db_session, world.evaluator, world.query(), workers=2, on_done=heard.append
    )
    alone = evaluation_families(db_session, world.evaluator, world.query(), workers=1)
    assert list(together) == list(FAMILIES) and sorted(heard) == sorted(FAMILIES)
    for family in FAMILIES:
        pd.testing.assert_frame_equal(together[family], alone[family])
    active = together["reach"].query("measure == 'active'")["participants"]
    assert [None if pd.isna(v) else int(v) for v in active] == [6, 5, None, 0, 0]


def test_side_by_side_still_refuses_anyone_but_an_evaluator(world):
    with db_session() as session:
        counsellor = Viewer.of(make_counsellor(session))
    with pytest.raises(AccessDenied):
        evaluation_families(db_session, counsellor, world.query(), workers=2)


def test_the_comparison_period_side_by_side_gives_the_same_key_figures(world):
    query = world.query(compare_start=date(2026, 2, 2), compare_end=date(2026, 3, 1))
    # As the app: the dashboard's session writes the audit row (on SQLite it holds the write
    # lock until it commits), the families read on read-only sessions beside it.
    read_only = partial(db_session, write=False)
    with db_session() as session:
        together = evaluation_dashboard(session, world.evaluator, query, open_session=read_only)
        alone = evaluation_dashboard(session, world.evaluator, query)
    pd.testing.assert_frame_equal(together["comparison"], alone["comparison"])
    figures = together["comparison"].set_index("figure")
    assert figures.loc["active_per_week", "period"] == pytest.approx((6 + 5) / 4)
