"""Wie heeft mijn gegevens bekeken: everyone else who opened the participant's data."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_ACCESS_LOG, PARTICIPANT_HOME
from jouw_omgeving.state.access_log import AccessLogState


def _line(line) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.vstack(
                rx.text(line["sentence"], size="4"),
                rx.text(line["when"], size="2", color="var(--gray-11)"),
                spacing="1",
            ),
            width="100%",
        ),
        class_name="access-line",
        list_style="none",
    )


def _pager() -> rx.Component:
    return rx.hstack(
        rx.cond(
            AccessLogState.page > 1,
            rx.button(t("Nieuwer"), on_click=AccessLogState.previous_page, size="3"),
            rx.fragment(),
        ),
        rx.cond(
            AccessLogState.has_next,
            rx.button(t("Ouder"), on_click=AccessLogState.next_page, size="3"),
            rx.fragment(),
        ),
        spacing="3",
    )


@rx.page(route=PARTICIPANT_ACCESS_LOG, title=APP_NAME, on_load=AccessLogState.load)
def access_log_page() -> rx.Component:
    """One sentence per look at your data, newest first."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Wie heeft mijn gegevens bekeken"), size="7", as_="h1"),
        rx.text(t("Hier zie je wie je gegevens bekeek of veranderde. Het nieuwste staat boven.")),
        loading_or(
            rx.vstack(
                error_callout(AccessLogState.error),
                rx.cond(
                    AccessLogState.lines.length() > 0,
                    rx.el.ul(
                        rx.foreach(AccessLogState.lines, _line),
                        id="access-log",
                        padding="0",
                        margin="0",
                        width="100%",
                        display="flex",
                        flex_direction="column",
                        gap="0.75rem",
                    ),
                    rx.text(t("Nog niemand anders heeft je gegevens bekeken.")),
                ),
                _pager(),
                width="100%",
                spacing="3",
            ),
            AccessLogState.loaded,
        ),
        participant=True,
    )
