"""Start page of the network-member role (the partner's pages are in ``ketenpartner``)."""

import reflex as rx

from jouw_omgeving.components.layout import APP_NAME, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.models.enums import Role
from jouw_omgeving.routes import NETWORK_HOME
from jouw_omgeving.state.session import authenticate


class RoleGuardState(rx.State):
    """Guards pages that show no data yet: only the right role stays."""

    @rx.event
    async def network_member(self):
        """Keep only network members on the network page."""
        result = await authenticate(self, Role.NETWORK_MEMBER)
        return None if not isinstance(result, rx.event.EventSpec) else result


@rx.page(route=NETWORK_HOME, title=APP_NAME, on_load=RoleGuardState.network_member)
def network_page() -> rx.Component:
    """The network member's start page."""
    return page_shell(
        rx.heading(t("Wat met jou gedeeld is"), size="7", as_="h1"),
        rx.text(t("Hier zie je de doelen die iemand met jou deelt.")),
    )
