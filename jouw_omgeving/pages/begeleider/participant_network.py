"""The "Netwerk" tab of the participant detail page: who is in the network, read-only."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import loading_or
from jouw_omgeving.components.text import t
from jouw_omgeving.state.network_counsellor import CounsellorNetworkState as State


def _member(member) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("user-round", size=24, aria_hidden="true"),
                rx.heading(member["name"], size="4", as_="h3"),
                rx.text("(", member["relation"], ")"),
                align="center",
                spacing="2",
                wrap="wrap",
            ),
            rx.text(member["status_text"]),
            rx.text(member["sees_text"], weight="bold"),
            rx.el.ul(
                rx.foreach(member["shared_goals"], lambda title: rx.el.li(title)),
                padding_left="1.25rem",
                margin="0",
            ),
            spacing="1",
            align="start",
        ),
        width="100%",
        class_name="staff-network-member",
    )


def network_section() -> rx.Component:
    """The participant's network members and open invites (the participant manages them)."""
    return loading_or(
        rx.vstack(
            rx.heading(t("Netwerk"), size="5", as_="h2"),
            rx.text(t("Alleen de deelnemer nodigt mensen uit of stopt ermee.")),
            error_callout(State.error),
            rx.cond(
                State.members.length() > 0,
                rx.vstack(rx.foreach(State.members, _member), width="100%", spacing="2"),
                rx.cond(
                    State.error == "", rx.text(t("Nog niemand in het netwerk.")), rx.fragment()
                ),
            ),
            spacing="3",
            width="100%",
            id="network",
        ),
        State.loaded,
    )
