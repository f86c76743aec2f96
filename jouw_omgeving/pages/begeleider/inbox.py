"""The counsellor's inbox and one thread."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.message_bubble import thread_body
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import (
    COUNSELLOR_HOME,
    COUNSELLOR_INBOX,
    COUNSELLOR_THREAD,
    counsellor_thread,
)
from jouw_omgeving.state.messages import ThreadState
from jouw_omgeving.state.messages_inbox import InboxState


def _row(row) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.text(row["name"], weight="bold", size="4"),
                    rx.cond(
                        row["unread"] > 0,
                        rx.badge(row["unread"], " ", t("ongelezen"), color_scheme="red"),
                        rx.fragment(),
                    ),
                    rx.spacer(),
                    rx.text(row["when"], size="2", color="var(--gray-11)"),
                    width="100%",
                    align="center",
                    wrap="wrap",
                ),
                rx.text(
                    rx.cond(row["preview_is_mine"], t("Jij:"), ""),
                    " ",
                    row["preview"],
                    size="2",
                    dir="auto",
                    color="var(--gray-12)",
                ),
                spacing="1",
                width="100%",
            ),
            width="100%",
        ),
        href=counsellor_thread(row["thread_public_id"]),
        underline="none",
        color="inherit",
        width="100%",
        class_name="inbox-row",
    )


def _search() -> rx.Component:
    return rx.form(
        rx.el.label(t("Zoeken in berichten"), html_for="inbox-search", font_weight="bold"),
        rx.hstack(
            rx.input(
                id="inbox-search",
                name="q",
                max_length=100,
                size="3",
            ),
            rx.button(rx.icon("search", aria_hidden="true"), t("Zoeken"), size="3"),
            rx.cond(
                InboxState.search != "",
                rx.button(
                    t("Alles tonen"),
                    type="button",
                    variant="soft",
                    size="3",
                    on_click=InboxState.clear_search,
                ),
                rx.fragment(),
            ),
            spacing="2",
            wrap="wrap",
        ),
        on_submit=InboxState.search_messages,
        width="100%",
    )


def _pager() -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.icon("chevron-left", aria_hidden="true"),
            t("Vorige"),
            on_click=InboxState.previous_page,
            disabled=InboxState.page == 0,
            variant="soft",
            size="3",
        ),
        rx.text(t("Pagina"), " ", InboxState.page + 1),
        rx.button(
            t("Volgende"),
            rx.icon("chevron-right", aria_hidden="true"),
            on_click=InboxState.next_page,
            disabled=~InboxState.has_next,
            variant="soft",
            size="3",
        ),
        align="center",
        spacing="3",
    )


@rx.page(route=COUNSELLOR_INBOX, title=APP_NAME, on_load=InboxState.load)
def inbox_page() -> rx.Component:
    """All threads of the caseload, newest first, with search and an unread filter."""
    return page_shell(
        back_link(t("Terug"), COUNSELLOR_HOME),
        rx.heading(t("Berichten"), size="7", as_="h1"),
        _search(),
        rx.el.label(
            rx.hstack(
                rx.switch(
                    checked=InboxState.unread_first,
                    on_change=InboxState.set_unread_first,
                    id="unread-first",
                ),
                rx.text(t("Ongelezen eerst")),
                spacing="2",
                align="center",
            ),
        ),
        loading_or(
            rx.cond(
                InboxState.error != "",
                rx.callout(InboxState.error, icon="ban", color_scheme="red", role="alert"),
                rx.vstack(
                    rx.cond(
                        InboxState.rows.length() > 0,
                        rx.vstack(rx.foreach(InboxState.rows, _row), width="100%", spacing="2"),
                        rx.text(t("Geen gesprekken gevonden.")),
                    ),
                    _pager(),
                    width="100%",
                    spacing="3",
                    id="inbox",
                ),
            ),
            InboxState.loaded,
        ),
    )


@rx.page(route=COUNSELLOR_THREAD, title=APP_NAME, on_load=ThreadState.load_for_counsellor)
def counsellor_thread_page() -> rx.Component:
    """One participant's thread: read, and answer."""
    return page_shell(
        back_link(t("Terug"), COUNSELLOR_INBOX),
        rx.heading(t("Berichten met"), " ", ThreadState.title, size="7", as_="h1"),
        loading_or(thread_body(), ThreadState.loaded),
    )
