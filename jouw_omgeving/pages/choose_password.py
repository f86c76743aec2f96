"""A staff member's first login ends here: choose your own password before anything else."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import CHOOSE_PASSWORD
from jouw_omgeving.state.own_password import ChoosePasswordState as S


@rx.page(route=CHOOSE_PASSWORD, title=APP_NAME, on_load=S.load)
def choose_password_page() -> rx.Component:
    """The new password, twice; no other page opens before it is saved."""
    return page_shell(
        rx.heading(t("Kies je eigen wachtwoord"), size="7", as_="h1"),
        rx.text(
            t(
                "Je bent ingelogd met een wachtwoord dat je van de beheerder kreeg. Kies nu een "
                "eigen wachtwoord van minstens 12 tekens. Daarna kom je op je startpagina."
            )
        ),
        loading_or(
            rx.form(
                rx.vstack(
                    error_callout(S.error),
                    labelled_input(
                        t("Nieuw wachtwoord"),
                        "password",
                        input_type="password",
                        autocomplete="new-password",
                    ),
                    labelled_input(
                        t("Typ het nieuwe wachtwoord nog een keer"),
                        "repeat",
                        input_type="password",
                        autocomplete="new-password",
                    ),
                    rx.button(
                        rx.icon("key-round", aria_hidden="true"),
                        t("Wachtwoord opslaan"),
                        type="submit",
                        size="3",
                        loading=S.busy,
                        id="choose-password-save",
                    ),
                    spacing="3",
                    width="100%",
                    max_width="30rem",
                ),
                on_submit=S.save,
                reset_on_submit=True,
                id="choose-password-form",
            ),
            S.loaded,
        ),
    )
