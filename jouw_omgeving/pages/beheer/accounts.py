"""Staff accounts: search and filter by role, one page at a time; create a new account."""

import reflex as rx

from jouw_omgeving.components.forms import labelled_input
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.widgets import (
    back_to_admin,
    form_grid,
    labelled_select,
    notices,
    pager,
    submit,
    table,
)
from jouw_omgeving.routes import ADMIN_ACCOUNT_BASE, ADMIN_ACCOUNTS
from jouw_omgeving.state.admin_accounts import AdminAccountsState as S

STAFF_ROLES = [
    ("counsellor", N_("begeleider")),
    ("partner", N_("ketenpartner")),
    ("evaluator", N_("evaluator")),
    ("admin", N_("beheerder")),
]


def _role_options(with_all: bool) -> list[rx.Component]:
    first = [rx.el.option(t("Alle rollen"), value="")] if with_all else []
    return first + [rx.el.option(t(label), value=value) for value, label in STAFF_ROLES]


def _row(line) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(line["display_name"], href=ADMIN_ACCOUNT_BASE + "/" + line["public_id"])
        ),
        rx.table.cell(line["username"]),
        rx.table.cell(line["role"]),
        rx.table.cell(line["organisation"]),
        rx.table.cell(line["team"]),
        rx.table.cell(rx.cond(line["active"], t("actief"), t("uitgezet"))),
        rx.table.cell(line["last_active"]),
        class_name="account-row",
    )


def _filters() -> rx.Component:
    return rx.form(
        form_grid(
            labelled_input(t("Zoek op naam"), "search", required=False, max_length=60),
            labelled_select(t("Rol"), "role", *_role_options(True), required=False),
        ),
        rx.box(submit(t("Zoeken"), "search"), margin_top="0.75rem"),
        on_submit=S.filter,
        reset_on_submit=False,
        id="account-filters",
    )


def _new_account() -> rx.Component:
    return rx.form(
        rx.heading(t("Nieuw account"), as_="h2", size="5"),
        form_grid(
            labelled_input(t("Naam"), "display_name", max_length=120),
            labelled_input(t("Gebruikersnaam"), "username", max_length=30),
            labelled_select(t("Rol van het account"), "role", *_role_options(False)),
            labelled_select(
                t("Organisatie van het account"),
                "organisation",
                rx.foreach(S.organisations, lambda o: rx.el.option(o["label"], value=o["value"])),
            ),
            labelled_select(
                t("Team (voor begeleiders)"),
                "team",
                rx.el.option(t("Geen team"), value=""),
                rx.foreach(S.teams, lambda o: rx.el.option(o["label"], value=o["value"])),
                required=False,
            ),
        ),
        rx.box(submit(t("Account aanmaken"), "user-plus"), margin_top="0.75rem"),
        on_submit=S.create,
        reset_on_submit=True,
        id="new-account",
    )


def _created() -> rx.Component:
    return rx.cond(
        S.created_password != "",
        rx.callout(
            rx.vstack(
                rx.text(
                    t(
                        "Geef dit eerste wachtwoord persoonlijk door. Het wordt maar één keer "
                        "getoond. Bij de eerste keer inloggen stelt de medewerker een "
                        "inlogcode-app in."
                    )
                ),
                rx.text(
                    t("Gebruikersnaam"), ": ", rx.code(S.created_username, id="created-username")
                ),
                rx.text(
                    t("Eerste wachtwoord"), ": ", rx.code(S.created_password, id="created-password")
                ),
                rx.button(t("Ik heb het genoteerd"), on_click=S.dismiss_password, size="3"),
                spacing="2",
            ),
            icon="key-round",
            role="status",
            width="100%",
            id="created-account",
        ),
        rx.fragment(),
    )


@rx.page(route=ADMIN_ACCOUNTS, title=APP_NAME, on_load=S.load)
def accounts_page() -> rx.Component:
    """Staff accounts and a form for a new one."""
    return page_shell(
        back_to_admin(),
        rx.heading(t("Accounts van medewerkers"), size="7", as_="h1"),
        notices(S.error, S.notice),
        _created(),
        loading_or(
            rx.vstack(
                _filters(),
                table(
                    [
                        N_("Naam"),
                        N_("Gebruikersnaam"),
                        N_("Rol"),
                        N_("Organisatie"),
                        N_("Team"),
                        N_("Status"),
                        N_("Laatst actief"),
                    ],
                    rx.table.body(rx.foreach(S.lines, _row)),
                    "accounts",
                ),
                pager(S),
                _new_account(),
                spacing="4",
                width="100%",
            ),
            S.loaded,
        ),
    )
