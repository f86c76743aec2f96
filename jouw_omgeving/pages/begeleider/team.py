"""The team lead's view: every counsellor's caseload, and handing a participant over."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import COUNSELLOR_HOME, COUNSELLOR_TEAM, counsellor_participant
from jouw_omgeving.state.team import TeamState

_SELECT_STYLE = {"min_height": "44px", "padding": "0 0.5rem", "font_size": "1rem"}


def _participant(participant) -> rx.Component:
    return rx.el.li(
        rx.link(participant["name"], href=counsellor_participant(participant["public_id"])),
        class_name="team-participant",
    )


def _caseload(caseload) -> rx.Component:
    return rx.card(
        rx.heading(caseload["name"], size="4", as_="h2"),
        rx.cond(
            caseload["active"],
            rx.fragment(),
            rx.badge(t("Account niet actief"), color_scheme="orange", class_name="team-inactive"),
        ),
        rx.cond(
            caseload["participants"].length() > 0,
            rx.el.ul(rx.foreach(caseload["participants"], _participant)),
            rx.text(t("Geen deelnemers.")),
        ),
        class_name="team-caseload",
        width="100%",
    )


def _participant_options(caseload) -> rx.Component:
    return rx.foreach(
        caseload["participants"],
        lambda p: rx.el.option(p["name"], value=p["public_id"]),
    )


def _counsellor_option(caseload) -> rx.Component:
    # Only an active counsellor can take a participant over.
    return rx.cond(
        caseload["active"],
        rx.el.option(caseload["name"], value=caseload["public_id"]),
        rx.fragment(),
    )


def _handover_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(t("Deelnemer overdragen"), size="5", as_="h2"),
            rx.el.label(t("Deelnemer"), html_for="handover-participant", font_weight="bold"),
            rx.el.select(
                rx.el.option(t("Kies een deelnemer"), value=""),
                rx.foreach(TeamState.caseloads, _participant_options),
                id="handover-participant",
                name="participant",
                style=_SELECT_STYLE,
            ),
            rx.el.label(t("Naar begeleider"), html_for="handover-counsellor", font_weight="bold"),
            rx.el.select(
                rx.el.option(t("Kies een begeleider"), value=""),
                rx.foreach(TeamState.caseloads, _counsellor_option),
                id="handover-counsellor",
                name="counsellor",
                style=_SELECT_STYLE,
            ),
            rx.el.label(t("Overdrachtsnotitie"), html_for="handover-note", font_weight="bold"),
            rx.text_area(id="handover-note", name="note", max_length=4000, width="100%", rows="4"),
            error_callout(TeamState.error),
            rx.cond(
                TeamState.message != "",
                rx.callout(TeamState.message, icon="check", color_scheme="green", role="status"),
                rx.fragment(),
            ),
            rx.button(
                rx.icon("arrow-right-left", aria_hidden="true"),
                t("Overdragen"),
                type="submit",
                size="3",
                id="handover-save",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=TeamState.reassign,
        reset_on_submit=True,
        width="100%",
    )


@rx.page(route=COUNSELLOR_TEAM, title=APP_NAME, on_load=TeamState.load)
def team_page() -> rx.Component:
    """The lead's team: caseloads side by side, and the handover form."""
    return page_shell(
        back_link(t("Mijn deelnemers"), COUNSELLOR_HOME),
        rx.heading(t("Mijn team"), ": ", TeamState.team, size="7", as_="h1"),
        loading_or(
            rx.cond(
                TeamState.caseloads.length() > 0,
                rx.vstack(
                    rx.grid(
                        rx.foreach(TeamState.caseloads, _caseload),
                        columns=rx.breakpoints(initial="1", md="3"),
                        spacing="3",
                        width="100%",
                        id="team-caseloads",
                    ),
                    _handover_form(),
                    width="100%",
                    spacing="4",
                ),
                error_callout(TeamState.error),
            ),
            TeamState.loaded,
        ),
    )
