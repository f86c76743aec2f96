"""The counsellor's caseload: who needs me today (sorted, filtered and searched live)."""

import reflex as rx

from jouw_omgeving.components.activation import activation_actions
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.routes import (
    CONTENT_LIST,
    COUNSELLOR_HOME,
    COUNSELLOR_NEW_PARTICIPANT,
    COUNSELLOR_TEAM,
    counsellor_participant,
)
from jouw_omgeving.state.caseload import CaseloadState

_SORTS = (
    ("attention", N_("Heeft aandacht nodig")),
    ("name", N_("Naam")),
    ("unread", N_("Ongelezen berichten")),
    ("contact", N_("Langst geen contact")),
    ("active", N_("Langst niet online")),
    ("overdue", N_("Stappen te laat")),
    ("score", N_("Score gedaald")),
    ("feedback", N_("Wacht op feedback")),
    ("ending", N_("Stopt binnenkort")),
    ("appointment", N_("Eerstvolgende afspraak")),
)
_FILTERS = (
    ("all", N_("Iedereen")),
    ("attention", N_("Heeft aandacht nodig")),
    ("unread", N_("Ongelezen berichten")),
    ("overdue", N_("Stappen te laat")),
    ("no_contact", N_("Geen contact sinds ... dagen")),
)


def _select(label: str, name: str, options, value: rx.Var, on_change) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=name, font_weight="bold"),
        rx.el.select(
            *[rx.el.option(t(text), value=key) for key, text in options],
            id=name,
            value=value,
            on_change=on_change,
            style={"min_height": "40px", "padding": "0 0.5rem", "font_size": "1rem"},
        ),
        spacing="1",
    )


def _controls() -> rx.Component:
    return rx.flex(
        rx.vstack(
            rx.el.label(t("Zoek op naam"), html_for="caseload-search", font_weight="bold"),
            rx.input(
                id="caseload-search",
                type="search",
                value=CaseloadState.search,
                on_change=CaseloadState.set_search.debounce(300),
                max_length=60,
                size="3",
            ),
            spacing="1",
        ),
        _select(
            "Toon", "caseload-filter", _FILTERS, CaseloadState.filter, CaseloadState.set_filter
        ),
        rx.cond(
            CaseloadState.filter == "no_contact",
            rx.vstack(
                rx.el.label(t("Aantal dagen"), html_for="no-contact-days", font_weight="bold"),
                rx.input(
                    id="no-contact-days",
                    type="number",
                    min=1,
                    max=365,
                    value=CaseloadState.no_contact_days.to_string(),
                    on_change=CaseloadState.set_no_contact_days.debounce(300),
                    size="3",
                    width="6rem",
                ),
                spacing="1",
            ),
            rx.fragment(),
        ),
        _select(
            N_("Sorteer op"), "caseload-sort", _SORTS, CaseloadState.sort, CaseloadState.set_sort
        ),
        spacing="4",
        wrap="wrap",
        align="end",
    )


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(
            rx.vstack(
                rx.link(row["name"], href=counsellor_participant(row["public_id"])),
                rx.cond(
                    row["reason"] != "",
                    rx.text(row["reason"], size="2", color_scheme="red", class_name="reason"),
                    rx.fragment(),
                ),
                spacing="1",
            )
        ),
        rx.table.cell(
            rx.cond(row["unread"] > 0, rx.badge(row["unread"], color_scheme="red"), rx.text("0"))
        ),
        rx.table.cell(row["contact"]),
        rx.table.cell(row["active"]),
        rx.table.cell(row["overdue_steps"]),
        rx.table.cell(row["awaiting_feedback"]),
        rx.table.cell(row["next_appointment"]),
        rx.table.cell(activation_actions(row["public_id"], row["name"])),
        class_name="caseload-row",
    )


def _table() -> rx.Component:
    headers = (
        N_("Naam"),
        N_("Ongelezen berichten"),
        N_("Laatste contact"),
        N_("Laatst online"),
        N_("Stappen te laat"),
        N_("Wacht op feedback"),
        N_("Volgende afspraak"),
        N_("Inloggen"),
    )
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(h)) for h in headers])),
        rx.table.body(rx.foreach(CaseloadState.rows, _row)),
        width="100%",
        id="caseload",
    )


def _pager() -> rx.Component:
    return rx.hstack(
        rx.text(CaseloadState.total, " ", t("deelnemers"), id="caseload-total"),
        rx.spacer(),
        rx.button(
            rx.icon("chevron-left", aria_hidden="true"),
            t("Vorige"),
            on_click=CaseloadState.previous_page,
            disabled=CaseloadState.page == 0,
            variant="soft",
        ),
        rx.text(CaseloadState.page + 1, " / ", CaseloadState.pages),
        rx.button(
            t("Volgende"),
            rx.icon("chevron-right", aria_hidden="true"),
            on_click=CaseloadState.next_page,
            disabled=CaseloadState.page + 1 >= CaseloadState.pages,
            variant="soft",
        ),
        width="100%",
        align="center",
    )


@rx.page(route=COUNSELLOR_HOME, title=APP_NAME, on_load=CaseloadState.load)
def caseload_page() -> rx.Component:
    """One row per participant on the active caseload, who needs attention first."""
    return page_shell(
        rx.heading(t("Mijn deelnemers"), size="7", as_="h1"),
        rx.hstack(
            rx.link(
                rx.icon("user-plus", aria_hidden="true"),
                t("Nieuwe deelnemer"),
                href=COUNSELLOR_NEW_PARTICIPANT,
                id="new-participant",
            ),
            rx.cond(
                CaseloadState.is_team_lead,
                rx.link(
                    rx.icon("users", aria_hidden="true"),
                    t("Mijn team"),
                    href=COUNSELLOR_TEAM,
                    id="team-link",
                ),
                rx.fragment(),
            ),
            rx.cond(
                CaseloadState.is_content_editor,
                rx.link(
                    rx.icon("file-pen", aria_hidden="true"),
                    t("Inhoud"),
                    href=CONTENT_LIST,
                    id="content-link",
                ),
                rx.fragment(),
            ),
            spacing="5",
        ),
        _controls(),
        error_callout(CaseloadState.error),
        loading_or(rx.vstack(_table(), _pager(), width="100%"), CaseloadState.loaded),
    )
