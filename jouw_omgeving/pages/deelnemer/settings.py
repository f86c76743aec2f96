"""Instellingen: larger text and the language, remembered for the next visit."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_HOME, PARTICIPANT_SETTINGS
from jouw_omgeving.state.session import SessionState
from jouw_omgeving.state.settings import SettingsState


def _large_text() -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.icon("a-large-small", size=32, aria_hidden="true"),
            rx.el.label(
                t("Grotere letters"),
                html_for="large-text",
                font_weight="bold",
                flex="1",
                font_size="var(--font-size-4)",
            ),
            rx.switch(
                id="large-text",
                checked=SessionState.large_text,
                on_change=SettingsState.set_large_text,
                size="3",
            ),
            align="center",
            spacing="3",
            width="100%",
            min_height="3rem",
        ),
        width="100%",
    )


def _language_choice(code: str, label: str) -> rx.Component:
    return rx.el.label(
        rx.radio_group.item(value=code, id=f"language-{code}"),
        rx.text(label, size="4", lang=code),
        display="flex",
        align_items="center",
        gap="0.75rem",
        min_height="48px",
        cursor="pointer",
    )


def _language() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("languages", size=32, aria_hidden="true"),
                rx.text(t("Taal"), weight="bold", size="4", id="language-label"),
                align="center",
                spacing="3",
            ),
            rx.radio_group.root(
                _language_choice("nl", "Nederlands"),
                _language_choice("en", "English"),
                value=SessionState.lang,
                on_change=SettingsState.set_language,
                size="3",
                aria_labelledby="language-label",
            ),
            spacing="2",
        ),
        width="100%",
    )


@rx.page(route=PARTICIPANT_SETTINGS, title=APP_NAME, on_load=SettingsState.load)
def settings_page() -> rx.Component:
    """Two settings, each saved as soon as it changes."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Instellingen"), size="7", as_="h1"),
        loading_or(
            rx.vstack(
                error_callout(SettingsState.error),
                _large_text(),
                _language(),
                rx.text(t("Je keuze wordt meteen bewaard.")),
                spacing="3",
                width="100%",
            ),
            SettingsState.loaded,
        ),
        participant=True,
    )
