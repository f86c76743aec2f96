"""The participant's answer to a suggestion of their counsellor: "Ja, doe ik" or "Nee"."""

import reflex as rx

from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.state.goal_suggestions import GoalSuggestionState


def _answer_buttons(title: rx.Var, on_yes, on_no, css: str) -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.icon("check", aria_hidden="true"),
            t("Ja, doe ik"),
            visually_hidden(": ", title),
            on_click=on_yes,
            size="3",
            class_name=f"{css}-accept",
        ),
        rx.button(
            rx.icon("x", aria_hidden="true"),
            t("Nee, liever niet"),
            visually_hidden(": ", title),
            on_click=on_no,
            size="3",
            variant="soft",
            color_scheme="gray",
            class_name=f"{css}-decline",
        ),
        spacing="2",
        wrap="wrap",
    )


def step_suggestion(step) -> rx.Component:
    """A suggested step on the board: what the counsellor proposes, and the two answers."""
    return rx.vstack(
        rx.text(t("Je begeleider stelt deze stap voor:"), " ", rx.el.strong(step["title"])),
        _answer_buttons(
            step["title"],
            GoalSuggestionState.answer_step(step["public_id"], True),
            GoalSuggestionState.answer_step(step["public_id"], False),
            "step-suggestion",
        ),
        spacing="1",
        class_name="step-suggestion",
    )


def goal_suggestion(goal) -> rx.Component:
    """The question about a suggested goal (nothing for the participant's own goals)."""
    return rx.cond(
        goal["suggested"],
        rx.vstack(
            rx.text(t("Je begeleider stelt dit doel voor. Wil je het?"), weight="bold"),
            _answer_buttons(
                goal["title"],
                GoalSuggestionState.answer_goal(goal["public_id"], True),
                GoalSuggestionState.answer_goal(goal["public_id"], False),
                "goal-suggestion",
            ),
            spacing="1",
            class_name="goal-suggestion",
        ),
        rx.fragment(),
    )


def suggestion_notice() -> rx.Component:
    """What the last answer did (announced), or what went wrong."""
    state = GoalSuggestionState
    return rx.fragment(
        rx.cond(
            state.notice != "",
            rx.callout(
                state.notice, icon="check", color_scheme="green", role="status", high_contrast=True
            ),
            rx.fragment(),
        ),
        rx.cond(
            state.error != "",
            rx.callout(state.error, icon="triangle-alert", color_scheme="red", role="alert"),
            rx.fragment(),
        ),
    )
