"""Wie kijkt mee: the participant decides which organisation may follow what, and until when."""

import reflex as rx

from jouw_omgeving.components.consent_switch import (
    confirmation_dialog,
    organisation_card,
    request_card,
)
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.lists import stacked_list
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_CONSENT, PARTICIPANT_HOME, PARTICIPANT_MY_DATA
from jouw_omgeving.state.consent import ConsentState


def _notice() -> rx.Component:
    return rx.cond(
        ConsentState.notice != "",
        rx.callout(ConsentState.notice, icon="circle-check", color_scheme="green", role="status"),
        rx.fragment(),
    )


def _requests() -> rx.Component:
    return rx.cond(
        ConsentState.requests.length() > 0,
        rx.vstack(
            rx.heading(t("Vragen van je begeleider"), size="6", as_="h2"),
            rx.foreach(ConsentState.requests, request_card),
            width="100%",
            spacing="3",
            id="consent-requests",
        ),
        rx.fragment(),
    )


def _history_line(line) -> rx.Component:
    return rx.el.li(
        rx.text(line["sentence"], size="3"),
        rx.text(line["when"], size="2", color="var(--gray-11)"),
        class_name="consent-history-line",
        list_style="none",
    )


def _history() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Geschiedenis"), size="6", as_="h2"),
        rx.cond(
            ConsentState.history.length() > 0,
            stacked_list(ConsentState.history, _history_line, "consent-history"),
            rx.text(t("Je hebt nog niets gedeeld.")),
        ),
        width="100%",
        spacing="3",
    )


@rx.page(route=PARTICIPANT_CONSENT, title=APP_NAME, on_load=ConsentState.load)
def consent_page() -> rx.Component:
    """Per organisation: goals, progress and assignments on or off; requests; history."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Wie kijkt mee"), size="7", as_="h1"),
        rx.text(
            t(
                "Hier kies je wat andere organisaties van jou mogen zien. "
                "Je berichten ziet een andere organisatie nooit."
            )
        ),
        loading_or(
            rx.vstack(
                error_callout(ConsentState.error),
                _notice(),
                _requests(),
                rx.foreach(ConsentState.organisations, organisation_card),
                _history(),
                rx.link(
                    rx.icon("file-text", aria_hidden="true"),
                    t("Alles wat we van je bewaren"),
                    href=PARTICIPANT_MY_DATA,
                    size="4",
                    id="link-my-data",
                ),
                width="100%",
                spacing="4",
            ),
            ConsentState.loaded,
        ),
        confirmation_dialog(),
        participant=True,
    )
