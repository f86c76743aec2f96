"""Mijn afspraken: when, how, where and with whom, in big readable letters."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_APPOINTMENTS, PARTICIPANT_HOME
from jouw_omgeving.state.appointments import ParticipantAppointmentsState as State

_ICONS = {"visit": "house", "phone": "phone", "video": "video"}


def _appointment(appointment) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.hstack(
                rx.match(
                    appointment["kind"],
                    *[
                        (kind, rx.icon(icon, size=40, aria_hidden="true"))
                        for kind, icon in _ICONS.items()
                    ],
                    rx.icon("calendar", size=40, aria_hidden="true"),
                ),
                rx.vstack(
                    rx.heading(appointment["day"], size="6", as_="h2"),
                    rx.text(t("Om"), " ", appointment["time"], size="6", weight="bold"),
                    rx.text(
                        appointment["label"],
                        " ",
                        t("met"),
                        " ",
                        appointment["counsellor"],
                        size="5",
                    ),
                    rx.cond(
                        appointment["location"] != "",
                        rx.hstack(
                            rx.icon("map-pin", aria_hidden="true"),
                            rx.text(appointment["location"], size="5"),
                            align="center",
                        ),
                        rx.fragment(),
                    ),
                    spacing="2",
                ),
                spacing="4",
                align="start",
            ),
            width="100%",
        ),
        class_name="appointment-card",
        list_style="none",
        width="100%",
    )


@rx.page(route=PARTICIPANT_APPOINTMENTS, title=APP_NAME, on_load=State.load)
def participant_appointments_page() -> rx.Component:
    """The participant's upcoming appointments, soonest first."""
    return page_shell(
        rx.link(
            rx.button(
                rx.icon("arrow-left", aria_hidden="true"), t("Terug"), size="3", variant="soft"
            ),
            href=PARTICIPANT_HOME,
        ),
        rx.heading(t("Mijn afspraken"), size="7", as_="h1"),
        loading_or(
            rx.cond(
                State.appointments.length() > 0,
                rx.el.ul(
                    rx.foreach(State.appointments, _appointment),
                    id="appointments",
                    padding="0",
                    margin="0",
                    width="100%",
                    display="flex",
                    flex_direction="column",
                    gap="1rem",
                ),
                rx.text(t("Je hebt nu geen afspraken."), size="5"),
            ),
            State.loaded,
        ),
        participant=True,
    )
