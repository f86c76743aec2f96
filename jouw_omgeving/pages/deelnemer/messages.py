"""The participant's messages: their conversations as big buttons, and one conversation."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.message_bubble import thread_body
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import (
    PARTICIPANT_HOME,
    PARTICIPANT_MESSAGES,
    PARTICIPANT_THREAD,
    participant_thread,
)
from jouw_omgeving.state.messages import ThreadState
from jouw_omgeving.state.messages_list import ParticipantThreadsState


def _thread_button(thread) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                rx.cond(
                    thread["kind"] == "counsellor",
                    rx.icon("message-circle", size=32, aria_hidden="true"),
                    rx.icon("heart-handshake", size=32, aria_hidden="true"),
                ),
                rx.vstack(
                    rx.cond(
                        thread["kind"] == "counsellor",
                        rx.text(t("Je begeleider"), size="3"),
                        rx.text(t("Iemand uit je netwerk"), size="3"),
                    ),
                    rx.text(thread["with_name"], size="5", weight="bold"),
                    spacing="0",
                ),
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
            class_name="thread-button",
        ),
        href=participant_thread(thread["public_id"]),
        underline="none",
        color="inherit",
        width="100%",
    )


def _new_chat_button(choice) -> rx.Component:
    return rx.button(
        rx.icon("heart-handshake", aria_hidden="true"),
        choice["name"],
        rx.text(" (", choice["relation"], ")", as_="span", weight="regular"),
        on_click=ParticipantThreadsState.start_with(choice["member_public_id"]),
        size="4",
        variant="soft",
        width="100%",
        justify_content="flex-start",
        class_name="new-chat",
    )


def _new_chat() -> rx.Component:
    """Whom of their own network the participant can write to (only active members)."""
    return rx.cond(
        ParticipantThreadsState.choices.length() > 0,
        rx.vstack(
            rx.heading(t("Nieuw gesprek met …"), size="5", as_="h2"),
            rx.text(t("Kies iemand uit je netwerk. Alleen jullie twee lezen dit gesprek.")),
            rx.foreach(ParticipantThreadsState.choices, _new_chat_button),
            error_callout(ParticipantThreadsState.error),
            width="100%",
            spacing="3",
            id="new-chat",
        ),
        rx.fragment(),
    )


@rx.page(route=PARTICIPANT_MESSAGES, title=APP_NAME, on_load=ParticipantThreadsState.load)
def participant_messages_page() -> rx.Component:
    """Every conversation of the participant, one big button each."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Berichten"), size="7", as_="h1"),
        loading_or(
            rx.vstack(
                rx.foreach(ParticipantThreadsState.threads, _thread_button),
                _new_chat(),
                width="100%",
                spacing="3",
            ),
            ParticipantThreadsState.loaded,
        ),
        participant=True,
    )


@rx.page(route=PARTICIPANT_THREAD, title=APP_NAME, on_load=ThreadState.load_for_participant)
def participant_thread_page() -> rx.Component:
    """One conversation: read, and write a message."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_MESSAGES),
        rx.heading(t("Berichten met"), " ", ThreadState.title, size="7", as_="h1"),
        loading_or(thread_body(), ThreadState.loaded),
        participant=True,
    )
