"""Building blocks of the admin pages: a back link, notices, a labelled select, a table."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import back_link
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.routes import ADMIN_HOME

SELECT_STYLE = {"minHeight": "2.75rem", "width": "100%"}


def back_to_admin() -> rx.Component:
    """The link back to the admin overview."""
    return back_link(t("Beheer"), ADMIN_HOME)


def notices(error: rx.Var, notice: rx.Var) -> rx.Component:
    """The red refusal and the green confirmation of the last action."""
    return rx.fragment(
        error_callout(error),
        rx.cond(
            notice != "",
            rx.callout(notice, icon="check", color_scheme="green", role="status", width="100%"),
            rx.fragment(),
        ),
    )


def labelled_select(
    label: rx.Var | str, name: str, *options: rx.Component, required: bool = True
) -> rx.Component:
    """A native select with its label above it."""
    return rx.vstack(
        rx.el.label(label, html_for=name, font_weight="bold"),
        rx.el.select(*options, id=name, name=name, required=required, style=SELECT_STYLE),
        spacing="1",
        width="100%",
    )


def table(headers: list[str], body: rx.Component, table_id: str) -> rx.Component:
    """A scrollable table with translated column headers."""
    return rx.box(
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(h)) for h in headers])),
            body,
            width="100%",
            id=table_id,
        ),
        overflow_x="auto",
        width="100%",
    )


def form_grid(*children: rx.Component) -> rx.Component:
    """Form fields in one to three columns."""
    return rx.grid(
        *children,
        columns=rx.breakpoints(initial="1", sm="2", md="3"),
        spacing="3",
        width="100%",
    )


def submit(label: rx.Var | str, icon: str) -> rx.Component:
    """A big submit button with a pictogram."""
    return rx.button(rx.icon(icon, aria_hidden="true"), label, type="submit", size="3")


def pager(state, previous: str = N_("Vorige"), following: str = N_("Volgende")) -> rx.Component:
    """Previous/next page buttons of a paginated list state (``page``, ``has_next``)."""
    return rx.hstack(
        rx.cond(
            state.page > 1,
            rx.button(t(previous), on_click=state.previous_page, size="3"),
            rx.fragment(),
        ),
        rx.text(t("Pagina"), " ", state.page),
        rx.cond(
            state.has_next,
            rx.button(t(following), on_click=state.next_page, size="3"),
            rx.fragment(),
        ),
        align="center",
        spacing="3",
    )
