"""The page shell: header, main landmark, logout and (for participants) a quick exit."""

import reflex as rx

from jouw_omgeving.components.account_menu import logout_everywhere_menu
from jouw_omgeving.components.text import t
from jouw_omgeving.settings import get_settings
from jouw_omgeving.state.messages_draft import CLEAR_ALL_DRAFTS_SCRIPT
from jouw_omgeving.state.session import SessionState

APP_NAME = "Jouw Omgeving"


# A real POST to the server route that clears the HttpOnly cookie (Reflex forms cancel
# native submission, so the form is built and submitted by a tiny script).
# Message drafts kept on this device are forgotten first (phones are shared).
_LOGOUT_SCRIPT = CLEAR_ALL_DRAFTS_SCRIPT + (
    "const f=document.createElement('form');f.method='post';f.action='/auth/logout';"
    "document.body.appendChild(f);f.submit();"
)


def logout_button() -> rx.Component:
    """Log out: the server revokes the session and clears the cookie."""
    return rx.button(
        rx.icon("log-out", aria_hidden="true"),
        t("Uitloggen"),
        on_click=rx.call_script(_LOGOUT_SCRIPT),
        variant="soft",
        size="3",
    )


def quick_exit_button() -> rx.Component:
    """Leave at once for a neutral site, replacing this page in the tab's history."""
    url = get_settings().quick_exit_url
    return rx.button(
        rx.icon("door-open", aria_hidden="true"),
        t("Snel weg"),
        on_click=rx.call_script(f"window.location.replace({url!r})"),
        color_scheme="red",
        size="3",
        id="quick-exit",
    )


def header(participant: bool) -> rx.Component:
    """The top bar with the app name, the user's name and the exits."""
    return rx.el.header(
        rx.hstack(
            rx.text(APP_NAME, size="5", weight="bold"),
            rx.spacer(),
            rx.text(SessionState.display_name, size="3", id="user-name"),
            quick_exit_button() if participant else rx.fragment(),
            logout_button(),
            logout_everywhere_menu(),
            align="center",
            spacing="3",
            wrap="wrap",
            width="100%",
        ),
        padding="0.75rem 1rem",
        border_bottom="1px solid var(--gray-6)",
    )


def page_shell(*children: rx.Component, participant: bool = False) -> rx.Component:
    """Every logged-in page: header, then the content in a ``<main>`` landmark."""
    return rx.box(
        header(participant),
        rx.el.main(
            rx.vstack(*children, spacing="4", width="100%"),
            max_width="60rem",
            margin="0 auto",
            padding="1rem",
        ),
        font_size=rx.cond(SessionState.large_text, "120%", "100%"),
    )


def loading_or(content: rx.Component, loaded: rx.Var) -> rx.Component:
    """Show a spinner until the page's data arrived over the websocket."""
    return rx.cond(loaded, content, rx.center(rx.spinner(size="3"), padding="2rem"))
