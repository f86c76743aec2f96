"""One goal: do its steps (and celebrate), pause or finish it, change it, share it."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.goal_card import status_badge
from jouw_omgeving.components.goal_manage import edit_form, share_section, status_buttons
from jouw_omgeving.components.goal_work import celebration, new_step_form, steps_list
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_GOAL, PARTICIPANT_GOALS
from jouw_omgeving.state.goal_steps import StepEditState
from jouw_omgeving.state.goals import GoalState


def _facts() -> rx.Component:
    return rx.vstack(
        status_badge(GoalState.goal["status"]),
        rx.cond(
            GoalState.goal["due_label"] != "",
            rx.text(
                rx.icon("calendar", aria_hidden="true", size=18, display="inline-block"),
                " ",
                t("Af op"),
                " ",
                GoalState.goal["due_label"],
            ),
            rx.fragment(),
        ),
        rx.cond(
            GoalState.goal["helpers"] != "",
            rx.text(
                rx.icon("users", aria_hidden="true", size=18, display="inline-block"),
                " ",
                t("Wie helpt:"),
                " ",
                GoalState.goal["helpers"],
            ),
            rx.fragment(),
        ),
        rx.text(
            GoalState.goal["steps_done"],
            " / ",
            GoalState.goal["steps_total"],
            " ",
            t("stappen klaar"),
        ),
        spacing="2",
    )


def _goal() -> rx.Component:
    return rx.vstack(
        rx.heading(GoalState.goal["title"], size="7", as_="h1", id="goal-title-heading"),
        _facts(),
        celebration(),
        error_callout(GoalState.error),
        rx.cond(
            GoalState.editing,
            edit_form(),
            rx.vstack(
                rx.heading(t("Stappen"), size="5", as_="h2"),
                steps_list(),
                new_step_form(),
                status_buttons(),
                share_section(),
                spacing="4",
                width="100%",
            ),
        ),
        spacing="4",
        width="100%",
    )


@rx.page(route=PARTICIPANT_GOAL, title=APP_NAME, on_load=StepEditState.open_goal)
def goal_page() -> rx.Component:
    """The goal in the URL, when it is the participant's own; otherwise a clear refusal."""
    return page_shell(
        back_link(t("Mijn doelen"), PARTICIPANT_GOALS),
        loading_or(
            rx.cond(
                GoalState.goal["public_id"] != "",
                _goal(),
                rx.vstack(
                    rx.heading(t("Geen toegang"), size="7", as_="h1"),
                    error_callout(GoalState.error),
                    width="100%",
                ),
            ),
            GoalState.loaded,
        ),
        participant=True,
    )
