"""On Mijn gegevens: ask for your data to be deleted, and see how the request stands."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.text import t
from jouw_omgeving.state.erasure import ErasureRequestState as S


def _confirmation() -> rx.Component:
    return rx.callout(
        rx.vstack(
            rx.text(
                t(
                    "Weet je het zeker? Een beheerder verwijdert dan al je gegevens: je doelen, "
                    "berichten, bestanden en opdrachten. Daarna kun je niet meer inloggen. "
                    "Sommige dingen moeten we nog een tijd bewaren, zoals de contactmomenten met "
                    "je begeleider. Je krijgt uitleg over wat we bewaren en hoe lang."
                )
            ),
            rx.hstack(
                rx.button(
                    rx.icon("check", aria_hidden="true"),
                    t("Ja, verwijder mijn gegevens"),
                    on_click=S.confirm,
                    color_scheme="red",
                    size="3",
                    id="erasure-request-confirm",
                ),
                rx.button(
                    rx.icon("x", aria_hidden="true"),
                    t("Nee, toch niet"),
                    on_click=S.cancel,
                    variant="outline",
                    size="3",
                ),
                spacing="3",
                wrap="wrap",
            ),
        ),
        icon="triangle-alert",
        color_scheme="orange",
        role="alertdialog",
        width="100%",
    )


def _refused() -> rx.Component:
    """The refusal of the last request, with the reason the admin gave."""
    return rx.callout(
        rx.vstack(
            rx.text(
                t("Je vroeg op"),
                " ",
                S.requested_on,
                " ",
                t("om je gegevens te verwijderen. Dat verzoek is geweigerd. De reden:"),
            ),
            rx.text(S.refusal_reason, white_space="pre-wrap", id="erasure-refusal-reason"),
            rx.text(t("Heb je vragen? Praat erover met je begeleider. Je mag opnieuw vragen.")),
            spacing="2",
        ),
        icon="info",
        color_scheme="gray",
        width="100%",
        id="erasure-request-refused",
    )


def erasure_request_section() -> rx.Component:
    """The button, its confirmation, or the status of the request already made."""
    return rx.el.section(
        rx.heading(t("Gegevens laten verwijderen"), size="5", as_="h2"),
        error_callout(S.error),
        rx.cond(
            S.status == "requested",
            rx.text(
                t("Je hebt gevraagd om je gegevens te verwijderen op"),
                " ",
                S.requested_on,
                ". ",
                t("Een beheerder handelt dit af."),
                id="erasure-request-status",
            ),
            rx.vstack(
                rx.cond(S.status == "refused", _refused(), rx.fragment()),
                rx.cond(
                    S.confirming,
                    _confirmation(),
                    rx.button(
                        rx.icon("trash-2", aria_hidden="true"),
                        t("Vraag om verwijdering van mijn gegevens"),
                        on_click=S.ask,
                        size="3",
                        variant="outline",
                        color_scheme="red",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
        ),
        width="100%",
        class_name="erasure-request-section",
    )
