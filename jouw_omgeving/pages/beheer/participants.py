"""Participants' account status (active, activated, last active). Never care data."""

import reflex as rx

from jouw_omgeving.components.forms import labelled_input
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.pages.beheer.widgets import back_to_admin, notices, pager, submit, table
from jouw_omgeving.routes import ADMIN_PARTICIPANTS
from jouw_omgeving.state.admin_participants import AdminParticipantsState as S


def _row(line) -> rx.Component:
    return rx.table.row(
        rx.table.cell(line["display_name"]),
        rx.table.cell(line["username"]),
        rx.table.cell(line["organisation"]),
        rx.table.cell(rx.cond(line["active"], t("actief"), t("uitgezet"))),
        rx.table.cell(rx.cond(line["activated"], t("ja"), t("nog niet"))),
        rx.table.cell(line["last_active"]),
        rx.table.cell(
            rx.button(
                t("Overal uitloggen"),
                on_click=S.end_sessions(line["public_id"]),
                size="2",
                variant="soft",
            )
        ),
        class_name="participant-row",
    )


@rx.page(route=ADMIN_PARTICIPANTS, title=APP_NAME, on_load=S.load)
def participants_page() -> rx.Component:
    """Account status of participants, searchable, one page at a time."""
    return page_shell(
        back_to_admin(),
        rx.heading(t("Accounts van deelnemers"), size="7", as_="h1"),
        rx.text(
            t(
                "Je ziet hier alleen de status van het account. Doelen, berichten en andere "
                "gegevens van deelnemers zijn voor beheerders niet te zien."
            )
        ),
        notices(S.error, S.notice),
        rx.form(
            labelled_input(t("Zoek op naam"), "search", required=False, max_length=60),
            rx.box(submit(t("Zoeken"), "search"), margin_top="0.75rem"),
            on_submit=S.search,
            reset_on_submit=False,
        ),
        loading_or(
            rx.vstack(
                table(
                    [
                        N_("Naam"),
                        N_("Gebruikersnaam"),
                        N_("Organisatie"),
                        N_("Status"),
                        N_("Geactiveerd"),
                        N_("Laatst actief"),
                        N_("Actie"),
                    ],
                    rx.table.body(rx.foreach(S.lines, _row)),
                    "participants",
                ),
                pager(S),
                spacing="3",
                width="100%",
            ),
            S.loaded,
        ),
    )
