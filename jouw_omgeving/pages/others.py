"""Start page of the network-member role (the partner's pages are in ``ketenpartner``)."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.goal_card import goal_card
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import NETWORK_HOME, NETWORK_MESSAGES
from jouw_omgeving.state.messages_network import NetworkThreadsState
from jouw_omgeving.state.network import NetworkHomeState


def _shared(item) -> rx.Component:
    return rx.vstack(
        rx.text(t("Gedeeld door"), " ", item["owner_name"], size="2", color="var(--gray-11)"),
        goal_card(item["goal"]),
        spacing="1",
        width="100%",
        class_name="shared-goal",
    )


def _messages_tile() -> rx.Component:
    """A big button to the network member's chats, with how many messages are new."""
    return rx.link(
        rx.card(
            rx.hstack(
                rx.icon("message-circle", size=32, aria_hidden="true"),
                rx.text(t("Berichten"), size="5", weight="bold"),
                rx.spacer(),
                rx.cond(
                    NetworkThreadsState.unread > 0,
                    rx.badge(NetworkThreadsState.unread, " ", t("nieuw"), size="3", radius="full"),
                    rx.fragment(),
                ),
                align="center",
                spacing="4",
                min_height="4.5rem",
                width="100%",
            ),
            width="100%",
        ),
        href=NETWORK_MESSAGES,
        underline="none",
        color="inherit",
        width="100%",
        id="messages-tile",
    )


@rx.page(
    route=NETWORK_HOME,
    title=APP_NAME,
    on_load=[NetworkHomeState.load, NetworkThreadsState.load],
)
def network_page() -> rx.Component:
    """The network member's start page: their chats, and the goals shared with them now."""
    return page_shell(
        _messages_tile(),
        rx.heading(t("Wat met jou gedeeld is"), size="7", as_="h1"),
        rx.text(t("Hier zie je de doelen die iemand met jou deelt.")),
        loading_or(
            rx.vstack(
                error_callout(NetworkHomeState.error),
                rx.cond(
                    NetworkHomeState.shared.length() > 0,
                    rx.vstack(
                        rx.foreach(NetworkHomeState.shared, _shared),
                        width="100%",
                        spacing="4",
                        id="shared-goals",
                    ),
                    rx.text(t("Er is nu niets met je gedeeld."), id="nothing-shared"),
                ),
                width="100%",
            ),
            NetworkHomeState.loaded,
        ),
    )
