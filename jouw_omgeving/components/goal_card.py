"""A goal with its steps, as a card: the participant's board, staff's detail page, network."""

import reflex as rx

from jouw_omgeving.components.text import t


def status_badge(status: rx.Var) -> rx.Component:
    """The goal's status in words (never by colour alone)."""
    return rx.match(
        status,
        ("paused", rx.badge(t("Staat even stil"), color_scheme="gray", size="2")),
        ("done", rx.badge(t("Bereikt"), color_scheme="green", size="2")),
        rx.badge(t("Bezig"), color_scheme="indigo", size="2"),
    )


def suggestion_badge() -> rx.Component:
    """Marks a goal or step the counsellor suggested and the participant has not answered."""
    return rx.badge(t("Voorstel"), color_scheme="indigo", size="2", class_name="suggestion")


def step_due(step, *, calendar_icon: bool = True) -> rx.Component:
    """A step's due date in words, and "Te laat" (with an icon, not colour alone) when late.

    The board leaves out the calendar pictogram (``calendar_icon=False``): it lists only a
    few open steps, and every pictogram is a small drawing the phone has to build.
    """
    return rx.cond(
        step["due_label"] != "",
        rx.hstack(
            rx.cond(
                step["overdue"],
                rx.badge(
                    rx.icon("clock-alert", size=16, aria_hidden="true"),
                    t("Te laat"),
                    color_scheme="orange",
                    size="2",
                    class_name="step-late",
                ),
                rx.icon("calendar", size=16, aria_hidden="true")
                if calendar_icon
                else rx.fragment(),
            ),
            rx.text(t("Af op"), " ", step["due_label"], size="2", class_name="step-due"),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
        rx.fragment(),
    )


def step_row(step) -> rx.Component:
    """One step: done or not (icon with a text alternative), its title, its due date."""
    return rx.hstack(
        rx.cond(
            step["done"],
            rx.icon("circle-check", color="var(--green-11)", aria_label=t("Klaar")),
            rx.icon("circle", aria_label=t("Nog te doen")),
        ),
        rx.vstack(
            rx.text(step["title"]),
            rx.cond(step["done"], rx.fragment(), step_due(step)),
            spacing="1",
        ),
        rx.cond(step["suggested"], suggestion_badge(), rx.fragment()),
        align="center",
        spacing="2",
        class_name="step-row",
    )


def goal_facts(goal, heading_level: str = "h2") -> list[rx.Component]:
    """Title, status (and "Voorstel"), the due date and how many steps are done."""
    return [
        rx.hstack(
            rx.heading(goal["title"], size="5", as_=heading_level),
            status_badge(goal["status"]),
            rx.cond(goal["suggested"], suggestion_badge(), rx.fragment()),
            align="center",
            spacing="3",
            wrap="wrap",
        ),
        rx.cond(
            goal["due_label"] != "",
            rx.text(
                # Inline, beside its words: the style reset makes every svg a block.
                rx.icon("calendar", size=16, aria_hidden="true", display="inline-block"),
                " ",
                t("Af op"),
                " ",
                goal["due_label"],
            ),
            rx.fragment(),
        ),
        rx.text(goal["steps_done"], " / ", goal["steps_total"], " ", t("stappen klaar")),
    ]


def goal_card(
    goal, *, heading_level: str = "h2", footer: rx.Component | None = None
) -> rx.Component:
    """The goal's title and status, how many steps are done, and the steps in order."""
    return rx.card(
        rx.vstack(
            *goal_facts(goal, heading_level),
            rx.vstack(rx.foreach(goal["steps"], step_row), spacing="2"),
            footer if footer is not None else rx.fragment(),
            spacing="2",
        ),
        width="100%",
        class_name="goal-card",
    )
