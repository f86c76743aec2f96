"""Activation building blocks for counsellors: the "new code" action and the A6 card.

``activation_actions(public_id)`` can be placed anywhere a counsellor sees a participant
(caseload row, participant detail page). The server checks role and caseload on click.
"""

import reflex as rx

from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.state.activation_card import ActivationCardState

# Print only the card, A6 portrait, without the page around it.
PRINT_CSS = """
@media print {
  @page { size: A6 portrait; margin: 0; }
  body * { visibility: hidden; }
  #activation-card, #activation-card * { visibility: visible; }
  #activation-card { position: absolute; left: 0; top: 0; border: none !important;
    box-shadow: none !important; width: 105mm; height: 148mm; }
}
"""


def activation_actions(
    participant_public_id: rx.Var | str, name: rx.Var | str | None = None
) -> rx.Component:
    """A "Nieuwe activatiecode" button with a confirmation (old code, PIN and sessions end)."""
    label = t("Nieuwe activatiecode")
    trigger = rx.button(
        rx.icon("key-round", aria_hidden="true"),
        label,
        # Screen readers hear whose code it is; the row shows the name already.
        visually_hidden(" ", name) if name is not None else rx.fragment(),
        variant="soft",
        size="2",
        class_name="new-activation-code",
    )
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(trigger),
        rx.alert_dialog.content(
            rx.alert_dialog.title(t("Nieuwe activatiecode maken?")),
            rx.alert_dialog.description(
                t(
                    "De oude code en de oude pincode of het oude wachtwoord werken dan niet "
                    "meer, en de deelnemer wordt op alle apparaten uitgelogd. Geef de nieuwe "
                    "code persoonlijk."
                )
            ),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(t("Annuleren"), variant="soft", size="3")),
                rx.alert_dialog.action(
                    rx.button(
                        t("Ja, maak een nieuwe code"),
                        size="3",
                        on_click=ActivationCardState.issue_code(participant_public_id),
                        class_name="confirm-new-activation-code",
                    )
                ),
                spacing="3",
                justify="end",
                margin_top="1rem",
            ),
        ),
    )


def activation_card() -> rx.Component:
    """The A6 card: name, code, QR code with the activation link, and the expiry date."""
    state = ActivationCardState
    return rx.card(
        rx.vstack(
            rx.text("Jouw Omgeving", size="5", weight="bold"),
            rx.text(t("Voor"), " ", state.participant_name, size="3"),
            rx.text(t("Jouw activatiecode"), size="3"),
            rx.text(
                state.code,
                size="8",
                weight="bold",
                font_family="monospace",
                letter_spacing="0.08em",
                id="activation-code",
            ),
            rx.image(
                src=state.qr,
                alt=t("QR-code: scan hem om je account te maken"),
                width="38mm",
                height="38mm",
                id="activation-qr",
            ),
            rx.text(t("Scan de QR-code met je telefoon. Of ga naar:"), size="2"),
            rx.text(state.link, size="3", weight="bold", id="activation-link"),
            rx.text(t("en typ daar de code."), size="2"),
            rx.text(t("De code werkt één keer, tot en met"), " ", state.expires, size="2"),
            align="center",
            spacing="2",
            text_align="center",
        ),
        id="activation-card",
        width="105mm",
        max_width="100%",
        min_height="148mm",
        padding="8mm",
    )
