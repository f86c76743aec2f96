"""Informatie: the library to browse by life domain, and one item to read."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.markdown_safe import safe_markdown
from jouw_omgeving.components.text import t
from jouw_omgeving.pages.deelnemer.assignments import big_link
from jouw_omgeving.routes import (
    PARTICIPANT_ASSIGNMENTS,
    PARTICIPANT_CONTENT,
    PARTICIPANT_LIBRARY,
    participant_content,
)
from jouw_omgeving.state.library import ContentState, LibraryState


def _group(group) -> rx.Component:
    return rx.el.section(
        rx.heading(group["heading"], size="5", as_="h2"),
        rx.vstack(
            rx.foreach(
                group["items"],
                lambda item: big_link(
                    "file-text", item["title"], participant_content(item["public_id"])
                ),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


@rx.page(route=PARTICIPANT_LIBRARY, title=APP_NAME, on_load=LibraryState.load)
def library_page() -> rx.Component:
    """All published information, grouped by life domain."""
    return page_shell(
        back_link(t("Opdrachten"), PARTICIPANT_ASSIGNMENTS),
        rx.heading(t("Informatie"), size="7", as_="h1"),
        loading_or(
            rx.vstack(rx.foreach(LibraryState.groups, _group), spacing="5", width="100%"),
            LibraryState.loaded,
        ),
        participant=True,
    )


@rx.page(route=PARTICIPANT_CONTENT, title=APP_NAME, on_load=ContentState.load)
def content_page() -> rx.Component:
    """One information item, its Markdown rendered without HTML."""
    return page_shell(
        back_link(t("Informatie"), PARTICIPANT_LIBRARY),
        loading_or(
            rx.cond(
                ContentState.title != "",
                rx.vstack(
                    rx.heading(ContentState.title, size="7", as_="h1"),
                    rx.box(safe_markdown(ContentState.body), id="content-body", width="100%"),
                    width="100%",
                ),
                rx.vstack(
                    rx.heading(t("Geen toegang"), size="7", as_="h1"),
                    error_callout(ContentState.error),
                    width="100%",
                ),
            ),
            ContentState.loaded,
        ),
        participant=True,
    )
