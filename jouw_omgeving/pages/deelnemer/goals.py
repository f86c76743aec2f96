"""The goal board: the participant's goals, each opening to its own screen.

Each card is a preview (``board_preview``): how many steps are done, the next few open
steps, every suggestion still to answer and "En nog 2 andere stappen", a link to the goal's
own page where all steps are. A short card reads at a glance and renders fast on a cheap
phone.
"""

import reflex as rx

from jouw_omgeving.components.goal_card import goal_facts, step_due, suggestion_badge
from jouw_omgeving.components.goal_suggestion import (
    goal_suggestion,
    step_suggestion,
    suggestion_notice,
)
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

# The steps are a real list (a screen reader says how many); its open circles are the
# browser's own list markers, so a step needs no drawn pictogram.
_BOARD_CSS = (
    ".board-steps{margin:0;padding-left:1.5rem;list-style:circle}"
    ".board-steps>li+li{margin-top:.5rem}"
)


def _board_step(step) -> rx.Component:
    """An open step with its due date, or a suggestion with "Ja, doe ik" and "Nee"."""
    return rx.el.li(
        rx.cond(
            step["suggested"],
            rx.fragment(suggestion_badge(), step_suggestion(step)),
            rx.fragment(rx.text(step["title"]), step_due(step, calendar_icon=False)),
        ),
        class_name="step-row",
    )


def _more_steps(goal) -> rx.Component:
    """ "En nog 2 andere stappen": to the goal's page, where every step is."""
    more = goal["steps_more"]
    return rx.cond(
        (more > 0) & (goal["steps"].length() > 0),
        rx.link(
            rx.cond(
                more == 1,
                t("En nog 1 andere stap"),
                rx.fragment(t("En nog"), " ", more, " ", t("andere stappen")),
            ),
            visually_hidden(": ", goal["title"]),
            href=participant_goal(goal["public_id"]),
            class_name="goal-more-steps",
            display="inline-flex",
            align_items="center",
            min_height="48px",
        ),
        rx.fragment(),
    )


def _board_card(goal) -> rx.Component:
    return rx.card(
        rx.vstack(
            *goal_facts(goal),
            rx.cond(
                goal["steps"].length() > 0,
                rx.el.ul(rx.foreach(goal["steps"], _board_step), class_name="board-steps"),
                rx.fragment(),
            ),
            _more_steps(goal),
            goal_suggestion(goal),
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
        width="100%",
        class_name="goal-card",
    )


@rx.page(
    route=PARTICIPANT_GOALS,
    title=APP_NAME,
    on_load=GoalSuggestionState.open_board,
)
def goals_page() -> rx.Component:
    """All goals with a preview of their steps, and a big button for a new one."""
    return page_shell(
        rx.el.style(_BOARD_CSS),
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
