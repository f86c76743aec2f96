"""Erasure requests of participants: carry one out, then read what was kept and why."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.pages.beheer.widgets import back_to_admin, notices
from jouw_omgeving.routes import ADMIN_ERASURE
from jouw_omgeving.state.erasure import AdminErasureState as S


def _confirmation() -> rx.Component:
    return rx.callout(
        rx.vstack(
            rx.text(
                t(
                    "Weet je het zeker? Alle gegevens van deze deelnemer worden nu verwijderd, "
                    "ook bestanden. Wat de bewaartermijn vraagt, blijft bewaard. Dit kan niet "
                    "ongedaan worden gemaakt."
                )
            ),
            rx.hstack(
                rx.button(
                    rx.icon("trash-2", aria_hidden="true"),
                    t("Ja, nu uitvoeren"),
                    on_click=S.execute,
                    color_scheme="red",
                    size="3",
                    id="erasure-confirm",
                ),
                rx.button(t("Annuleren"), on_click=S.cancel, variant="outline", size="3"),
                spacing="3",
            ),
        ),
        icon="triangle-alert",
        color_scheme="orange",
        role="alertdialog",
        width="100%",
    )


def _refusal_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label(t("Reden van de weigering"), html_for="reason", font_weight="bold"),
            rx.text(
                t("De deelnemer leest deze reden op Mijn gegevens. Schrijf in gewone woorden."),
                size="2",
            ),
            rx.text_area(id="reason", name="reason", required=True, max_length=1000, rows="4"),
            rx.hstack(
                rx.button(
                    rx.icon("ban", aria_hidden="true"),
                    t("Weigeren"),
                    type="submit",
                    size="3",
                    id="erasure-refuse-confirm",
                ),
                rx.button(
                    t("Annuleren"), type="button", on_click=S.cancel, variant="outline", size="3"
                ),
                spacing="3",
            ),
            width="100%",
        ),
        on_submit=S.refuse,
        reset_on_submit=False,
        width="100%",
        id="erasure-refuse-form",
    )


def _open_request(line) -> rx.Component:
    return rx.cond(
        S.confirming == line["public_id"],
        _confirmation(),
        rx.cond(
            S.refusing == line["public_id"],
            _refusal_form(),
            rx.hstack(
                rx.button(
                    rx.icon("eraser", aria_hidden="true"),
                    t("Uitvoeren"),
                    on_click=S.ask_execute(line["public_id"]),
                    size="2",
                ),
                rx.button(
                    rx.icon("ban", aria_hidden="true"),
                    t("Weigeren"),
                    on_click=S.ask_refuse(line["public_id"]),
                    size="2",
                    variant="outline",
                    class_name="erasure-refuse",
                ),
                spacing="3",
            ),
        ),
    )


def _request(line) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(line["participant"], weight="bold"),
                rx.badge(line["status_word"]),
                rx.text(t("gevraagd op"), " ", line["requested"], size="2"),
                spacing="3",
                wrap="wrap",
                align="center",
            ),
            rx.cond(
                line["status"] == "requested",
                _open_request(line),
                rx.text(line["note"], white_space="pre-wrap", size="2"),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        class_name="erasure-request",
    )


@rx.page(route=ADMIN_ERASURE, title=APP_NAME, on_load=S.load)
def erasure_page() -> rx.Component:
    """Every erasure request, open ones first."""
    return page_shell(
        back_to_admin(),
        rx.heading(t("Verwijderverzoeken"), size="7", as_="h1"),
        rx.text(
            t(
                "Deelnemers kunnen vragen om hun gegevens te verwijderen. Bij uitvoeren wordt "
                "alles verwijderd, behalve wat de bewaartermijn van de organisatie vraagt; dat "
                "wordt daarna uitgelegd."
            )
        ),
        rx.hstack(
            rx.button(
                rx.icon("archive-x", aria_hidden="true"),
                t("Nu opruimen"),
                on_click=S.purge,
                size="3",
                variant="outline",
                id="retention-purge",
            ),
            rx.text(
                t(
                    "Verwijdert wat na een uitgevoerd verzoek bewaard bleef, zodra de "
                    "bewaartermijn voorbij is."
                ),
                size="2",
            ),
            spacing="3",
            align="center",
            wrap="wrap",
        ),
        notices(S.error, S.notice),
        loading_or(
            rx.vstack(
                rx.foreach(S.lines, _request),
                rx.cond(S.lines.length() == 0, rx.text(t("Er zijn geen verzoeken."))),
                spacing="3",
                width="100%",
            ),
            S.loaded,
        ),
    )
