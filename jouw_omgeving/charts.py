"""Pure pandas -> plotly figure builders, and the text alternative of each chart.

No reflex, no database: a state passes in rows and plain words (titles, axis labels in the
user's language) and gets back a ``go.Figure``. One palette, big fonts, and meaning never
carried by colour alone: every series also has its own marker symbol or bar pattern, bars
carry their numbers, and each chart has sentences that say what it shows.

Only trace types of plotly's *basic* bundle are used (scatter, bar), so pages can load
``rx.plotly.basic`` (347 KiB) instead of the full library.
"""

import textwrap
from collections.abc import Sequence
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date
from babel.numbers import format_decimal

from jouw_omgeving.i18n import N_, gettext, normalise_language

# Okabe-Ito colours (distinguishable with colour blindness), dark enough on white.
PALETTE: tuple[str, ...] = (
    "#3e63dd",  # the app's indigo
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#0072B2",
    "#8a6100",
    "#000000",
    "#6e56cf",
)
MARKERS: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "cross",
    "x",
    "star",
    "pentagon",
)
FONT_SIZE = 18
TITLE_SIZE = 22
MAX_DATE_TICKS = 6

SCORE_CHANGED = N_("Je score voor {domain} ging van {first} naar {last}.")
SCORE_SAME = N_("Je score voor {domain} bleef {score}.")
SCORE_ONCE = N_("Je score voor {domain} is {score}.")
SIDE_BOTH = N_("{domain}: jij {own}, je begeleider {counsellor}.")
SIDE_OWN = N_("{domain}: jij {own}, je begeleider nog niet.")
SIDE_COUNSELLOR = N_("{domain}: jij nog niet, je begeleider {counsellor}.")
STEPS_TOTAL = N_("Je hebt in de laatste {months} maanden {total} stappen gezet.")
STEPS_BEST = N_("De meeste stappen zette je in {month}: {count}.")
NO_DATA = N_("Hier is nog niets te zien.")


def number(value: float, lang: str) -> str:
    """A number written as people of ``lang`` write it (Babel)."""
    return format_decimal(value, locale=normalise_language(lang))


def date_label(moment: date | datetime, lang: str) -> str:
    """A short date for an axis ("3 mrt 2026")."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return format_date(day, format="medium", locale=normalise_language(lang))


def month_label(month: str, lang: str, pattern: str = "MMM yyyy") -> str:
    """A month key "YYYY-MM" as a month name and year ("mrt 2026"; "LLLL yyyy": "maart 2026")."""
    year, number_of_month = (int(part) for part in month.split("-"))
    return format_date(date(year, number_of_month, 1), pattern, locale=normalise_language(lang))


def _wrap(text: str, width: int = 14) -> str:
    """Break a long label into lines (plotly writes line breaks as ``<br>``)."""
    return "<br>".join(textwrap.wrap(str(text), width=width)) or str(text)


def _layout(figure: go.Figure, *, title: str, x_label: str, y_label: str) -> go.Figure:
    figure.update_layout(
        template="none",
        title={"text": title, "font": {"size": TITLE_SIZE}},
        font={"size": FONT_SIZE, "color": "#1c2024"},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin={"l": 16, "r": 16, "t": 64, "b": 16},
        # Above the plot: below it, a legend collides with the axis title on a phone.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        hoverlabel={"font": {"size": FONT_SIZE}},
        height=420,
    )
    figure.update_xaxes(title_text=x_label, gridcolor="#e0e1e6", automargin=True)
    figure.update_yaxes(title_text=y_label, gridcolor="#e0e1e6", automargin=True)
    return figure


def scores_over_time_figure(
    points: pd.DataFrame,
    *,
    title: str,
    x_label: str,
    y_label: str,
    scale_min: int,
    scale_max: int,
    lang: str,
) -> go.Figure:
    """One line with markers per domain: score (y) per assessment date (x).

    ``points`` has columns ``domain_name``, ``taken_at`` (datetime) and ``score``.
    """
    figure = go.Figure()
    for index, (domain, rows) in enumerate(points.groupby("domain_name", sort=False)):
        rows = rows.sort_values("taken_at")
        figure.add_trace(
            go.Scatter(
                x=rows["taken_at"],
                y=rows["score"],
                name=str(domain),
                mode="lines+markers",
                line={"color": PALETTE[index % len(PALETTE)], "width": 3},
                marker={"symbol": MARKERS[index % len(MARKERS)], "size": 12},
                customdata=[date_label(t, lang) for t in rows["taken_at"]],
                hovertemplate="%{fullData.name}: %{y}<br>%{customdata}<extra></extra>",
            )
        )
    dates = sorted(points["taken_at"].unique()) if len(points) else []
    step = max(1, -(-len(dates) // MAX_DATE_TICKS))
    ticks = [pd.Timestamp(d).to_pydatetime() for d in dates[::step]]
    figure.update_xaxes(tickvals=ticks, ticktext=[date_label(t, lang) for t in ticks])
    figure.update_yaxes(range=[scale_min - 0.3, scale_max + 0.3], dtick=1)
    _layout(figure, title=title, x_label=x_label, y_label=y_label)
    # The legend of many domains wraps on a phone: give the plot itself room.
    figure.update_layout(height=360 + 36 * len(figure.data))
    return figure


def side_by_side_figure(
    rows: pd.DataFrame,
    *,
    title: str,
    own_label: str,
    counsellor_label: str,
    x_label: str,
    scale_min: int,
    scale_max: int,
) -> go.Figure:
    """Horizontal bars per domain: my latest score and my counsellor's (patterned).

    ``rows`` has columns ``domain_name``, ``own`` and ``counsellor`` (0 = not scored).
    """
    figure = go.Figure()
    # First domain on top; long names wrap so the bars keep room on a phone.
    domains = [_wrap(name) for name in list(rows["domain_name"])[::-1]]
    for column, name, color, pattern in (
        ("own", own_label, PALETTE[0], ""),
        ("counsellor", counsellor_label, PALETTE[1], "/"),
    ):
        values = [v if v else None for v in list(rows[column])[::-1]]
        figure.add_trace(
            go.Bar(
                y=domains,
                x=values,
                name=name,
                orientation="h",
                # overlay: the colour fills the bar, the pattern's white lines go on top.
                marker={
                    "color": color,
                    "pattern": {
                        "shape": pattern,
                        "fillmode": "overlay",
                        "fgcolor": "#ffffff",
                        "solidity": 0.4,
                    },
                },
                text=[str(v) if v else "" for v in values],
                textposition="outside",
                hovertemplate="%{y}: %{x}<extra>" + name + "</extra>",
            )
        )
    figure.update_xaxes(range=[0, scale_max + 0.6], dtick=1, tick0=scale_min)
    _layout(figure, title=title, x_label=x_label, y_label="")
    figure.update_layout(barmode="group", height=max(420, 70 * len(domains) + 160))
    return figure


def steps_per_month_figure(
    months: pd.DataFrame, *, title: str, x_label: str, y_label: str, lang: str
) -> go.Figure:
    """Bars: steps done per month, each bar labelled with its number.

    ``months`` has columns ``month`` ("YYYY-MM") and ``steps_done``.
    """
    labels = [month_label(m, lang) for m in months["month"]]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=list(months["steps_done"]),
            marker={"color": PALETTE[2]},
            text=[number(v, lang) for v in months["steps_done"]],
            textposition="outside",
            hovertemplate="%{x}: %{y}<extra></extra>",
            showlegend=False,
        )
    )
    top = int(months["steps_done"].max()) if len(months) else 0
    figure.update_yaxes(range=[0, max(3, top) * 1.25], rangemode="tozero")
    return _layout(figure, title=title, x_label=x_label, y_label=y_label)


def score_change_sentences(points: pd.DataFrame, lang: str) -> list[str]:
    """Per domain, what happened between the first and the last score, in words."""
    if points.empty:
        return [gettext(NO_DATA, lang)]
    sentences = []
    for domain, rows in points.groupby("domain_name", sort=False):
        scores = list(rows.sort_values("taken_at")["score"])
        first, last = number(scores[0], lang), number(scores[-1], lang)
        if len(scores) == 1:
            sentence = gettext(SCORE_ONCE, lang).format(domain=domain, score=last)
        elif scores[0] == scores[-1]:
            sentence = gettext(SCORE_SAME, lang).format(domain=domain, score=last)
        else:
            sentence = gettext(SCORE_CHANGED, lang).format(domain=domain, first=first, last=last)
        sentences.append(sentence)
    return sentences


def side_by_side_sentences(rows: pd.DataFrame, lang: str) -> list[str]:
    """Per domain: my score and my counsellor's, in words."""
    sentences = []
    for row in rows.itertuples():
        own, theirs = int(row.own), int(row.counsellor)
        if own and theirs:
            template, values = SIDE_BOTH, {"own": own, "counsellor": theirs}
        elif own:
            template, values = SIDE_OWN, {"own": own}
        elif theirs:
            template, values = SIDE_COUNSELLOR, {"counsellor": theirs}
        else:
            continue
        formatted = {k: number(v, lang) for k, v in values.items()}
        sentences.append(gettext(template, lang).format(domain=row.domain_name, **formatted))
    return sentences or [gettext(NO_DATA, lang)]


def steps_sentences(months: pd.DataFrame, lang: str) -> list[str]:
    """How many steps in the whole period, and the best month."""
    total = int(months["steps_done"].sum()) if len(months) else 0
    sentences = [
        gettext(STEPS_TOTAL, lang).format(
            months=number(len(months), lang), total=number(total, lang)
        )
    ]
    if total:
        best = months.loc[months["steps_done"].idxmax()]
        sentences.append(
            gettext(STEPS_BEST, lang).format(
                month=month_label(best["month"], lang, "LLLL yyyy"),
                count=number(int(best["steps_done"]), lang),
            )
        )
    return sentences


def empty_figure() -> go.Figure:
    """A figure without data or template (a tiny default for state vars)."""
    return go.Figure(layout={"template": "none"})


def frame(rows: Sequence[dict], columns: Sequence[str]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with these columns, also when there are no rows."""
    return pd.DataFrame(list(rows), columns=list(columns))
