"""The goal board: the participant's goals and small steps."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_GOALS, PARTICIPANT_HOME
from jouw_omgeving.state.participant import GoalBoardState


def _step(step) -> rx.Component:
    return rx.hstack(
        rx.cond(
            step["done"],
            rx.icon("circle-check", color="var(--green-11)", aria_label=t("Klaar")),
            rx.icon("circle", aria_label=t("Nog te doen")),
        ),
        rx.text(step["title"]),
        rx.cond(step["overdue"], rx.badge(t("Te laat"), color_scheme="orange"), rx.fragment()),
        align="center",
        spacing="2",
    )


def _goal(goal) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(goal["title"], size="5", as_="h2"),
            rx.text(goal["steps_done"], " / ", goal["steps_total"], " ", t("stappen klaar")),
            rx.vstack(rx.foreach(goal["steps"], _step), spacing="2"),
            spacing="2",
        ),
        width="100%",
        class_name="goal-card",
    )


@rx.page(route=PARTICIPANT_GOALS, title=APP_NAME, on_load=GoalBoardState.load)
def goals_page() -> rx.Component:
    """All goals with their steps."""
    return page_shell(
        rx.link(rx.icon("arrow-left", aria_hidden="true"), t("Terug"), href=PARTICIPANT_HOME),
        rx.heading(t("Mijn doelen"), size="7", as_="h1"),
        loading_or(
            rx.cond(
                GoalBoardState.goals.length() > 0,
                rx.vstack(rx.foreach(GoalBoardState.goals, _goal), width="100%", spacing="3"),
                rx.text(t("Je hebt nog geen doelen.")),
            ),
            GoalBoardState.loaded,
        ),
        participant=True,
    )
