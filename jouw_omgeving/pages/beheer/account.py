"""One staff account: status, team lead, link to the organisation's login, open sessions."""

import reflex as rx

from jouw_omgeving.components.forms import labelled_input
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.widgets import notices, submit, table
from jouw_omgeving.routes import ADMIN_ACCOUNT, ADMIN_ACCOUNTS
from jouw_omgeving.state.admin_account import AdminAccountState as S


def _facts() -> rx.Component:
    account = S.account
    return rx.data_list.root(
        rx.data_list.item(
            rx.data_list.label(t("Gebruikersnaam")), rx.data_list.value(account["username"])
        ),
        rx.data_list.item(rx.data_list.label(t("Rol")), rx.data_list.value(account["role"])),
        rx.data_list.item(
            rx.data_list.label(t("Organisatie")), rx.data_list.value(account["organisation"])
        ),
        rx.data_list.item(rx.data_list.label(t("Team")), rx.data_list.value(account["team"])),
        rx.data_list.item(
            rx.data_list.label(t("Status")),
            rx.data_list.value(
                rx.cond(account["active"], t("actief"), t("uitgezet")), id="account-status"
            ),
        ),
        rx.data_list.item(
            rx.data_list.label(t("Inlogcode-app")),
            rx.data_list.value(
                rx.cond(S.has_second_factor, t("ingesteld"), t("nog niet ingesteld"))
            ),
        ),
        rx.data_list.item(
            rx.data_list.label(t("Laatst actief")), rx.data_list.value(account["last_active"])
        ),
    )


def _actions() -> rx.Component:
    return rx.hstack(
        rx.cond(
            S.account["active"],
            rx.cond(
                S.is_self,
                rx.fragment(),
                rx.button(
                    rx.icon("user-x", aria_hidden="true"),
                    t("Account uitzetten"),
                    on_click=S.set_active(False),
                    color_scheme="red",
                    size="3",
                    id="deactivate",
                ),
            ),
            rx.button(
                rx.icon("user-check", aria_hidden="true"),
                t("Account weer aanzetten"),
                on_click=S.set_active(True),
                size="3",
                id="reactivate",
            ),
        ),
        rx.cond(
            S.is_counsellor,
            rx.cond(
                S.is_team_lead,
                rx.button(
                    t("Geen teamleider meer"),
                    on_click=S.set_team_lead(False),
                    size="3",
                    variant="soft",
                ),
                rx.button(
                    t("Maak teamleider"), on_click=S.set_team_lead(True), size="3", variant="soft"
                ),
            ),
            rx.fragment(),
        ),
        spacing="3",
        wrap="wrap",
    )


def _oidc() -> rx.Component:
    return rx.form(
        rx.heading(t("Inloggen via de eigen organisatie"), as_="h2", size="5"),
        rx.text(
            rx.cond(
                S.oidc_linked, t("Dit account is gekoppeld."), t("Dit account is niet gekoppeld.")
            )
        ),
        labelled_input(
            t("Inlog-ID bij de organisatie (leeg: koppeling weg)"),
            "oidc_subject",
            required=False,
            max_length=255,
        ),
        rx.box(submit(t("Koppeling opslaan"), "link"), margin_top="0.75rem"),
        on_submit=S.link_oidc,
        reset_on_submit=True,
        id="oidc-link",
    )


def _session_row(line, index) -> rx.Component:
    return rx.table.row(
        rx.table.cell(line["created"]),
        rx.table.cell(line["last_seen"]),
        rx.table.cell(line["client_address"]),
        rx.table.cell(
            rx.button(t("Beëindigen"), on_click=S.end_session(index), size="2", variant="soft")
        ),
        class_name="session-row",
    )


def _sessions() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Open sessies"), as_="h2", size="5"),
        table(
            [N_("Begonnen"), N_("Laatst gebruikt"), N_("Adres"), N_("Actie")],
            rx.table.body(rx.foreach(S.sessions, _session_row)),
            "sessions",
        ),
        rx.cond(S.sessions.length() == 0, rx.text(t("Geen open sessies.")), rx.fragment()),
        rx.button(
            rx.icon("log-out", aria_hidden="true"),
            t("Alle sessies beëindigen"),
            on_click=S.end_all_sessions,
            size="3",
            variant="soft",
        ),
        spacing="3",
        width="100%",
    )


@rx.page(route=ADMIN_ACCOUNT, title=APP_NAME, on_load=S.load)
def account_page() -> rx.Component:
    """What an admin sees and does with one staff account."""
    return page_shell(
        back_link(t("Accounts"), ADMIN_ACCOUNTS),
        notices(S.error, S.notice),
        loading_or(
            rx.cond(
                S.account["public_id"] != "",
                rx.vstack(
                    rx.heading(S.account["display_name"], size="7", as_="h1", id="account-name"),
                    _facts(),
                    _actions(),
                    _oidc(),
                    _sessions(),
                    spacing="4",
                    width="100%",
                ),
                rx.heading(t("Account"), size="7", as_="h1"),
            ),
            S.loaded,
        ),
    )
