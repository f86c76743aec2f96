"""The network member's messages: the chats participants opened with them, and one chat."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.message_bubble import thread_body
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import NETWORK_HOME, NETWORK_MESSAGES, NETWORK_THREAD, network_thread
from jouw_omgeving.state.messages import ThreadState
from jouw_omgeving.state.messages_network import NetworkThreadsState


def _chat_button(thread) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                rx.icon("message-circle", size=32, aria_hidden="true"),
                rx.text(thread["with_name"], size="5", weight="bold"),
                rx.spacer(),
                rx.cond(
                    thread["unread"] > 0,
                    rx.badge(thread["unread"], " ", t("nieuw"), size="3", radius="full"),
                    rx.fragment(),
                ),
                align="center",
                spacing="4",
                min_height="4.5rem",
                width="100%",
            ),
            width="100%",
        ),
        href=network_thread(thread["public_id"]),
        underline="none",
        color="inherit",
        width="100%",
        class_name="thread-button",
    )


@rx.page(route=NETWORK_MESSAGES, title=APP_NAME, on_load=NetworkThreadsState.load)
def network_messages_page() -> rx.Component:
    """Every chat a participant opened with this network member."""
    return page_shell(
        back_link(t("Terug"), NETWORK_HOME),
        rx.heading(t("Berichten"), size="7", as_="h1"),
        loading_or(
            rx.vstack(
                error_callout(NetworkThreadsState.error),
                rx.cond(
                    NetworkThreadsState.threads.length() > 0,
                    rx.vstack(
                        rx.foreach(NetworkThreadsState.threads, _chat_button),
                        width="100%",
                        spacing="3",
                    ),
                    rx.text(
                        t("Nog geen gesprekken. Wie jou uitnodigde, kan je schrijven."),
                        id="no-chats",
                    ),
                ),
                width="100%",
            ),
            NetworkThreadsState.loaded,
        ),
    )


@rx.page(route=NETWORK_THREAD, title=APP_NAME, on_load=ThreadState.load_for_network_member)
def network_thread_page() -> rx.Component:
    """One chat with a participant: read, and write a message."""
    return page_shell(
        back_link(t("Terug"), NETWORK_MESSAGES),
        rx.heading(t("Berichten met"), " ", ThreadState.title, size="7", as_="h1"),
        loading_or(thread_body(), ThreadState.loaded),
    )
