"""The username + PIN/password form of the login page."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.text import t
from jouw_omgeving.state.session import SessionState


def password_login_form() -> rx.Component:
    """Username with PIN or password; the second factor for staff follows on success."""
    return rx.form(
        rx.vstack(
            rx.text(t("Log in met je gebruikersnaam en je pincode of wachtwoord.")),
            labelled_input(t("Gebruikersnaam"), "username", autocomplete="username", max_length=60),
            labelled_input(
                t("Pincode of wachtwoord"),
                "secret",
                input_type="password",
                autocomplete="current-password",
            ),
            error_callout(SessionState.login_error),
            rx.button(
                rx.icon("log-in", aria_hidden="true"),
                t("Inloggen"),
                type="submit",
                size="4",
                width="100%",
                loading=SessionState.login_busy,
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=SessionState.login,
        reset_on_submit=False,
    )
