"""The partner's start page: participants who let the organisation follow them now."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, loading_or, page_shell
from jouw_omgeving.components.lists import stacked_list
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTNER_HOME, partner_participant
from jouw_omgeving.state.partner import PartnerHomeState


def _row(row) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.vstack(
                rx.link(row["name"], href=partner_participant(row["public_id"]), size="4"),
                rx.text(t("Mag u zien:"), " ", row["categories"], size="2"),
                spacing="1",
            ),
            width="100%",
        ),
        class_name="partner-participant",
        list_style="none",
    )


@rx.page(route=PARTNER_HOME, title=APP_NAME, on_load=PartnerHomeState.load)
def partner_page() -> rx.Component:
    """One line per consenting participant, with what the organisation may see."""
    return page_shell(
        rx.heading(t("Deelnemers die u mag volgen"), size="7", as_="h1"),
        rx.text(t("Hier ziet u deelnemers die uw organisatie toestemming gaven.")),
        rx.button(
            rx.icon("refresh-cw", aria_hidden="true"),
            t("Vernieuwen"),
            on_click=PartnerHomeState.load,
            size="3",
            variant="soft",
        ),
        loading_or(
            rx.vstack(
                error_callout(PartnerHomeState.error),
                rx.cond(
                    PartnerHomeState.rows.length() > 0,
                    stacked_list(PartnerHomeState.rows, _row, "partner-participants"),
                    rx.text(t("Nog niemand heeft uw organisatie toestemming gegeven.")),
                ),
                width="100%",
                spacing="3",
            ),
            PartnerHomeState.loaded,
        ),
    )
