"""Who guides how many participants, per team (counts only, no participant names)."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.pages.beheer.widgets import back_to_admin
from jouw_omgeving.routes import ADMIN_CASELOADS
from jouw_omgeving.state.admin_caseloads import AdminCaseloadsState as S


def _counsellor(load) -> rx.Component:
    return rx.hstack(
        rx.text(load["name"]),
        rx.cond(load["is_team_lead"], rx.badge(t("teamleider")), rx.fragment()),
        rx.spacer(),
        rx.text(load["participants"], weight="bold"),
        width="100%",
        class_name="counsellor-load",
    )


def _team(row) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(row["team"], as_="h2", size="4"),
            rx.text(row["organisation"], size="2"),
            rx.foreach(row["counsellors"], _counsellor),
            rx.text(t("Deelnemers met een begeleider"), ": ", row["guided"]),
            rx.text(t("Deelnemers zonder begeleider"), ": ", row["unassigned"]),
            spacing="2",
            width="100%",
        ),
        width="100%",
        class_name="team-load",
    )


@rx.page(route=ADMIN_CASELOADS, title=APP_NAME, on_load=S.load)
def caseloads_page() -> rx.Component:
    """One card per team with the number of participants each counsellor guides now."""
    return page_shell(
        back_to_admin(),
        rx.heading(t("Begeleiding per team"), size="7", as_="h1"),
        error_callout(S.error),
        loading_or(
            rx.grid(
                rx.foreach(S.teams, _team),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="3",
                width="100%",
            ),
            S.loaded,
        ),
    )
