"""One participant as a partner sees them: only the consented categories, read-only."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.goal_card import goal_card
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.lists import simple_table
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTNER_HOME, PARTNER_PARTICIPANT
from jouw_omgeving.state.partner import PartnerParticipantState

# Every minute while this page is open, a hidden button asks whether access changed (no
# data read, so no audit entry); if it did, the page reloads through the guard and a
# withdrawn consent empties it without the partner doing anything.
_EVERY_MINUTE = (
    "if(!window.__joPartnerCheck){window.__joPartnerCheck=setInterval(function(){"
    "var b=document.getElementById('partner-check');if(b){b.click();}},60000);}"
)


def _section(title: rx.Var, content: rx.Component, section_id: str) -> rx.Component:
    return rx.el.section(
        rx.vstack(
            rx.heading(title, size="5", as_="h2"),
            content,
            spacing="3",
            width="100%",
        ),
        id=section_id,
        width="100%",
    )


def _goals() -> rx.Component:
    return _section(
        t("Doelen"),
        rx.cond(
            PartnerParticipantState.goals.length() > 0,
            rx.vstack(
                rx.foreach(
                    PartnerParticipantState.goals, lambda g: goal_card(g, heading_level="h3")
                ),
                width="100%",
                spacing="3",
            ),
            rx.text(t("Nog geen doelen.")),
        ),
        "partner-goals",
    )


def _progress_row(row) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(row["domain"]),
        rx.table.cell(row["self_score"]),
        rx.table.cell(row["counsellor_score"]),
    )


def _progress() -> rx.Component:
    return _section(
        t("Voortgang"),
        rx.vstack(
            rx.text(
                t("Laatste scores per leefgebied."), " ", PartnerParticipantState.progress_dates
            ),
            simple_table(
                [t("Leefgebied"), t("Zelf"), t("Begeleider")],
                PartnerParticipantState.progress,
                _progress_row,
            ),
            width="100%",
        ),
        "partner-progress",
    )


def _assignment(row) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(row["title"]),
        rx.table.cell(row["status"]),
        rx.table.cell(row["due"]),
    )


def _assignments() -> rx.Component:
    return _section(
        t("Opdrachten"),
        simple_table(
            [t("Opdracht"), t("Stand"), t("Klaar op")],
            PartnerParticipantState.assignments,
            _assignment,
        ),
        "partner-assignments",
    )


def _content() -> rx.Component:
    return rx.vstack(
        rx.cond(
            PartnerParticipantState.public_id != "",
            rx.vstack(
                rx.heading(PartnerParticipantState.name, size="7", as_="h1", id="participant-name"),
                rx.text(t("U ziet alleen wat deze deelnemer met uw organisatie deelt.")),
                rx.cond(PartnerParticipantState.shows_goals, _goals(), rx.fragment()),
                rx.cond(PartnerParticipantState.shows_progress, _progress(), rx.fragment()),
                rx.cond(PartnerParticipantState.shows_assignments, _assignments(), rx.fragment()),
                width="100%",
                spacing="4",
            ),
            rx.heading(t("Geen toegang"), size="7", as_="h1"),
        ),
        error_callout(PartnerParticipantState.error),
        width="100%",
        spacing="4",
    )


@rx.page(
    route=PARTNER_PARTICIPANT,
    title=APP_NAME,
    on_load=[PartnerParticipantState.load, rx.call_script(_EVERY_MINUTE)],
)
def partner_participant_page() -> rx.Component:
    """Name, then goals / progress / assignments as far as consented now."""
    return page_shell(
        back_link(t("Terug"), PARTNER_HOME),
        rx.button(
            rx.icon("refresh-cw", aria_hidden="true"),
            t("Vernieuwen"),
            on_click=PartnerParticipantState.refresh,
            size="3",
            variant="soft",
            id="partner-refresh",
        ),
        rx.el.button(
            on_click=PartnerParticipantState.check,
            id="partner-check",
            hidden=True,
            aria_hidden="true",
            tab_index=-1,
        ),
        loading_or(_content(), PartnerParticipantState.loaded),
    )
