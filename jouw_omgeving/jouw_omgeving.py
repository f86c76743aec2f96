"""The Reflex app: pages are registered here."""

import reflex as rx

import jouw_omgeving.models  # noqa: F401  (registers all tables for migrations)

app = rx.App()


@rx.page(route="/")
def index() -> rx.Component:
    """Temporary start page."""
    return rx.text("Jouw Omgeving")
