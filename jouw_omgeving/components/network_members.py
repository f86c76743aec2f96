"""Building blocks of "Mijn netwerk": a member's card, the new code, the stop question."""

import reflex as rx

from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.state.network_manage import NetworkManageState


def member_card(member) -> rx.Component:
    """One person in the network: who, since when, which goals they see, and "Stoppen"."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("user-round", size=28, aria_hidden="true", flex_shrink="0"),
                rx.vstack(
                    rx.heading(member["name"], size="5", as_="h2"),
                    rx.text(member["relation"], size="3"),
                    spacing="0",
                ),
                align="center",
                spacing="3",
            ),
            rx.text(member["status_text"], size="3"),
            rx.text(member["sees_text"], size="3", weight="bold"),
            rx.el.ul(
                rx.foreach(member["shared_goals"], lambda title: rx.el.li(title)),
                padding_left="1.25rem",
                margin="0",
            ),
            rx.button(
                rx.icon("user-minus", aria_hidden="true"),
                t("Stoppen"),
                visually_hidden(" ", member["name"]),
                on_click=NetworkManageState.ask_end(member["member_public_id"]),
                size="3",
                variant="soft",
                color_scheme="red",
                class_name="network-stop",
            ),
            spacing="2",
            align="start",
            width="100%",
        ),
        width="100%",
        class_name="network-member",
    )


def invite_code_card() -> rx.Component:
    """The new code, big, with its QR code and what to do with it."""
    state = NetworkManageState
    return rx.card(
        rx.vstack(
            rx.text(state.code_text, size="5", weight="bold"),
            rx.text(
                state.code,
                id="network-invite-code",
                size="9",
                weight="bold",
                font_family="monospace",
                letter_spacing="0.08em",
                white_space="nowrap",
            ),
            rx.image(
                src=state.qr,
                alt=t("QR-code die de code opent"),
                width="12rem",
                height="12rem",
            ),
            rx.text(t("De code werkt tot en met"), " ", state.expires, ".", size="4"),
            rx.text(
                t(
                    "Geef de code persoonlijk, of lees hem voor. Die persoon scant de "
                    "QR-code met de camera van de telefoon, of gaat naar dit adres en typt "
                    "daar de code:"
                ),
                size="4",
            ),
            rx.text(state.link, size="4", weight="bold", id="network-invite-link"),
            rx.text(t("Daarna kiest die persoon een eigen gebruikersnaam en pincode."), size="4"),
            rx.text(t("Deel de code niet in een groep of op internet."), size="4", weight="bold"),
            spacing="3",
            align="center",
            width="100%",
        ),
        width="100%",
    )


def stop_question() -> rx.Component:
    """ "Are you sure?" in plain words, with a clear yes and no."""
    state = NetworkManageState
    return rx.vstack(
        rx.heading(t("Wil je stoppen met"), " ", state.chosen_name, "?", size="6", as_="h2"),
        rx.text(
            t(
                "Deze persoon zit dan niet meer in je netwerk en ziet meteen niets meer "
                "van je doelen. Wil je later weer samen verder? Nodig die persoon dan "
                "opnieuw uit."
            ),
            size="4",
        ),
        rx.button(
            rx.icon("user-minus", aria_hidden="true"),
            t("Ja, stoppen"),
            on_click=state.confirm_end,
            size="4",
            color_scheme="red",
            high_contrast=True,  # solid red with white text fails AA (3.9:1)
            id="network-confirm-stop",
        ),
        rx.button(
            rx.icon("arrow-left", aria_hidden="true"),
            t("Nee, terug"),
            on_click=state.back_to_list,
            size="4",
            variant="soft",
        ),
        spacing="3",
        width="100%",
    )
