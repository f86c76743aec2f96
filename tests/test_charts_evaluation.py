"""The evaluator's chart builders: hidden points are gaps with a note, never values."""

from datetime import date

import pandas as pd
import pytest

from jouw_omgeving.charts_dashboard import evaluation_chart
from jouw_omgeving.charts_evaluation import bar_chart, comparison_rows, line_chart
from jouw_omgeving.services.evaluation import FAMILIES

NOTE = "Verborgen: minder dan 5 deelnemers"


def _weeks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "week": ["2 mrt", "9 mrt", "16 mrt"] * 2,
            "measure": ["active"] * 3 + ["enrolled"] * 3,
            "participants": pd.array([6, None, 0, 8, 8, 8], dtype="Float64"),
            "suppressed": [False, True, False, False, False, False],
        }
    )


def test_a_hidden_point_is_a_gap_in_the_line_and_marked_on_the_axis():
    figure = line_chart(
        _weeks(),
        x="week",
        y="participants",
        series="measure",
        names={"active": "Actief", "enrolled": "Ingeschreven"},
        title="t",
        x_label="x",
        y_label="y",
        note=NOTE,
    )
    active, enrolled, hidden = figure.data
    assert list(active.y) == [6, None, 0]
    assert list(enrolled.y) == [8, 8, 8]
    assert hidden.name == NOTE and list(hidden.x) == ["9 mrt"] and list(hidden.y) == [0]
    assert {trace.type for trace in figure.data} <= {"scatter", "bar"}


def test_a_hidden_bar_is_left_out_and_marked():
    frame = pd.DataFrame(
        {
            "lesson": ["Les 1", "Les 2"],
            "percent": pd.array([75, None], dtype="Float64"),
            "text": ["75%", ""],
            "suppressed": [False, True],
        }
    )
    figure = bar_chart(
        frame,
        x="lesson",
        y="percent",
        series=None,
        names={"": "Procent"},
        title="t",
        x_label="",
        y_label="%",
        note=NOTE,
        text="text",
        horizontal=True,
    )
    bars, hidden = figure.data
    assert list(bars.x) == [75, None]
    assert list(hidden.y) == ["Les 2"] and hidden.name == NOTE


def test_without_hidden_points_there_is_no_note_trace():
    frame = _weeks().assign(suppressed=False, participants=1.0)
    figure = line_chart(
        frame,
        x="week",
        y="participants",
        series="measure",
        names={"active": "Actief"},
        title="t",
        x_label="x",
        y_label="y",
        note=NOTE,
    )
    assert [trace.name for trace in figure.data] == ["Actief"]


def test_comparison_rows_say_hidden_for_hidden_figures():
    frame = pd.DataFrame({"figure": ["goals_achieved"], "period": [12.0], "comparison": [None]})
    assert comparison_rows(frame, "nl") == [
        {"label": "Doelen bereikt", "period": "12", "comparison": "verborgen"}
    ]


@pytest.fixture
def empty_frames() -> dict[str, pd.DataFrame]:
    """Every family's frame with no rows (a new pilot), as the services return them."""
    from jouw_omgeving.services import evaluation_contacts as c
    from jouw_omgeving.services import evaluation_goals as g
    from jouw_omgeving.services import evaluation_outcomes as o
    from jouw_omgeving.services import evaluation_use as u

    columns = {
        "reach": u.WEEKLY_COLUMNS,
        "retention": u.COHORT_COLUMNS,
        "contacts": c.MIX_COLUMNS,
        "minutes": c.MINUTES_COLUMNS,
        "goals": g.GOAL_COLUMNS,
        "self_reliance": o.SELF_RELIANCE_COLUMNS,
        "digital_skills": o.TRACK_COLUMNS,
        "check_ins": o.CHECK_IN_COLUMNS,
    }
    return {k: pd.DataFrame(columns=v).astype({"suppressed": bool}) for k, v in columns.items()}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_family_charts_an_empty_pilot(empty_frames, lang):
    for key in FAMILIES:
        chart = evaluation_chart(key, empty_frames[key], threshold=5, lang=lang)
        assert chart["title"] and chart["explanation"] and chart["sentences"]


def test_week_labels_keep_their_order():
    frame = _weeks().assign(week=[date(2026, 3, d) for d in (2, 9, 16)] * 2)
    figure = line_chart(
        frame,
        x="week",
        y="participants",
        series="measure",
        names={"active": "Actief"},
        title="t",
        x_label="x",
        y_label="y",
        note=NOTE,
    )
    assert list(figure.layout.xaxis.categoryarray) == [date(2026, 3, d) for d in (2, 9, 16)]
