"""Working on one goal: its steps ("klaar", change, due date), a new step, the celebration."""

import reflex as rx

from jouw_omgeving.components.goal_card import step_due
from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.state.goal_steps import StepEditState
from jouw_omgeving.state.goals import GoalState


def _open_step(step) -> rx.Component:
    return rx.hstack(
        rx.icon("circle", aria_hidden="true"),
        rx.vstack(
            rx.text(step["title"], size="4"),
            step_due(step),
            spacing="1",
            flex="1",
            min_width="10rem",
        ),
        rx.button(
            rx.icon("check", aria_hidden="true"),
            t("Klaar"),
            visually_hidden(": ", step["title"]),
            on_click=GoalState.mark_step(step["public_id"], True),
            size="3",
            class_name="step-done-button",
        ),
        rx.button(
            rx.icon("pencil", aria_hidden="true"),
            t("Wijzigen"),
            visually_hidden(": ", step["title"]),
            on_click=StepEditState.start(step["public_id"]),
            size="3",
            variant="soft",
            class_name="step-edit-button",
        ),
        align="center",
        spacing="3",
        width="100%",
        wrap="wrap",
    )


def _step_form(step) -> rx.Component:
    """Change the step's words and due date; "Datum weghalen" takes the date away."""
    field = "step-title-" + step["public_id"].to(str)
    date_field = "step-due-" + step["public_id"].to(str)
    return rx.form(
        rx.vstack(
            rx.el.input(type="hidden", name="step", value=step["public_id"]),
            rx.el.label(t("Wat is de stap?"), html_for=field, font_weight="bold"),
            rx.input(
                id=field,
                name="title",
                default_value=step["title"],
                size="3",
                width="100%",
                max_length=300,
                auto_complete="off",
                auto_focus=True,  # the "Wijzigen" button is gone: keep the keyboard here
                class_name="step-title-input",
            ),
            rx.el.label(t("Wanneer wil je het klaar hebben? (mag leeg)"), html_for=date_field),
            rx.input(
                id=date_field,
                name="due_date",
                type="date",
                default_value=step["due_date"],
                size="3",
                class_name="step-due-input",
            ),
            rx.hstack(
                rx.button(rx.icon("save", aria_hidden="true"), t("Opslaan"), size="3"),
                rx.cond(
                    step["due_date"] != "",
                    rx.button(
                        rx.icon("calendar-x", aria_hidden="true"),
                        t("Datum weghalen"),
                        type="button",
                        on_click=StepEditState.remove_date(step["public_id"]),
                        size="3",
                        variant="soft",
                        class_name="step-remove-date",
                    ),
                    rx.fragment(),
                ),
                rx.button(
                    t("Annuleren"),
                    type="button",
                    on_click=StepEditState.cancel,
                    size="3",
                    variant="outline",
                ),
                spacing="3",
                wrap="wrap",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=StepEditState.save,
        width="100%",
        class_name="step-form",
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
        rx.cond(
            step["done"],
            _done_step(step),
            rx.cond(StepEditState.editing == step["public_id"], _step_form(step), _open_step(step)),
        ),
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
