"""The admin overview: organisations, teams, accounts. No care data."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.routes import (
    ADMIN_ACCOUNTS,
    ADMIN_AUDIT,
    ADMIN_CASELOADS,
    ADMIN_ERASURE,
    ADMIN_HOME,
    ADMIN_INSTRUMENTS,
    ADMIN_ORGANISATIONS,
    ADMIN_PARTICIPANTS,
    CONTENT_LIST,
)
from jouw_omgeving.state.admin import AdminState

_ROLE_LABELS = [
    ("participant", N_("Deelnemers")),
    ("network_member", N_("Netwerkleden")),
    ("counsellor", N_("Begeleiders")),
    ("partner", N_("Ketenpartners")),
    ("evaluator", N_("Evaluatoren")),
    ("admin", N_("Beheerders")),
]


def _count(label: rx.Var, value: rx.Var, card_id: str) -> rx.Component:
    return rx.card(
        rx.vstack(rx.text(label, size="2"), rx.text(value, size="7", weight="bold"), spacing="1"),
        id=card_id,
    )


@rx.page(route=ADMIN_HOME, title=APP_NAME, on_load=AdminState.load)
def admin_page() -> rx.Component:
    """Counts of what an admin manages."""
    return page_shell(
        rx.heading(t("Beheer"), size="7", as_="h1"),
        rx.hstack(
            rx.link(
                rx.icon("building-2", aria_hidden="true"),
                t("Organisaties en teams"),
                href=ADMIN_ORGANISATIONS,
            ),
            rx.link(rx.icon("users", aria_hidden="true"), t("Medewerkers"), href=ADMIN_ACCOUNTS),
            rx.link(
                rx.icon("user-round", aria_hidden="true"), t("Deelnemers"), href=ADMIN_PARTICIPANTS
            ),
            rx.link(
                rx.icon("network", aria_hidden="true"),
                t("Begeleiding per team"),
                href=ADMIN_CASELOADS,
            ),
            rx.link(rx.icon("scroll-text", aria_hidden="true"), t("Auditlog"), href=ADMIN_AUDIT),
            rx.link(
                rx.icon("eraser", aria_hidden="true"), t("Verwijderverzoeken"), href=ADMIN_ERASURE
            ),
            rx.link(
                rx.icon("gauge", aria_hidden="true"), t("Instrumenten"), href=ADMIN_INSTRUMENTS
            ),
            rx.link(
                rx.icon("file-pen", aria_hidden="true"),
                t("Inhoud"),
                href=CONTENT_LIST,
                id="content-link",
            ),
            spacing="4",
            wrap="wrap",
        ),
        loading_or(
            rx.grid(
                _count(t("Organisaties"), AdminState.organisations, "count-organisations"),
                _count(t("Teams"), AdminState.teams, "count-teams"),
                *[
                    _count(t(label), AdminState.users_by_role[role], f"count-{role}")
                    for role, label in _ROLE_LABELS
                ],
                _count(t("Open sessies"), AdminState.open_sessions, "count-sessions"),
                columns=rx.breakpoints(initial="1", sm="2", md="3"),
                spacing="3",
                width="100%",
            ),
            AdminState.loaded,
        ),
    )
