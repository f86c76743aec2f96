"""Chart builders: the figure holds the expected traces and values; each has its sentences."""

from datetime import UTC, datetime

import pandas as pd
import pytest

from jouw_omgeving import charts

JAN = datetime(2026, 1, 10, tzinfo=UTC)
MAR = datetime(2026, 3, 10, tzinfo=UTC)


@pytest.fixture
def points() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"domain_name": "Wonen", "taken_at": JAN, "score": 2},
            {"domain_name": "Geld", "taken_at": JAN, "score": 3},
            {"domain_name": "Wonen", "taken_at": MAR, "score": 4},
            {"domain_name": "Geld", "taken_at": MAR, "score": 3},
        ]
    )


def test_scores_over_time_has_one_line_per_domain_with_its_own_marker(points):
    figure = charts.scores_over_time_figure(
        points,
        title="Hoe het ging",
        x_label="Datum",
        y_label="Score",
        scale_min=1,
        scale_max=5,
        lang="nl",
    )
    assert [trace.name for trace in figure.data] == ["Wonen", "Geld"]
    assert list(figure.data[0].y) == [2, 4]
    assert list(figure.data[1].y) == [3, 3]
    assert figure.data[0].marker.symbol != figure.data[1].marker.symbol
    assert figure.data[0].mode == "lines+markers"
    assert figure.layout.title.text == "Hoe het ging"
    assert figure.layout.xaxis.title.text == "Datum"
    assert figure.layout.font.size >= 16
    # Dates on the axis are written the Dutch way (Babel), not by plotly in English.
    assert list(figure.layout.xaxis.ticktext) == ["10 jan 2026", "10 mrt 2026"]
    # The figure stays small: no full plotly template in the browser.
    assert len(figure.to_json()) < 5_000


def test_score_sentences_say_what_changed(points):
    assert charts.score_change_sentences(points, "nl") == [
        "Je score voor Wonen ging van 2 naar 4.",
        "Je score voor Geld bleef 3.",
    ]
    assert charts.score_change_sentences(points.iloc[:2], "en") == [
        "Your score for Wonen is 2.",
        "Your score for Geld is 3.",
    ]
    assert charts.score_change_sentences(points.iloc[0:0], "nl") == ["Hier is nog niets te zien."]


def test_side_by_side_bars_differ_by_pattern_and_carry_their_numbers():
    rows = pd.DataFrame(
        [
            {"domain_name": "Wonen", "own": 4, "counsellor": 3},
            {"domain_name": "Geld", "own": 3, "counsellor": 0},
        ]
    )
    figure = charts.side_by_side_figure(
        rows,
        title="Jij en je begeleider",
        own_label="Jij",
        counsellor_label="Je begeleider",
        x_label="Score",
        scale_min=1,
        scale_max=5,
    )
    own, theirs = figure.data
    assert (own.name, theirs.name) == ("Jij", "Je begeleider")
    assert own.orientation == "h"
    # First domain on top: plotly draws the first category at the bottom.
    assert list(own.y) == ["Geld", "Wonen"]
    assert list(own.x) == [3, 4]
    assert list(theirs.x) == [None, 3]
    assert list(theirs.text) == ["", "3"]
    assert own.marker.pattern.shape != theirs.marker.pattern.shape
    assert theirs.marker.pattern.fillmode == "overlay"  # else the bar is white lines only
    assert charts.side_by_side_sentences(rows, "nl") == [
        "Wonen: jij 4, je begeleider 3.",
        "Geld: jij 3, je begeleider nog niet.",
    ]


def test_steps_per_month_bars_and_sentences():
    months = pd.DataFrame(
        [
            {"month": "2026-01", "steps_done": 2},
            {"month": "2026-02", "steps_done": 1500},
            {"month": "2026-03", "steps_done": 0},
        ]
    )
    figure = charts.steps_per_month_figure(
        months, title="Stappen", x_label="Maand", y_label="Aantal", lang="nl"
    )
    [bars] = figure.data
    assert list(bars.x) == ["jan 2026", "feb 2026", "mrt 2026"]
    assert list(bars.y) == [2, 1500, 0]
    assert list(bars.text) == ["2", "1.500", "0"]  # Dutch thousands separator
    assert charts.steps_sentences(months, "nl") == [
        "Je hebt in de laatste 3 maanden 1.502 stappen gezet.",
        "De meeste stappen zette je in februari 2026: 1.500.",
    ]
    assert charts.steps_sentences(months, "en")[0] == "In the last 3 months you took 1,502 steps."


def test_empty_data_still_gives_a_figure():
    empty = charts.frame([], ["domain_name", "taken_at", "score"])
    figure = charts.scores_over_time_figure(
        empty, title="t", x_label="x", y_label="y", scale_min=1, scale_max=5, lang="nl"
    )
    assert figure.data == ()
    months = charts.frame([], ["month", "steps_done"])
    assert (
        charts.steps_per_month_figure(months, title="t", x_label="x", y_label="y", lang="nl")
        .data[0]
        .y
        == ()
    )


def test_long_domain_names_wrap_so_bars_keep_room_on_a_phone():
    rows = pd.DataFrame(
        [{"domain_name": "Politie, justitie en veiligheid", "own": 2, "counsellor": 1}]
    )
    figure = charts.side_by_side_figure(
        rows,
        title="t",
        own_label="Jij",
        counsellor_label="B",
        x_label="x",
        scale_min=1,
        scale_max=5,
    )
    assert list(figure.data[0].y) == ["Politie,<br>justitie en<br>veiligheid"]
