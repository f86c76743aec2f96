"""The goal board: the participant's goals, each opening to its own screen."""

import reflex as rx

from jouw_omgeving.components.goal_card import goal_card
from jouw_omgeving.components.goal_suggestion import suggestion_answers, suggestion_notice
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.routes import (
    PARTICIPANT_GOAL_NEW,
    PARTICIPANT_GOALS,
    PARTICIPANT_HOME,
    participant_goal,
)
from jouw_omgeving.state.goal_suggestions import GoalSuggestionState
from jouw_omgeving.state.goals import GoalBoardState


def _board_card(goal) -> rx.Component:
    return goal_card(
        goal,
        footer=rx.vstack(
            suggestion_answers(goal),
            rx.button(
                rx.link(
                    rx.icon("arrow-right", aria_hidden="true"),
                    t("Openen"),
                    visually_hidden(": ", goal["title"]),
                    href=participant_goal(goal["public_id"]),
                    class_name="goal-open",
                ),
                as_child=True,
                size="3",
                variant="soft",
            ),
            spacing="2",
        ),
    )


@rx.page(
    route=PARTICIPANT_GOALS,
    title=APP_NAME,
    on_load=GoalSuggestionState.open_board,
)
def goals_page() -> rx.Component:
    """All goals with their steps, and a big button for a new one."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Mijn doelen"), size="7", as_="h1"),
        rx.button(
            rx.link(
                rx.icon("plus", aria_hidden="true"),
                t("Nieuw doel"),
                href=PARTICIPANT_GOAL_NEW,
                id="new-goal",
            ),
            as_child=True,
            size="4",
        ),
        suggestion_notice(),
        loading_or(
            rx.cond(
                GoalBoardState.goals.length() > 0,
                rx.vstack(rx.foreach(GoalBoardState.goals, _board_card), width="100%", spacing="3"),
                rx.text(t("Je hebt nog geen doelen.")),
            ),
            GoalBoardState.loaded,
        ),
        participant=True,
    )
