"""Mijn gegevens: everything stored about you, to read, print or download as a file."""

import reflex as rx

from jouw_omgeving.components.erasure_request import erasure_request_section
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_CONSENT, PARTICIPANT_MY_DATA
from jouw_omgeving.state.erasure import ErasureRequestState
from jouw_omgeving.state.my_data import MyDataState


def _section(section) -> rx.Component:
    return rx.el.section(
        rx.heading(section["title"], size="5", as_="h2"),
        rx.el.ul(
            rx.foreach(
                section["lines"],
                lambda line: rx.el.li(line, white_space="pre-wrap", list_style="none"),
            ),
            padding="0",
            margin="0",
        ),
        rx.cond(
            section["more"],
            rx.button(
                t("Meer laden"),
                on_click=MyDataState.load_more(section["key"]),
                size="3",
                variant="soft",
                class_name="my-data-more",
            ),
        ),
        rx.cond(
            section["in_file_only"],
            rx.text(t("De rest staat in het bestand. Download het bestand om alles te zien.")),
        ),
        width="100%",
        class_name="my-data-section",
    )


@rx.page(
    route=PARTICIPANT_MY_DATA, title=APP_NAME, on_load=[MyDataState.load, ErasureRequestState.load]
)
def my_data_page() -> rx.Component:
    """Goals, scores, messages, assignments, consent, contacts and who looked: all of it."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_CONSENT),
        rx.heading(t("Mijn gegevens"), size="7", as_="h1"),
        rx.text(t("Dit is alles wat Jouw Omgeving over jou bewaart.")),
        rx.hstack(
            rx.button(
                rx.icon("printer", aria_hidden="true"),
                t("Afdrukken"),
                on_click=rx.call_script("window.print()"),
                size="3",
            ),
            rx.button(
                rx.icon("download", aria_hidden="true"),
                t("Downloaden als bestand"),
                on_click=MyDataState.download,
                size="3",
                variant="outline",
            ),
            spacing="3",
            wrap="wrap",
        ),
        loading_or(
            rx.vstack(
                error_callout(MyDataState.error),
                rx.text(MyDataState.name, size="4", weight="bold", id="my-data-name"),
                rx.foreach(MyDataState.sections, _section),
                erasure_request_section(),
                width="100%",
                spacing="4",
            ),
            MyDataState.loaded,
        ),
        participant=True,
    )
