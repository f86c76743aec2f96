"""Pure pandas -> plotly builders for the evaluator's charts (beside :mod:`.charts`).

The same palette, markers, fonts and layout as the participant charts, and only scatter and
bar traces (plotly's *basic* bundle). A suppressed point is never drawn as a value: its line
has a gap, its bar is missing, and a grey open cross on the axis says "verborgen: minder dan
N deelnemers" (in the legend and on hover), so the reader sees *that* something is hidden.
"""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from jouw_omgeving.charts import MARKERS, PALETTE, _layout, _wrap, number
from jouw_omgeving.i18n import N_, gettext

PATTERNS: tuple[str, ...] = ("", "/", ".", "x", "\\", "+", "-", "|")
HIDDEN_COLOUR = "#60646c"
HIDDEN_NOTE = N_("Verborgen: minder dan {n} deelnemers")
HIDDEN_SENTENCE = N_(
    "{count} punten zijn verborgen, omdat er minder dan {n} deelnemers achter zitten."
)
NOTHING_HIDDEN = N_("Geen punten verborgen: overal zitten {n} of meer deelnemers achter.")


def hidden_note(threshold: int, lang: str) -> str:
    """The legend text of hidden points ("Verborgen: minder dan 5 deelnemers")."""
    return gettext(HIDDEN_NOTE, lang).format(n=number(threshold, lang))


def hidden_sentence(frame: pd.DataFrame, threshold: int, lang: str) -> str:
    """How many points of ``frame`` are hidden, in words."""
    count = int(frame["suppressed"].sum()) if "suppressed" in frame else 0
    template = HIDDEN_SENTENCE if count else NOTHING_HIDDEN
    return gettext(template, lang).format(count=number(count, lang), n=number(threshold, lang))


def _values(rows: pd.DataFrame, column: str) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in rows[column]]


def _hidden_trace(positions: list, note: str, *, horizontal: bool = False) -> go.Scatter:
    zeros = [0] * len(positions)
    return go.Scatter(
        x=zeros if horizontal else positions,
        y=positions if horizontal else zeros,
        name=note,
        mode="markers",
        marker={"symbol": "x-open", "size": 14, "color": HIDDEN_COLOUR, "line": {"width": 2}},
        hovertemplate=note + "<extra></extra>",
        cliponaxis=False,
    )


def _categories(figure: go.Figure, order: list, *, horizontal: bool = False) -> None:
    axis = figure.update_yaxes if horizontal else figure.update_xaxes
    axis(type="category", categoryorder="array", categoryarray=order)


def line_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    series: str,
    names: Mapping[str, str],
    title: str,
    x_label: str,
    y_label: str,
    note: str,
    y_range: tuple[float, float] | None = None,
) -> go.Figure:
    """One line per value of ``series`` (labelled by ``names``, in its order) over ``x``.

    ``frame`` has the columns ``x`` (labels, in order), ``y``, ``series`` and ``suppressed``.
    """
    figure = go.Figure()
    order = list(dict.fromkeys(frame[x]))
    for index, (key, name) in enumerate(names.items()):
        rows = frame[frame[series] == key]
        figure.add_trace(
            go.Scatter(
                x=list(rows[x]),
                y=_values(rows, y),
                name=name,
                mode="lines+markers",
                connectgaps=False,
                line={"color": PALETTE[index % len(PALETTE)], "width": 3},
                marker={"symbol": MARKERS[index % len(MARKERS)], "size": 10},
                hovertemplate="%{fullData.name}: %{y}<br>%{x}<extra></extra>",
            )
        )
    hidden = list(dict.fromkeys(frame.loc[frame["suppressed"], x]))
    if hidden:
        figure.add_trace(_hidden_trace(hidden, note))
    _categories(figure, order)
    if y_range is not None:
        figure.update_yaxes(range=list(y_range))
    else:
        figure.update_yaxes(rangemode="tozero")
    _layout(figure, title=title, x_label=x_label, y_label=y_label)
    figure.update_layout(height=420 + 28 * len(names))
    return figure


def bar_chart(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    series: str | None,
    names: Mapping[str, str],
    title: str,
    x_label: str,
    y_label: str,
    note: str,
    text: str | None = None,
    stacked: bool = False,
    horizontal: bool = False,
) -> go.Figure:
    """Bars of ``y`` per ``x``, one colour and pattern per ``series`` value (or one series).

    ``text`` names a column written on the bars; hidden bars are left out and marked.
    """
    figure = go.Figure()
    order = list(dict.fromkeys(frame[x]))
    groups = names.items() if series else [(None, next(iter(names.values()), ""))]
    for index, (key, name) in enumerate(groups):
        rows = frame if series is None else frame[frame[series] == key]
        positions = [_wrap(v) if horizontal else v for v in rows[x]]
        values = _values(rows, y)
        labels = list(rows[text]) if text else None
        figure.add_trace(
            go.Bar(
                x=values if horizontal else positions,
                y=positions if horizontal else values,
                name=name,
                orientation="h" if horizontal else "v",
                marker={
                    "color": PALETTE[index % len(PALETTE)],
                    "pattern": {
                        "shape": PATTERNS[index % len(PATTERNS)],
                        "fillmode": "overlay",
                        "fgcolor": "#ffffff",
                        "solidity": 0.4,
                    },
                },
                text=labels,
                textposition="outside" if not stacked else "inside",
                hovertemplate="%{fullData.name}: %{" + ("x" if horizontal else "y") + "}"
                "<extra></extra>",
                showlegend=series is not None,
            )
        )
    hidden = list(dict.fromkeys(frame.loc[frame["suppressed"], x]))
    if hidden:
        wrapped = [_wrap(v) for v in hidden] if horizontal else hidden
        figure.add_trace(_hidden_trace(wrapped, note, horizontal=horizontal))
    _categories(figure, [_wrap(v) for v in order] if horizontal else order, horizontal=horizontal)
    _layout(figure, title=title, x_label=x_label, y_label=y_label)
    figure.update_layout(barmode="stack" if stacked else "group")
    if text and not stacked:  # room for the numbers beside the longest bar
        values = pd.to_numeric(frame[y], errors="coerce").dropna()
        top, bottom = (float(values.max()), float(values.min())) if len(values) else (1, 0)
        value_axis = figure.update_xaxes if horizontal else figure.update_yaxes
        value_axis(range=[min(0, bottom) * 1.35, max(top, 0.1) * 1.35])
    if horizontal:
        figure.update_yaxes(autorange="reversed")
        figure.update_layout(height=max(420, 60 * len(order) * max(1, len(names)) // 2 + 200))
    return figure


KEY_FIGURE_LABELS = {
    "active_per_week": N_("Actieve deelnemers per week (gemiddeld)"),
    "contacts_per_participant": N_("Contacten per deelnemer per maand"),
    "minutes_per_participant": N_("Minuten begeleiding per deelnemer per maand"),
    "goals_achieved": N_("Doelen bereikt"),
    "steps_done": N_("Stappen gezet"),
    "mean_mood": N_("Gemiddeld gevoel bij de check-in (1–5)"),
}
HIDDEN_VALUE = N_("verborgen")


def comparison_rows(frame: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    """The key figures of both periods as table rows of text (hidden ones say so)."""

    def cell(value: object) -> str:
        if value is None or pd.isna(value):
            return gettext(HIDDEN_VALUE, lang)
        return number(round(float(value), 1), lang)

    return [
        {
            "label": gettext(KEY_FIGURE_LABELS[row.figure], lang),
            "period": cell(row.period),
            "comparison": cell(row.comparison),
        }
        for row in frame.itertuples(index=False)
    ]
