"""Hulp: the numbers to call, as big buttons that dial when tapped."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_HELP, PARTICIPANT_HOME
from jouw_omgeving.state.help import HelpState


def _call_button(number) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                rx.icon("phone", size=32, aria_hidden="true", flex_shrink="0"),
                rx.vstack(
                    rx.text(number["label"], size="5", weight="bold"),
                    rx.text(t("Bel"), " ", number["phone"], size="4"),
                    rx.cond(number["note"] != "", rx.text(number["note"], size="3"), rx.fragment()),
                    spacing="1",
                    align="start",
                ),
                align="center",
                spacing="4",
                min_height="4rem",
                padding="0.75rem",
            ),
            width="100%",
        ),
        href="tel:" + number["tel"],
        underline="none",
        color="inherit",
        width="100%",
        class_name="help-number",
    )


@rx.page(route=PARTICIPANT_HELP, title=APP_NAME, on_load=HelpState.load)
def help_page() -> rx.Component:
    """Crisis and help numbers of the participant's organisation (or national ones)."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Hulp"), size="7", as_="h1"),
        rx.text(
            t("Heb je nu hulp nodig? Tik op een nummer. Je telefoon belt dan meteen."), size="4"
        ),
        rx.text(t("Bij direct gevaar: bel 112."), size="4", weight="bold"),
        error_callout(HelpState.error),
        loading_or(
            rx.vstack(rx.foreach(HelpState.numbers, _call_button), spacing="3", width="100%"),
            HelpState.loaded,
        ),
        participant=True,
    )
