"""``/begeleider/activatiekaart/<id>``: the new code on screen and as a printable A6 card."""

import reflex as rx

from jouw_omgeving.components.activation import PRINT_CSS, activation_actions, activation_card
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import COUNSELLOR_ACTIVATION_CARD, COUNSELLOR_HOME
from jouw_omgeving.state.activation_card import ActivationCardState


def _card_or_expired() -> rx.Component:
    state = ActivationCardState
    return rx.cond(
        state.card_available,
        rx.vstack(
            rx.text(
                t(
                    "Geef deze code persoonlijk. Hij staat alleen nu op je scherm; daarna "
                    "kun je hem niet meer opvragen, alleen een nieuwe maken."
                )
            ),
            rx.button(
                rx.icon("printer", aria_hidden="true"),
                t("Kaart afdrukken"),
                on_click=rx.call_script("window.print()"),
                size="3",
                id="print-card",
            ),
            activation_card(),
            spacing="4",
            width="100%",
        ),
        rx.vstack(
            rx.text(t("Deze code is niet meer te zien. Maak zo nodig een nieuwe code.")),
            activation_actions(state.participant_id, state.participant_name),
            spacing="3",
        ),
    )


@rx.page(route=COUNSELLOR_ACTIVATION_CARD, title=APP_NAME, on_load=ActivationCardState.load_card)
def activation_card_page() -> rx.Component:
    """The card for the participant in the URL, only for the counsellor who just issued it."""
    state = ActivationCardState
    return page_shell(
        rx.el.style(PRINT_CSS),
        back_link(t("Terug"), COUNSELLOR_HOME),
        rx.heading(t("Activatiecode"), size="7", as_="h1"),
        loading_or(
            rx.cond(
                state.error != "",
                error_callout(state.error),
                rx.vstack(
                    rx.text(t("Deelnemer:"), " ", rx.text.strong(state.participant_name)),
                    _card_or_expired(),
                    spacing="4",
                    width="100%",
                ),
            ),
            state.loaded,
        ),
    )
