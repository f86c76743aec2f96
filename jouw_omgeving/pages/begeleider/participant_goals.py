"""The "Doelen" tab of the participant detail page: the board, and adding or suggesting.

A suggestion shows on the participant's own board, where they accept or decline it.
"""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.goal_card import goal_card
from jouw_omgeving.components.text import t
from jouw_omgeving.state.goals_counsellor import CounsellorGoalsState
from jouw_omgeving.state.participant_detail import ParticipantDetailState


def _how(prefix: rx.Var | str) -> rx.Component:
    """Suggest (the default: the participant decides) or add at once."""
    return rx.el.fieldset(
        rx.el.legend(t("Hoe?"), font_weight="bold"),
        rx.hstack(
            rx.el.label(
                rx.el.input(
                    type="radio",
                    name="how",
                    value="suggest",
                    default_checked=True,
                    id=prefix + "-suggest",
                ),
                " ",
                t("Voorstellen (de deelnemer beslist)"),
                html_for=prefix + "-suggest",
            ),
            rx.el.label(
                rx.el.input(type="radio", name="how", value="add", id=prefix + "-add"),
                " ",
                t("Direct toevoegen"),
                html_for=prefix + "-add",
            ),
            spacing="4",
            wrap="wrap",
        ),
        border="none",
        padding="0",
        margin="0",
    )


def _step_form(goal) -> rx.Component:
    field_id = "step-title-" + goal["public_id"]
    return rx.form(
        rx.vstack(
            rx.el.input(type="hidden", name="goal", value=goal["public_id"], read_only=True),
            rx.el.label(t("Nieuwe stap"), html_for=field_id, font_weight="bold"),
            rx.input(id=field_id, name="title", max_length=300, size="3", width="100%"),
            _how("step-how-" + goal["public_id"]),
            rx.button(
                rx.icon("plus", aria_hidden="true"),
                t("Stap opslaan"),
                type="submit",
                variant="soft",
                size="3",
                class_name="step-save",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=CounsellorGoalsState.add_step,
        reset_on_submit=True,
        width="100%",
        class_name="step-form",
    )


def _goal(goal) -> rx.Component:
    return goal_card(goal, heading_level="h3", footer=_step_form(goal))


def _goal_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(t("Nieuw doel"), size="4", as_="h3"),
            rx.el.label(t("Wat wil de deelnemer bereiken?"), html_for="goal-title"),
            rx.input(id="goal-title", name="title", max_length=300, size="3", width="100%"),
            _how("goal-how"),
            rx.button(
                rx.icon("target", aria_hidden="true"),
                t("Doel opslaan"),
                type="submit",
                size="3",
                id="goal-save",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=CounsellorGoalsState.add_goal,
        reset_on_submit=True,
        width="100%",
        id="goal-form",
    )


def goals_section() -> rx.Component:
    """The participant's goals with a step form each, and the new-goal form."""
    state = CounsellorGoalsState
    return rx.vstack(
        rx.heading(t("Doelen"), size="5", as_="h2"),
        error_callout(state.error),
        rx.cond(
            state.notice != "",
            rx.callout(
                state.notice, icon="check", color_scheme="green", role="status", high_contrast=True
            ),
            rx.fragment(),
        ),
        _goal_form(),
        rx.cond(
            ParticipantDetailState.goals.length() > 0,
            rx.vstack(
                rx.foreach(ParticipantDetailState.goals, _goal),
                width="100%",
                spacing="3",
            ),
            rx.text(t("Nog geen doelen.")),
        ),
        width="100%",
        spacing="3",
    )
