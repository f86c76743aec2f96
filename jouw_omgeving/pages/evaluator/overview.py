"""The evaluator's dashboard: headline figures, filters, and every chart of the pilot."""

import reflex as rx

from jouw_omgeving.components.evaluation import (
    charts_grid,
    comparison_table,
    filter_form,
    progress_or_error,
)
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import EVALUATOR_HOME, EVALUATOR_REPORT
from jouw_omgeving.state.evaluation import EvaluationState
from jouw_omgeving.state.evaluation_dashboard import EvaluationDashboardState


def _figure(figure) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(figure["label"], size="2"),
            rx.cond(
                figure["suppressed"],
                rx.text(t("verborgen: te weinig deelnemers"), size="5", weight="bold"),
                rx.text(figure["value"], size="7", weight="bold"),
            ),
            spacing="1",
        ),
        class_name="figure",
    )


@rx.page(
    route=EVALUATOR_HOME,
    title=APP_NAME,
    on_load=[EvaluationState.load, EvaluationDashboardState.load],
)
def evaluator_page() -> rx.Component:
    """Headline figures of the pilot, then the charts for the chosen filters."""
    return page_shell(
        rx.heading(t("Pilot in cijfers"), size="7", as_="h1"),
        rx.text(t("Alleen totalen. Te kleine groepen deelnemers tonen we niet.")),
        loading_or(
            rx.grid(
                rx.foreach(EvaluationState.figures, _figure),
                columns=rx.breakpoints(initial="1", sm="2", md="3"),
                spacing="3",
                width="100%",
            ),
            EvaluationState.loaded,
        ),
        rx.heading(t("Grafieken"), size="6", as_="h2"),
        rx.text(
            t(
                "Kies een organisatie, een team en een periode. Wilt u twee periodes naast "
                "elkaar zien? Vul dan ook een vergelijkingsperiode in."
            )
        ),
        filter_form(),
        rx.text(
            t("Punten met minder dan"),
            " ",
            EvaluationDashboardState.threshold,
            " ",
            t("deelnemers tonen we niet; de grafiek zegt waar ze ontbreken."),
            id="threshold-note",
        ),
        rx.link(t("Rapport om af te drukken"), href=EVALUATOR_REPORT, id="report-link"),
        progress_or_error(),
        comparison_table(),
        charts_grid(),
    )
