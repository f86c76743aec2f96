"""A small menu in the page header: "Uitloggen op alle apparaten" (log out everywhere).

A menu item rather than a second button next to "Uitloggen": the header stays short on a
small phone, and the two cannot be mistaken for each other.

The menu is the browser's own ``<details>``/``<summary>`` disclosure: it opens with a tap,
Enter or Space, tells screen readers whether it is open, and needs no script. (Radix's
dropdown menu would add about 22 KiB of JavaScript to every page for this one item.)
"""

import reflex as rx

from jouw_omgeving.components.text import t
from jouw_omgeving.state.account import AccountState

# Radix's own classes for a soft icon button, so the summary looks like the buttons beside it.
_ICON_BUTTON_CLASSES = "rt-reset rt-BaseButton rt-r-size-3 rt-variant-soft rt-IconButton"
_MENU_CSS = (
    ".account-menu>summary{list-style:none;cursor:pointer}"
    ".account-menu>summary::-webkit-details-marker{display:none}"
)


def logout_everywhere_menu() -> rx.Component:
    """A "more" button that opens a small panel with "Uitloggen op alle apparaten"."""
    return rx.el.details(
        rx.el.style(_MENU_CSS),
        rx.el.summary(
            rx.icon("ellipsis-vertical", aria_hidden="true"),
            aria_label=t("Meer"),
            id="account-menu",
            class_name=_ICON_BUTTON_CLASSES,
        ),
        rx.box(
            rx.button(
                rx.icon("monitor-smartphone", aria_hidden="true"),
                t("Uitloggen op alle apparaten"),
                on_click=AccountState.logout_everywhere,
                variant="soft",
                size="3",
                id="logout-everywhere",
            ),
            position="absolute",
            right="0",
            top="calc(100% + 0.25rem)",
            z_index="10",
            padding="0.5rem",
            background="var(--color-panel-solid)",
            border="1px solid var(--gray-6)",
            border_radius="var(--radius-3)",
            box_shadow="var(--shadow-4)",
            white_space="nowrap",
        ),
        class_name="account-menu",
        position="relative",
    )
