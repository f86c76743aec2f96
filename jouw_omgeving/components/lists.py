"""Lists and tables that several pages show the same way."""

from collections.abc import Callable

import reflex as rx


def stacked_list(items: rx.Var, render: Callable, list_id: str) -> rx.Component:
    """A bare ``<ul>`` of cards or lines, one under the other (no bullets)."""
    return rx.el.ul(
        rx.foreach(items, render),
        id=list_id,
        padding="0",
        margin="0",
        width="100%",
        display="flex",
        flex_direction="column",
        gap="0.75rem",
    )


def simple_table(headers: list[rx.Var], rows: rx.Var, render: Callable) -> rx.Component:
    """A full-width table: one header row, then ``render(row)`` for every row."""
    return rx.table.root(
        rx.table.header(rx.table.row(*(rx.table.column_header_cell(h) for h in headers))),
        rx.table.body(rx.foreach(rows, render)),
        width="100%",
    )
