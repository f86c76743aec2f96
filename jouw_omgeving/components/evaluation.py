"""Building blocks of the evaluator's dashboard and report: filters, progress, charts."""

import plotly.graph_objects as go
import reflex as rx

from jouw_omgeving.components.chart_card import chart_card
from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.state.evaluation_dashboard import ALL_TEAMS, EvaluationDashboardState

S = EvaluationDashboardState

_FIELD = {
    "min_height": "44px",
    "padding": "0.4rem 0.6rem",
    "border": "1px solid #8b8d98",
    "border_radius": "6px",
    "font_size": "1rem",
    "background": "white",
}


def _labelled(label: rx.Var, field: rx.Component, field_id: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=field_id, font_weight="500"),
        field,
        spacing="1",
    )


def _date(name: str, value: rx.Var, label: rx.Var) -> rx.Component:
    field = rx.el.input(
        type="date", id=f"filter-{name}", name=name, default_value=value, key=value, **_FIELD
    )
    return _labelled(label, field, f"filter-{name}")


def filter_form() -> rx.Component:
    """Organisation, team, period and an optional comparison period; "Toon" applies them."""
    organisation = rx.el.select(
        rx.foreach(S.organisations, lambda o: rx.el.option(o["label"], value=o["value"])),
        id="filter-organisation",
        name="organisation",
        value=S.organisation,
        on_change=S.choose_organisation,
        **_FIELD,
    )
    team = rx.el.select(
        rx.el.option(t("Alle teams"), value=ALL_TEAMS),
        rx.foreach(S.teams, lambda o: rx.el.option(o["label"], value=o["value"])),
        id="filter-team",
        name="team",
        default_value=S.team,
        key=S.organisation + S.team,
        **_FIELD,
    )
    return rx.form(
        rx.flex(
            _labelled(t("Organisatie"), organisation, "filter-organisation"),
            _labelled(t("Team"), team, "filter-team"),
            _date("start", S.start, t("Van")),
            _date("end", S.end, t("Tot en met")),
            _date("compare_start", S.compare_start, t("Vergelijken met: van")),
            _date("compare_end", S.compare_end, t("tot en met")),
            rx.button(t("Toon"), type="submit", size="3", disabled=S.running, id="filter-apply"),
            wrap="wrap",
            gap="3",
            align="end",
        ),
        on_submit=S.apply_filters,
        class_name="no-print",
        width="100%",
    )


def progress_or_error() -> rx.Component:
    """The progress bar while the charts are built, or what went wrong."""
    return rx.fragment(
        rx.cond(
            S.running,
            rx.vstack(
                rx.text(t("De cijfers worden berekend…"), id="evaluation-progress-text"),
                rx.progress(value=S.progress, max=100, aria_label=t("Voortgang"), width="100%"),
                width="100%",
                class_name="no-print",
                role="status",
            ),
        ),
        rx.cond(S.error != "", rx.callout(S.error, color_scheme="red", role="alert")),
    )


def download_button(key: rx.Var | str, title: rx.Var) -> rx.Component:
    """ "Download CSV" of one chart's (suppressed) data; screen readers hear which chart."""
    return rx.button(
        rx.icon("download", aria_hidden="true"),
        t("Download CSV"),
        visually_hidden(" – ", title),
        on_click=S.download_csv(key),
        variant="soft",
        class_name="download-csv no-print",
        margin_top="0.5rem",
    )


def evaluation_chart(chart: rx.Var, *, downloads: bool = True) -> rx.Component:
    """One chart with its explanation, its words and (on the dashboard) a CSV download."""
    download = download_button(chart["key"], chart["title"])
    return chart_card(
        chart["title"],
        # Plotly JSON of a figure built in the state; the component types its prop as Figure.
        chart["figure"].to(go.Figure),
        chart["sentences"],
        *([download] if downloads else []),
        chart_id="chart-" + chart["key"].to(str),
        intro=rx.text(chart["explanation"], size="3", color_scheme="gray"),
    )


def charts_grid(*, downloads: bool = True) -> rx.Component:
    """Every chart of the dashboard, one below the other."""
    return rx.vstack(
        rx.foreach(S.charts, lambda c: evaluation_chart(c, downloads=downloads)),
        spacing="4",
        width="100%",
    )


def comparison_table() -> rx.Component:
    """The key figures of the period beside the comparison period (when one is chosen)."""
    return rx.cond(
        S.comparison.length() > 0,
        rx.card(
            rx.heading(t("Vergelijking van de twee periodes"), as_="h2", size="5"),
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("Cijfer")),
                        rx.table.column_header_cell(t("Gekozen periode")),
                        rx.table.column_header_cell(t("Vergelijkingsperiode")),
                    )
                ),
                rx.table.body(
                    rx.foreach(
                        S.comparison,
                        lambda r: rx.table.row(
                            rx.table.row_header_cell(r["label"]),
                            rx.table.cell(r["period"]),
                            rx.table.cell(r["comparison"]),
                        ),
                    )
                ),
                id="comparison-table",
                width="100%",
            ),
            download_button("comparison", t("Vergelijking van de twee periodes")),
            width="100%",
        ),
    )
