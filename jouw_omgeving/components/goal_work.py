"""Working on one goal: steps with a "klaar" button, a new step, the celebration."""

import reflex as rx

from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.state.goals import GoalState


def _open_step(step) -> rx.Component:
    return rx.hstack(
        rx.icon("circle", aria_hidden="true"),
        rx.text(step["title"], size="4", flex="1"),
        rx.cond(step["overdue"], rx.badge(t("Te laat"), color_scheme="orange"), rx.fragment()),
        rx.button(
            rx.icon("check", aria_hidden="true"),
            t("Klaar"),
            visually_hidden(": ", step["title"]),
            on_click=GoalState.mark_step(step["public_id"], True),
            size="3",
            class_name="step-done-button",
        ),
        align="center",
        spacing="3",
        width="100%",
        wrap="wrap",
    )


def _done_step(step) -> rx.Component:
    return rx.hstack(
        rx.icon("circle-check", color="var(--green-11)", aria_label=t("Klaar")),
        rx.text(step["title"], size="4", flex="1", text_decoration="line-through"),
        rx.button(
            rx.icon("undo-2", aria_hidden="true"),
            t("Ongedaan maken"),
            visually_hidden(": ", step["title"]),
            on_click=GoalState.mark_step(step["public_id"], False),
            size="3",
            variant="soft",
            class_name="step-undo-button",
        ),
        align="center",
        spacing="3",
        width="100%",
        wrap="wrap",
    )


def step_item(step) -> rx.Component:
    """One step as a list item, with the button that fits its state."""
    return rx.el.li(
        rx.cond(step["done"], _done_step(step), _open_step(step)),
        class_name="step",
        list_style="none",
        padding_y="0.5rem",
        border_bottom="1px solid var(--gray-5)",
    )


def steps_list() -> rx.Component:
    """The steps in order, or a sentence that there are none yet."""
    return rx.cond(
        GoalState.goal["steps_total"] > 0,
        rx.el.ul(
            rx.foreach(GoalState.goal["steps"], step_item),
            id="steps",
            padding="0",
            margin="0",
            width="100%",
        ),
        rx.text(t("Nog geen stappen. Wat is een kleine eerste stap?")),
    )


def new_step_form() -> rx.Component:
    """Add a small step; a refused text stays in the field."""
    return rx.form(
        rx.vstack(
            rx.el.label(t("Nieuwe stap"), html_for="new-step", font_weight="bold"),
            rx.el.input(type="hidden", name="goal", value=GoalState.goal["public_id"]),
            rx.input(
                id="new-step",
                name="title",
                size="3",
                width="100%",
                max_length=300,
                auto_complete="off",
            ),
            rx.button(rx.icon("plus", aria_hidden="true"), t("Stap toevoegen"), size="3"),
            spacing="2",
            width="100%",
        ),
        on_submit=GoalState.add_step,
        width="100%",
    )


def celebration() -> rx.Component:
    """A live region: the friendly message after a step (announced by screen readers)."""
    return rx.box(
        rx.cond(
            GoalState.celebration != "",
            rx.callout.root(
                rx.hstack(
                    rx.icon("party-popper", size=36, aria_hidden="true", class_name="jo-celebrate"),
                    rx.text(GoalState.celebration, size="5", weight="bold"),
                    align="center",
                    spacing="3",
                ),
                color_scheme="green",
                size="2",
                width="100%",
                key=GoalState.celebrations.to_string(),
            ),
            rx.fragment(),
        ),
        rx.cond(
            GoalState.notice != "",
            rx.callout(GoalState.notice, icon="info", width="100%"),
            rx.fragment(),
        ),
        id="celebration",
        role="status",
        aria_live="polite",
        width="100%",
    )
