"""Opdrachten: what the counsellor gave the participant, with status and due date."""

from collections.abc import Callable

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import (
    PARTICIPANT_ASSIGNMENTS,
    PARTICIPANT_DIGITAL_SKILLS,
    PARTICIPANT_HOME,
    PARTICIPANT_LIBRARY,
    participant_assignment,
)
from jouw_omgeving.state.assignments import AssignmentListState


def big_link(
    icon: str, label: rx.Var, href: rx.Var | str, link_id: str | None = None
) -> rx.Component:
    """A big button-like link with a pictogram (one task each)."""
    return rx.button(
        rx.link(rx.icon(icon, aria_hidden="true"), label, href=href, id=link_id, underline="none"),
        as_child=True,
        size="4",
        variant="soft",
        width="100%",
        justify="start",
    )


def card_row(*children: rx.Component, href: rx.Var | str) -> rx.Component:
    """A list item that is one big card link (the whole card is the target)."""
    return rx.el.li(
        rx.link(
            rx.card(
                rx.hstack(*children, align="center", spacing="4", min_height="4rem"),
                width="100%",
            ),
            href=href,
            underline="none",
            color="inherit",
        ),
        list_style="none",
        width="100%",
    )


def card_list(rows: rx.Var, row: Callable, list_id: str) -> rx.Component:
    """A list of card rows without bullets."""
    return rx.el.ul(
        rx.foreach(rows, row),
        id=list_id,
        padding="0",
        margin="0",
        display="flex",
        flex_direction="column",
        gap="0.75rem",
        width="100%",
    )


def _row(row) -> rx.Component:
    return card_row(
        rx.icon("clipboard-list", size=32, aria_hidden="true", flex_shrink="0"),
        rx.vstack(
            rx.text(row["title"], size="5", weight="bold"),
            rx.hstack(
                rx.badge(row["status_text"], size="3"),
                rx.cond(
                    row["due_text"] != "",
                    rx.text(
                        rx.icon("calendar", size=18, aria_hidden="true"),
                        " ",
                        t("Af op"),
                        " ",
                        row["due_text"],
                        color=rx.cond(row["overdue"], "var(--red-11)", "inherit"),
                    ),
                    rx.fragment(),
                ),
                wrap="wrap",
                align="center",
            ),
            spacing="1",
        ),
        href=participant_assignment(row["public_id"]),
    )


@rx.page(route=PARTICIPANT_ASSIGNMENTS, title=APP_NAME, on_load=AssignmentListState.load)
def assignments_page() -> rx.Component:
    """The participant's assignments; below, the library and the digital-skills track."""
    return page_shell(
        back_link(t("Terug naar start"), PARTICIPANT_HOME),
        rx.heading(t("Opdrachten"), size="7", as_="h1"),
        loading_or(
            rx.cond(
                AssignmentListState.rows.length() > 0,
                card_list(AssignmentListState.rows, _row, "assignment-list"),
                rx.text(t("Je hebt nu geen opdrachten."), size="4"),
            ),
            AssignmentListState.loaded,
        ),
        rx.heading(t("Zelf leren"), size="5", as_="h2"),
        big_link("book-open", t("Informatie"), PARTICIPANT_LIBRARY, "link-library"),
        big_link(
            "monitor-smartphone",
            t("Digitale vaardigheden"),
            PARTICIPANT_DIGITAL_SKILLS,
            "link-digital-skills",
        ),
        participant=True,
    )
