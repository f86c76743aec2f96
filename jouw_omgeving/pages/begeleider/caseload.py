"""The counsellor's caseload: who needs me today."""

import reflex as rx

from jouw_omgeving.components.activation import activation_actions
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import (
    COUNSELLOR_HOME,
    COUNSELLOR_NEW_PARTICIPANT,
    counsellor_participant,
)
from jouw_omgeving.state.caseload import CaseloadState


def _days(value: rx.Var) -> rx.Component:
    return rx.cond(value < 0, rx.text("–"), rx.text(value))


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.link(row["name"], href=counsellor_participant(row["public_id"]))
        ),
        rx.table.cell(
            rx.cond(row["unread"] > 0, rx.badge(row["unread"], color_scheme="red"), rx.text("0"))
        ),
        rx.table.cell(_days(row["days_since_contact"])),
        rx.table.cell(_days(row["days_since_active"])),
        rx.table.cell(row["overdue_steps"]),
        rx.table.cell(activation_actions(row["public_id"], row["name"])),
        class_name="caseload-row",
    )


@rx.page(route=COUNSELLOR_HOME, title=APP_NAME, on_load=CaseloadState.load)
def caseload_page() -> rx.Component:
    """One row per participant on the active caseload."""
    return page_shell(
        rx.heading(t("Mijn deelnemers"), size="7", as_="h1"),
        rx.link(
            rx.icon("user-plus", aria_hidden="true"),
            t("Nieuwe deelnemer"),
            href=COUNSELLOR_NEW_PARTICIPANT,
            id="new-participant",
        ),
        loading_or(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(t("Naam")),
                        rx.table.column_header_cell(t("Ongelezen berichten")),
                        rx.table.column_header_cell(t("Dagen sinds contact")),
                        rx.table.column_header_cell(t("Dagen sinds online")),
                        rx.table.column_header_cell(t("Stappen te laat")),
                        rx.table.column_header_cell(t("Inloggen")),
                    )
                ),
                rx.table.body(rx.foreach(CaseloadState.rows, _row)),
                width="100%",
                id="caseload",
            ),
            CaseloadState.loaded,
        ),
    )
