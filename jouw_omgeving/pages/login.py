"""The login page: username with PIN or password."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import LOGIN
from jouw_omgeving.state.session import SessionState


def _field(label: rx.Var, name: str, input_type: str, autocomplete: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=name, font_weight="bold"),
        rx.input(
            id=name,
            name=name,
            type=input_type,
            auto_complete=autocomplete,
            size="3",
            width="100%",
            required=True,
            max_length=128,
        ),
        width="100%",
        spacing="1",
    )


@rx.page(
    route=LOGIN,
    title=APP_NAME,
    description="Jouw Omgeving: begeleiding van het Leger des Heils, ook online.",
)
def login_page() -> rx.Component:
    """Username + PIN or password."""
    return rx.el.main(
        rx.center(
            rx.card(
                rx.form(
                    rx.vstack(
                        rx.heading(APP_NAME, size="7", as_="h1"),
                        rx.text(t("Log in met je gebruikersnaam en je pincode of wachtwoord.")),
                        _field(t("Gebruikersnaam"), "username", "text", "username"),
                        _field(
                            t("Pincode of wachtwoord"), "secret", "password", "current-password"
                        ),
                        rx.cond(
                            SessionState.login_error != "",
                            rx.callout(
                                SessionState.login_error,
                                icon="triangle-alert",
                                color_scheme="red",
                                role="alert",
                                width="100%",
                            ),
                            rx.fragment(),
                        ),
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
                ),
                width="100%",
                max_width="26rem",
                size="4",
            ),
            padding="1.5rem 1rem",
            min_height="90vh",
        ),
    )


@rx.page(route="/", title=APP_NAME)
def index() -> rx.Component:
    """The root goes to the login page (which sends a logged-in user on)."""
    return rx.el.main(rx.center(rx.spinner(size="3"), padding="2rem"), on_mount=rx.redirect(LOGIN))
