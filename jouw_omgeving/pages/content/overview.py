"""Inhoud: the list of information pages and assignments with their status and version."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import (
    ADMIN_HOME,
    CONTENT_LIST,
    CONTENT_NEW,
    COUNSELLOR_HOME,
    content_editor,
)
from jouw_omgeving.state.content_editor import ContentListState
from jouw_omgeving.state.session import SessionState


def home_link() -> rx.Component:
    """Back to the admin's or the counsellor's start page."""
    return back_link(t("Terug"), rx.cond(SessionState.role == "admin", ADMIN_HOME, COUNSELLOR_HOME))


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.link(row["title"], href=content_editor(row["public_id"]))),
        rx.table.cell(row["kind_text"]),
        rx.table.cell(row["life_domain"]),
        rx.table.cell(
            rx.badge(
                row["status_text"],
                color_scheme=rx.cond(row["published"], "green", "gray"),
                # Radix's soft green badge text is below 4.5:1; high contrast passes AA.
                high_contrast=True,
                size="2",
            )
        ),
        class_name="content-row",
    )


def _table() -> rx.Component:
    return rx.cond(
        ContentListState.rows.length() > 0,
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(t("Titel")),
                    rx.table.column_header_cell(t("Soort")),
                    rx.table.column_header_cell(t("Levensgebied")),
                    rx.table.column_header_cell(t("Status")),
                )
            ),
            rx.table.body(rx.foreach(ContentListState.rows, _row)),
            width="100%",
            id="content-list",
        ),
        rx.text(t("Er is nog geen inhoud.")),
    )


@rx.page(route=CONTENT_LIST, title=APP_NAME, on_load=ContentListState.load)
def content_list_page() -> rx.Component:
    """Every item the editor may change: concept or gepubliceerd, and which version."""
    return page_shell(
        home_link(),
        rx.heading(t("Inhoud"), size="7", as_="h1"),
        rx.text(t("Informatie en opdrachten voor deelnemers. Schrijf, bekijk en publiceer.")),
        rx.link(
            rx.icon("file-plus", aria_hidden="true"),
            t("Nieuwe inhoud schrijven"),
            href=CONTENT_NEW,
            id="content-new",
            display="inline-flex",
            align_items="center",
            gap="0.4rem",
            min_height="48px",
        ),
        error_callout(ContentListState.error),
        loading_or(_table(), ContentListState.loaded),
    )
