"""The printable pilot report: every chart with its explanation, the period and filters."""

import reflex as rx

from jouw_omgeving.components.evaluation import charts_grid, comparison_table, progress_or_error
from jouw_omgeving.components.layout import APP_NAME, back_link, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import EVALUATOR_HOME, EVALUATOR_REPORT
from jouw_omgeving.state.evaluation_dashboard import EvaluationDashboardState as S

# On paper: no header, buttons or links; charts not cut in half.
PRINT_CSS = """
@media print {
  @page { size: A4 portrait; margin: 15mm; }
  header, nav, .no-print, .rt-Button { display: none !important; }
  .chart-card { break-inside: avoid; page-break-inside: avoid; }
  .rt-Card { box-shadow: none !important; border: 1px solid #ccc; }
  main { max-width: none !important; padding: 0 !important; }
}
"""


def _fact(label: rx.Var, value: rx.Var, fact_id: str) -> rx.Component:
    return rx.el.div(
        rx.el.dt(label, font_weight="600"),
        rx.el.dd(value, id=fact_id, margin="0 0 0.5rem 0"),
    )


def _filters() -> rx.Component:
    return rx.el.dl(
        _fact(t("Organisatie"), S.organisation_label, "report-organisation"),
        _fact(t("Team"), S.team_label, "report-team"),
        _fact(t("Periode"), S.start + " – " + S.end, "report-period"),
        rx.cond(
            S.compare_start != "",
            _fact(t("Vergeleken met"), S.compare_start + " – " + S.compare_end, "report-compare"),
        ),
        _fact(t("Kleinste groep die we tonen"), S.threshold.to(str), "report-threshold"),
        margin="0",
    )


@rx.page(route=EVALUATOR_REPORT, title=APP_NAME, on_load=S.load)
def evaluator_report_page() -> rx.Component:
    """All charts with their explanation, the filters on top, and a print button."""
    return page_shell(
        rx.el.style(PRINT_CSS),
        rx.box(back_link(t("Terug naar de grafieken"), EVALUATOR_HOME), class_name="no-print"),
        rx.heading(t("Pilotrapport Jouw Omgeving"), size="7", as_="h1"),
        rx.text(
            t(
                "Alle cijfers zijn totalen. Een punt met minder deelnemers dan de kleinste "
                "groep hieronder is verborgen en staat als een grijs kruisje in de grafiek."
            )
        ),
        _filters(),
        rx.button(
            rx.icon("printer", aria_hidden="true"),
            t("Afdrukken"),
            on_click=rx.call_script("window.print()"),
            size="3",
            class_name="no-print",
            id="print-report",
        ),
        progress_or_error(),
        comparison_table(),
        charts_grid(downloads=False),
    )
