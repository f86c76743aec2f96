"""Organisations and teams: lists, a new partner organisation, a new team."""

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
    submit,
    table,
)
from jouw_omgeving.routes import ADMIN_ORGANISATIONS, ADMIN_SETTINGS_BASE
from jouw_omgeving.state.admin_organisations import AdminOrganisationsState as S


def _organisation_row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["name"]),
        rx.table.cell(rx.cond(row["kind"] == "own", t("eigen organisatie"), t("ketenpartner"))),
        rx.table.cell(row["partner_type"]),
        rx.table.cell(row["teams"]),
        rx.table.cell(row["staff"]),
        rx.table.cell(
            rx.link(t("Instellingen"), href=ADMIN_SETTINGS_BASE + "/" + row["public_id"])
        ),
        class_name="organisation-row",
    )


def _team_row(row) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["name"]),
        rx.table.cell(row["organisation"]),
        rx.table.cell(row["leads"]),
        rx.table.cell(row["counsellors"]),
        rx.table.cell(
            rx.el.label(
                rx.checkbox(
                    checked=row["team_reads_messages"],
                    on_change=lambda checked: S.set_team_reads_messages(row["public_id"], checked),
                    size="3",
                ),
                " ",
                t("Team leest mee"),
                style={"display": "flex", "gap": "0.5rem", "alignItems": "center"},
            )
        ),
        class_name="team-row",
    )


def _new_partner() -> rx.Component:
    return rx.form(
        rx.heading(t("Nieuwe partnerorganisatie"), as_="h2", size="5"),
        form_grid(
            labelled_input(t("Naam van de organisatie"), "partner_name", max_length=200),
            labelled_input(
                t("Soort (bijvoorbeeld ggz of schuldhulp)"), "partner_type", max_length=40
            ),
        ),
        rx.box(submit(t("Partner toevoegen"), "building-2"), margin_top="0.75rem"),
        on_submit=S.create_partner,
        reset_on_submit=True,
        id="new-partner",
    )


def _new_team() -> rx.Component:
    return rx.form(
        rx.heading(t("Nieuw team"), as_="h2", size="5"),
        form_grid(
            labelled_input(t("Naam van het team"), "team_name", max_length=200),
            labelled_select(
                t("Organisatie"),
                "team_organisation",
                rx.foreach(
                    S.own_organisations, lambda o: rx.el.option(o["name"], value=o["public_id"])
                ),
            ),
        ),
        rx.box(submit(t("Team toevoegen"), "users"), margin_top="0.75rem"),
        on_submit=S.create_team,
        reset_on_submit=True,
        id="new-team",
    )


@rx.page(route=ADMIN_ORGANISATIONS, title=APP_NAME, on_load=S.load)
def organisations_page() -> rx.Component:
    """Every organisation and team, and forms to add them."""
    return page_shell(
        back_to_admin(),
        rx.heading(t("Organisaties en teams"), size="7", as_="h1"),
        notices(S.error, S.notice),
        loading_or(
            rx.vstack(
                table(
                    [
                        N_("Naam"),
                        N_("Soort"),
                        N_("Type"),
                        N_("Teams"),
                        N_("Medewerkers"),
                        N_("Instellingen"),
                    ],
                    rx.table.body(rx.foreach(S.organisations, _organisation_row)),
                    "organisations",
                ),
                _new_partner(),
                rx.heading(t("Teams"), as_="h2", size="5"),
                table(
                    [
                        N_("Team"),
                        N_("Organisatie"),
                        N_("Teamleider"),
                        N_("Begeleiders"),
                        N_("Berichten"),
                    ],
                    rx.table.body(rx.foreach(S.teams, _team_row)),
                    "teams",
                ),
                _new_team(),
                spacing="4",
                width="100%",
            ),
            S.loaded,
        ),
    )
