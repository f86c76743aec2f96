"""Big, touch-friendly tiles for the participant's home page."""

import reflex as rx


def tile(
    icon: str,
    label: rx.Var | str,
    *,
    href: str | None = None,
    count: rx.Var | None = None,
    tile_id: str,
) -> rx.Component:
    """A big tile with a pictogram, a label and an optional count badge.

    Tiles with ``href`` are links (at least 48 px high, the whole tile is the target).
    """
    body = rx.hstack(
        rx.icon(icon, size=36, aria_hidden="true"),
        rx.text(label, size="5", weight="bold"),
        rx.spacer(),
        rx.cond(count > 0, rx.badge(count, size="3", radius="full"), rx.fragment())
        if count is not None
        else rx.fragment(),
        align="center",
        spacing="4",
        width="100%",
        min_height="4.5rem",
        padding="1rem",
    )
    card = rx.card(body, width="100%", id=tile_id)
    if href is None:
        return card
    return rx.link(card, href=href, underline="none", width="100%", color="inherit")
