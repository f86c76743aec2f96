"""The username + PIN/password form of the login page, and the staff's second step."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import ACTIVATE
from jouw_omgeving.state.session import SessionState


def _first_step() -> rx.Component:
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
            rx.link(t("Ik heb een activatiecode"), href=ACTIVATE, size="3", id="to-activation"),
            spacing="4",
            width="100%",
        ),
        on_submit=SessionState.login,
        reset_on_submit=False,
        id="login-form",
    )


def _enrolment() -> rx.Component:
    """First time: a new secret as a QR code and as text, to put in an authenticator app."""
    return rx.vstack(
        rx.heading(t("Stel je inlogcode in"), as_="h2", size="5"),
        rx.text(
            t(
                "Scan deze QR-code met een authenticator-app op je telefoon, bijvoorbeeld "
                "FreeOTP, Microsoft Authenticator of Google Authenticator."
            )
        ),
        rx.image(
            src=SessionState.enrol_qr,
            alt=t("QR-code om je inlogcode in te stellen"),
            width="12rem",
            height="12rem",
            id="totp-qr",
        ),
        rx.text(t("Lukt scannen niet? Typ dan deze sleutel over in de app:")),
        rx.code(SessionState.enrol_key, size="4", id="totp-key", word_break="break-all"),
        rx.text(t("Typ daarna de code van 6 cijfers die de app laat zien.")),
        spacing="3",
        width="100%",
    )


def _second_step() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.cond(
                SessionState.needs_enrolment,
                _enrolment(),
                rx.text(t("Typ de code van 6 cijfers uit je authenticator-app.")),
            ),
            labelled_input(
                t("Code uit je app"),
                "code",
                autocomplete="one-time-code",
                max_length=12,
                input_mode="numeric",
            ),
            error_callout(SessionState.login_error),
            rx.button(
                rx.icon("shield-check", aria_hidden="true"),
                t("Bevestigen"),
                type="submit",
                size="4",
                width="100%",
                loading=SessionState.login_busy,
            ),
            rx.button(
                t("Annuleren"),
                type="button",
                variant="soft",
                size="3",
                width="100%",
                on_click=SessionState.cancel_second_factor,
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=SessionState.second_factor,
        reset_on_submit=True,
        id="second-factor-form",
    )


def password_login_form() -> rx.Component:
    """Username with PIN or password; the second factor for staff follows on success."""
    return rx.cond(SessionState.needs_second_factor, _second_step(), _first_step())
