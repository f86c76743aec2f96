"""The evaluator's pilot overview: aggregates only, small groups suppressed."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import EVALUATOR_HOME
from jouw_omgeving.state.evaluation import EvaluationState


def _figure(figure) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(figure["label"], size="2"),
            rx.cond(
                figure["suppressed"],
                rx.text(t("minder dan 5 – verborgen"), size="5", weight="bold"),
                rx.text(figure["value"], size="7", weight="bold"),
            ),
            spacing="1",
        ),
        class_name="figure",
    )


@rx.page(route=EVALUATOR_HOME, title=APP_NAME, on_load=EvaluationState.load)
def evaluator_page() -> rx.Component:
    """Headline figures of the pilot."""
    return page_shell(
        rx.heading(t("Pilot in cijfers"), size="7", as_="h1"),
        rx.text(t("Alleen totalen. Groepen kleiner dan 5 deelnemers tonen we niet.")),
        loading_or(
            rx.grid(
                rx.foreach(EvaluationState.figures, _figure),
                columns=rx.breakpoints(initial="1", sm="2", md="3"),
                spacing="3",
                width="100%",
            ),
            EvaluationState.loaded,
        ),
    )
