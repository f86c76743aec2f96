"""Nieuw doel: one screen, one task. Pick a starter or write it in your own words."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_GOAL_NEW, PARTICIPANT_GOALS
from jouw_omgeving.state.goal_new import TITLE_INPUT_ID, NewGoalState


def _domain(domain) -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            rx.hstack(
                rx.icon("lightbulb", aria_hidden="true"),
                rx.text(domain["name"], size="4", weight="bold"),
                align="center",
                spacing="2",
                display="inline-flex",
            ),
            cursor="pointer",
            padding="0.75rem 0",
            min_height="48px",
        ),
        rx.vstack(
            rx.foreach(
                domain["starters"],
                lambda starter, index: rx.button(
                    starter,
                    on_click=NewGoalState.choose_starter(domain["key"], index),
                    type="button",
                    size="3",
                    variant="soft",
                    white_space="normal",
                    height="auto",
                    min_height="48px",
                    text_align="left",
                    class_name="goal-starter",
                ),
            ),
            spacing="2",
            padding_bottom="0.75rem",
        ),
        class_name="starter-domain",
        border_bottom="1px solid var(--gray-5)",
        width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            labelled_input(
                t("Wat wil je bereiken?"), TITLE_INPUT_ID, max_length=300, required=False
            ),
            labelled_input(
                t("Wanneer wil je het af hebben? (mag leeg)"),
                "due_date",
                input_type="date",
                required=False,
            ),
            labelled_input(
                t("Wie helpt je? (mag leeg)"), "helpers", max_length=300, required=False
            ),
            error_callout(NewGoalState.error),
            rx.button(rx.icon("check", aria_hidden="true"), t("Doel opslaan"), size="4"),
            spacing="3",
            width="100%",
        ),
        on_submit=NewGoalState.create,
        width="100%",
        id="new-goal-form",
    )


@rx.page(route=PARTICIPANT_GOAL_NEW, title=APP_NAME, on_load=NewGoalState.load)
def new_goal_page() -> rx.Component:
    """Write the goal; ideas per life domain help to start."""
    return page_shell(
        back_link(t("Mijn doelen"), PARTICIPANT_GOALS),
        rx.heading(t("Nieuw doel"), size="7", as_="h1"),
        rx.text(t("Schrijf in je eigen woorden wat je wilt bereiken.")),
        _form(),
        rx.heading(t("Ideeën om mee te beginnen"), size="5", as_="h2"),
        rx.text(t("Tik op een idee. Je kunt de woorden daarna nog veranderen.")),
        loading_or(
            rx.vstack(rx.foreach(NewGoalState.domains, _domain), width="100%", spacing="0"),
            NewGoalState.loaded,
        ),
        participant=True,
    )
