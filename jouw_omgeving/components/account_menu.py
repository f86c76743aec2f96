"""A small menu in the page header: "Uitloggen op alle apparaten" (log out everywhere).

A menu item rather than a second button next to "Uitloggen": the header stays short on a
small phone, and the two cannot be mistaken for each other.
"""

import reflex as rx

from jouw_omgeving.components.text import t
from jouw_omgeving.state.account import AccountState


def logout_everywhere_menu() -> rx.Component:
    """A "more" button that opens a menu with "Uitloggen op alle apparaten"."""
    return rx.menu.root(
        rx.menu.trigger(
            rx.icon_button(
                rx.icon("ellipsis-vertical", aria_hidden="true"),
                variant="soft",
                size="3",
                aria_label=t("Meer"),
                id="account-menu",
            ),
        ),
        rx.menu.content(
            rx.menu.item(
                rx.icon("monitor-smartphone", aria_hidden="true"),
                t("Uitloggen op alle apparaten"),
                on_select=AccountState.logout_everywhere,
                id="logout-everywhere",
            ),
        ),
    )
