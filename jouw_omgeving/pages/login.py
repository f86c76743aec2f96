"""The login page: participants with username + PIN, staff via their organisation too."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME
from jouw_omgeving.components.login_organisation import organisation_login_section
from jouw_omgeving.components.login_password import password_login_form
from jouw_omgeving.routes import LOGIN


@rx.page(
    route=LOGIN,
    title=APP_NAME,
    description="Jouw Omgeving: begeleiding van het Leger des Heils, ook online.",
)
def login_page() -> rx.Component:
    """One card: the password form (and, below it, organisation logins for staff)."""
    return rx.el.main(
        rx.center(
            rx.card(
                rx.vstack(
                    rx.heading(APP_NAME, size="7", as_="h1"),
                    password_login_form(),
                    organisation_login_section(),
                    spacing="4",
                    width="100%",
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
