"""Consent building blocks: a big on/off row per category, a request card, the confirmation."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.text import t
from jouw_omgeving.state.consent import ConsentState


def category_icon(category: rx.Var) -> rx.Component:
    """The pictogram of a consent category (static icons: one per category)."""
    return rx.match(
        category,
        ("goals", rx.icon("target", size=28, aria_hidden="true")),
        ("progress", rx.icon("trending-up", size=28, aria_hidden="true")),
        rx.icon("clipboard-list", size=28, aria_hidden="true"),
    )


def consent_switch(switch) -> rx.Component:
    """One category: pictogram, name, "Aan"/"Uit" in words, and a big button to change it."""
    return rx.hstack(
        category_icon(switch["category"]),
        rx.vstack(
            rx.text(switch["label"], size="5", weight="bold"),
            rx.text(switch["status_text"], size="3", class_name="consent-status"),
            spacing="0",
            flex="1",
            min_width="0",
        ),
        rx.button(
            rx.cond(
                switch["active"],
                rx.icon("toggle-right", aria_hidden="true"),
                rx.icon("toggle-left", aria_hidden="true"),
            ),
            rx.cond(switch["active"], t("Uitzetten"), t("Aanzetten")),
            on_click=ConsentState.ask(
                switch["organisation_public_id"],
                switch["category"],
                rx.cond(switch["active"], "withdraw", "grant"),
            ),
            aria_label=switch["button_label"],
            variant=rx.cond(switch["active"], "outline", "solid"),
            size="3",
            min_height="48px",
            flex_shrink="0",
        ),
        align="center",
        spacing="3",
        width="100%",
        padding_y="0.25rem",
        border_top="1px solid var(--gray-5)",
        class_name="consent-switch",
    )


def organisation_card(organisation) -> rx.Component:
    """A partner organisation with its three categories."""
    return rx.card(
        rx.vstack(
            rx.heading(organisation["name"], size="5", as_="h2"),
            rx.foreach(organisation["switches"], consent_switch),
            spacing="3",
            width="100%",
        ),
        width="100%",
        class_name="consent-organisation",
    )


def request_card(request) -> rx.Component:
    """A counsellor's request with "Ja, dat mag" and "Nee"."""
    return rx.card(
        rx.vstack(
            rx.text(request["text"], size="4"),
            rx.hstack(
                rx.button(
                    rx.icon("check", aria_hidden="true"),
                    t("Ja, dat mag"),
                    on_click=ConsentState.ask(
                        request["organisation_public_id"], request["category"], "accept"
                    ),
                    size="3",
                ),
                rx.button(
                    rx.icon("x", aria_hidden="true"),
                    t("Nee"),
                    on_click=ConsentState.ask(
                        request["organisation_public_id"], request["category"], "decline"
                    ),
                    size="3",
                    variant="outline",
                ),
                spacing="3",
                wrap="wrap",
            ),
            spacing="3",
        ),
        width="100%",
        class_name="consent-request",
    )


def _end_date_field() -> rx.Component:
    return rx.vstack(
        rx.el.label(
            t("Tot en met welke dag? Laat leeg als je geen einddatum wilt."),
            html_for="consent-end-date",
            font_weight="bold",
        ),
        rx.input(
            id="consent-end-date",
            type="date",
            on_change=ConsentState.set_end_date,
            size="3",
            width="100%",
        ),
        spacing="1",
        width="100%",
    )


def confirmation_dialog() -> rx.Component:
    """Says exactly what will happen; nothing changes before "Ja, dat klopt"."""
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.vstack(
                rx.alert_dialog.title(t("Weet je het zeker?")),
                rx.alert_dialog.description(
                    ConsentState.confirm_text, size="4", id="consent-confirm-text"
                ),
                rx.cond(ConsentState.confirm_takes_date, _end_date_field(), rx.fragment()),
                error_callout(ConsentState.dialog_error),
                rx.hstack(
                    rx.button(
                        rx.icon("x", aria_hidden="true"),
                        t("Nee, terug"),
                        on_click=ConsentState.cancel,
                        size="3",
                        variant="soft",
                        color_scheme="gray",
                    ),
                    rx.button(
                        rx.icon("check", aria_hidden="true"),
                        t("Ja, dat klopt"),
                        on_click=ConsentState.confirm,
                        size="3",
                    ),
                    spacing="3",
                    justify="end",
                    wrap="wrap",
                    width="100%",
                ),
                spacing="4",
            ),
        ),
        open=ConsentState.confirm_open,
    )
