"""``/begeleider/nieuwe-deelnemer``: a counsellor creates a participant account."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.layout import APP_NAME, back_link, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import COUNSELLOR_HOME, COUNSELLOR_NEW_PARTICIPANT
from jouw_omgeving.state.activation_card import ActivationCardState


@rx.page(route=COUNSELLOR_NEW_PARTICIPANT, title=APP_NAME, on_load=ActivationCardState.open_form)
def new_participant_page() -> rx.Component:
    """Only a name: the participant chooses username and PIN with the activation code."""
    return page_shell(
        back_link(t("Terug"), COUNSELLOR_HOME),
        rx.heading(t("Nieuwe deelnemer"), size="7", as_="h1"),
        rx.text(
            t(
                "Vul de naam in zoals de deelnemer die wil zien. Je krijgt daarna een "
                "activatiecode om persoonlijk te geven. De deelnemer komt op jouw caseload."
            )
        ),
        rx.form(
            rx.vstack(
                labelled_input(t("Naam"), "display_name", max_length=120, autocomplete="off"),
                error_callout(ActivationCardState.error),
                rx.button(
                    rx.icon("user-plus", aria_hidden="true"),
                    t("Deelnemer aanmaken"),
                    type="submit",
                    size="3",
                ),
                spacing="4",
                width="100%",
                max_width="30rem",
            ),
            on_submit=ActivationCardState.create_participant,
            reset_on_submit=False,
            id="new-participant-form",
        ),
    )
