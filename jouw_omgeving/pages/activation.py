"""``/activeren``: the participant makes their login with the code from the card."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.layout import APP_NAME
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import ACTIVATE, LOGIN
from jouw_omgeving.state.activation import ActivationState


def _submit(label: rx.Var, icon: str) -> rx.Component:
    return rx.button(
        rx.icon(icon, aria_hidden="true"),
        label,
        type="submit",
        size="4",
        width="100%",
        loading=ActivationState.busy,
    )


def _code_step() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(t("Stap 1: je code"), as_="h2", size="5"),
            rx.text(
                t(
                    "Je kreeg een code van je begeleider of van iemand die je uitnodigde. "
                    "Typ die code hier."
                )
            ),
            labelled_input(
                t("Activatiecode"),
                "code",
                autocomplete="one-time-code",
                max_length=40,
                placeholder="ABCDE-FGHJK",
                auto_capitalize="characters",
            ),
            error_callout(ActivationState.error),
            _submit(t("Verder"), "arrow-right"),
            spacing="4",
            width="100%",
        ),
        on_submit=ActivationState.check_code,
        reset_on_submit=False,
        id="activation-code-form",
    )


def _username_step() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(t("Stap 2: je gebruikersnaam"), as_="h2", size="5"),
            rx.text(
                t(
                    "Met deze naam log je in. Je mag hem houden of veranderen. Gebruik kleine "
                    "letters en cijfers."
                )
            ),
            labelled_input(
                t("Gebruikersnaam"),
                "username",
                autocomplete="username",
                max_length=30,
                default_value=ActivationState.username,
                auto_capitalize="none",
                key=ActivationState.username,
            ),
            error_callout(ActivationState.error),
            _submit(t("Verder"), "arrow-right"),
            spacing="4",
            width="100%",
        ),
        on_submit=ActivationState.choose_username,
        reset_on_submit=False,
        id="activation-username-form",
    )


def _secret_step() -> rx.Component:
    kind = rx.cond(ActivationState.use_password, "text", "numeric")
    return rx.form(
        rx.vstack(
            rx.heading(t("Stap 3: je pincode"), as_="h2", size="5"),
            rx.text(t("Je gebruikersnaam is"), " ", rx.text.strong(ActivationState.username)),
            rx.cond(
                ActivationState.use_password,
                rx.text(t("Kies een wachtwoord van minstens 10 tekens.")),
                rx.text(t("Kies een pincode van minstens 5 cijfers. Niet 12345 of 11111.")),
            ),
            labelled_input(
                rx.cond(ActivationState.use_password, t("Wachtwoord"), t("Pincode")),
                "secret",
                input_type="password",
                autocomplete="new-password",
                input_mode=kind,
            ),
            labelled_input(
                rx.cond(
                    ActivationState.use_password,
                    t("Typ je wachtwoord nog een keer"),
                    t("Typ je pincode nog een keer"),
                ),
                "repeat",
                input_type="password",
                autocomplete="new-password",
                input_mode=kind,
            ),
            error_callout(ActivationState.error),
            _submit(t("Klaar"), "check"),
            rx.button(
                rx.cond(
                    ActivationState.use_password,
                    t("Ik wil liever een pincode"),
                    t("Ik wil liever een wachtwoord"),
                ),
                type="button",
                variant="soft",
                size="3",
                width="100%",
                on_click=ActivationState.toggle_password,
            ),
            rx.button(
                rx.icon("arrow-left", aria_hidden="true"),
                t("Terug"),
                type="button",
                variant="ghost",
                size="3",
                on_click=ActivationState.back,
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=ActivationState.complete,
        reset_on_submit=True,
        id="activation-secret-form",
    )


@rx.page(route=ACTIVATE, title=APP_NAME, on_load=ActivationState.load)
def activation_page() -> rx.Component:
    """Code, username, PIN: one step at a time."""
    return rx.el.main(
        rx.center(
            rx.card(
                rx.vstack(
                    rx.heading(t("Maak je account"), size="7", as_="h1"),
                    rx.match(
                        ActivationState.step,
                        ("username", _username_step()),
                        ("secret", _secret_step()),
                        _code_step(),
                    ),
                    rx.link(t("Ik heb al een account: inloggen"), href=LOGIN, size="3"),
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
