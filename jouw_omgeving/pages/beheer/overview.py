"""The admin overview: organisations, teams, accounts. No care data."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.routes import ADMIN_AUDIT, ADMIN_HOME
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
        rx.link(rx.icon("scroll-text", aria_hidden="true"), t("Auditlog"), href=ADMIN_AUDIT),
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
