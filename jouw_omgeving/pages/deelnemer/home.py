"""The participant's home: big tiles, one task each."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.components.tiles import tile
from jouw_omgeving.routes import (
    PARTICIPANT_ACCESS_LOG,
    PARTICIPANT_APPOINTMENTS,
    PARTICIPANT_GOALS,
    PARTICIPANT_HOME,
)
from jouw_omgeving.state.participant import ParticipantHomeState
from jouw_omgeving.state.session import SessionState


@rx.page(route=PARTICIPANT_HOME, title=APP_NAME, on_load=ParticipantHomeState.load)
def participant_home_page() -> rx.Component:
    """Tiles: goals, messages, assignments, appointments, who looked at my data."""
    return page_shell(
        rx.heading(t("Hallo"), " ", SessionState.display_name, size="7", as_="h1"),
        loading_or(
            rx.grid(
                tile(
                    "target",
                    t("Mijn doelen"),
                    href=PARTICIPANT_GOALS,
                    count=ParticipantHomeState.active_goals,
                    tile_id="tile-goals",
                ),
                tile(
                    "mail",
                    t("Berichten"),
                    count=ParticipantHomeState.unread_messages,
                    tile_id="tile-messages",
                ),
                tile(
                    "clipboard-list",
                    t("Opdrachten"),
                    count=ParticipantHomeState.open_assignments,
                    tile_id="tile-assignments",
                ),
                tile(
                    "calendar",
                    t("Afspraken"),
                    href=PARTICIPANT_APPOINTMENTS,
                    count=ParticipantHomeState.upcoming_appointments,
                    tile_id="tile-appointments",
                ),
                tile(
                    "eye",
                    t("Wie keek mee"),
                    href=PARTICIPANT_ACCESS_LOG,
                    tile_id="tile-access-log",
                ),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
                width="100%",
            ),
            ParticipantHomeState.loaded,
        ),
        participant=True,
    )
