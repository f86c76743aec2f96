"""The participant's home: big tiles, one task each."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.components.tiles import tile
from jouw_omgeving.routes import (
    PARTICIPANT_ACCESS_LOG,
    PARTICIPANT_APPOINTMENTS,
    PARTICIPANT_ASSIGNMENTS,
    PARTICIPANT_CONSENT,
    PARTICIPANT_GOALS,
    PARTICIPANT_HELP,
    PARTICIPANT_HOME,
    PARTICIPANT_MESSAGES,
    PARTICIPANT_NETWORK,
    PARTICIPANT_PROGRESS,
)
from jouw_omgeving.state.messages_unread import HomeUnreadState
from jouw_omgeving.state.participant import ParticipantHomeState
from jouw_omgeving.state.session import SessionState


@rx.page(
    route=PARTICIPANT_HOME,
    title=APP_NAME,
    on_load=[ParticipantHomeState.load, HomeUnreadState.watch_home],
)
def participant_home_page() -> rx.Component:
    """Tiles: goals, messages, progress, assignments, consent, appointments, help, access log."""
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
                    href=PARTICIPANT_MESSAGES,
                    count=ParticipantHomeState.unread_messages,
                    tile_id="tile-messages",
                ),
                tile(
                    "chart-line",
                    t("Mijn voortgang"),
                    href=PARTICIPANT_PROGRESS,
                    tile_id="tile-progress",
                ),
                tile(
                    "clipboard-list",
                    t("Opdrachten"),
                    href=PARTICIPANT_ASSIGNMENTS,
                    count=ParticipantHomeState.open_assignments,
                    tile_id="tile-assignments",
                ),
                tile(
                    "users",
                    t("Wie kijkt mee"),
                    href=PARTICIPANT_CONSENT,
                    tile_id="tile-consent",
                ),
                tile(
                    "calendar",
                    t("Afspraken"),
                    href=PARTICIPANT_APPOINTMENTS,
                    count=ParticipantHomeState.upcoming_appointments,
                    tile_id="tile-appointments",
                ),
                tile(
                    "users-round",
                    t("Mijn netwerk"),
                    href=PARTICIPANT_NETWORK,
                    tile_id="tile-network",
                ),
                tile("life-buoy", t("Hulp"), href=PARTICIPANT_HELP, tile_id="tile-help"),
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
