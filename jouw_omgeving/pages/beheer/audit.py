"""The admin's audit log: who reached whose data, when, from where, allowed or refused."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.widgets import pager
from jouw_omgeving.routes import ADMIN_AUDIT, ADMIN_HOME
from jouw_omgeving.state.audit import AuditSearchState
from jouw_omgeving.state.audit_words import CATEGORY_WORDS, OUTCOME_WORDS

_COLUMNS = [
    (N_("Wanneer"), "when"),
    (N_("Wie"), "actor"),
    (N_("Rol"), "role"),
    (N_("Organisatie"), "organisation"),
    (N_("Deelnemer"), "participant"),
    (N_("Handeling"), "action"),
    (N_("Gegevens"), "category"),
    (N_("Uitkomst"), "outcome"),
    (N_("Adres"), "client_address"),
]


def _choice(label: str, name: str, options: dict[str, str]) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=name, font_weight="bold"),
        rx.el.select(
            rx.el.option(t("Alles"), value=""),
            *[rx.el.option(t(text), value=value) for value, text in options.items()],
            id=name,
            name=name,
            style={"minHeight": "2.75rem", "width": "100%"},
        ),
        spacing="1",
        width="100%",
    )


def _filters() -> rx.Component:
    return rx.form(
        rx.grid(
            labelled_input(t("Gebruikersnaam van wie keek"), "actor_username", required=False),
            labelled_input(
                t("Gebruikersnaam van de deelnemer"), "participant_username", required=False
            ),
            _choice(N_("Gegevens"), "category", CATEGORY_WORDS),
            _choice(N_("Uitkomst"), "outcome", OUTCOME_WORDS),
            labelled_input(t("Vanaf (datum)"), "since", input_type="date", required=False),
            labelled_input(t("Tot en met (datum)"), "until", input_type="date", required=False),
            columns=rx.breakpoints(initial="1", sm="2", md="3"),
            spacing="3",
            width="100%",
        ),
        rx.button(
            rx.icon("search", aria_hidden="true"),
            t("Zoeken"),
            type="submit",
            size="3",
            margin_top="0.75rem",
        ),
        on_submit=AuditSearchState.search,
        reset_on_submit=False,
        id="audit-filters",
    )


def _row(line) -> rx.Component:
    return rx.table.row(
        *[rx.table.cell(line[key]) for _label, key in _COLUMNS],
        class_name=rx.cond(line["refused"], "audit-row audit-refused", "audit-row"),
    )


@rx.page(route=ADMIN_AUDIT, title=APP_NAME, on_load=AuditSearchState.load)
def audit_page() -> rx.Component:
    """Filters, then one page of entries, newest first."""
    return page_shell(
        back_link(t("Beheer"), ADMIN_HOME),
        rx.heading(t("Auditlog"), size="7", as_="h1"),
        _filters(),
        error_callout(AuditSearchState.error),
        loading_or(
            rx.vstack(
                rx.box(
                    rx.table.root(
                        rx.table.header(
                            rx.table.row(
                                *[rx.table.column_header_cell(t(label)) for label, _key in _COLUMNS]
                            )
                        ),
                        rx.table.body(rx.foreach(AuditSearchState.lines, _row)),
                        width="100%",
                        id="audit-log",
                    ),
                    overflow_x="auto",
                    width="100%",
                ),
                rx.cond(
                    AuditSearchState.lines.length() == 0,
                    rx.text(t("Geen regels gevonden.")),
                    rx.fragment(),
                ),
                pager(AuditSearchState, N_("Nieuwer"), N_("Ouder")),
                width="100%",
                spacing="3",
            ),
            AuditSearchState.loaded,
        ),
    )
