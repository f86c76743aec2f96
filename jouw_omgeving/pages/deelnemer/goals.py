"""The goal board: the participant's goals and small steps."""

import reflex as rx

from jouw_omgeving.components.goal_card import goal_card
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_GOALS, PARTICIPANT_HOME
from jouw_omgeving.state.participant import GoalBoardState


@rx.page(route=PARTICIPANT_GOALS, title=APP_NAME, on_load=GoalBoardState.load)
def goals_page() -> rx.Component:
    """All goals with their steps."""
    return page_shell(
        rx.link(rx.icon("arrow-left", aria_hidden="true"), t("Terug"), href=PARTICIPANT_HOME),
        rx.heading(t("Mijn doelen"), size="7", as_="h1"),
        loading_or(
            rx.cond(
                GoalBoardState.goals.length() > 0,
                rx.vstack(rx.foreach(GoalBoardState.goals, goal_card), width="100%", spacing="3"),
                rx.text(t("Je hebt nog geen doelen.")),
            ),
            GoalBoardState.loaded,
        ),
        participant=True,
    )
