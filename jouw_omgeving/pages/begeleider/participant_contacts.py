"""The "Contacten" section of the participant detail page: register in two taps, and the list."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.state.contacts import ContactsState

_KINDS = (
    ("visit", "house", N_("Bezoek")),
    ("phone", "phone", N_("Telefoon")),
    ("video", "video", N_("Video")),
    ("platform", "monitor-smartphone", N_("Platform")),
)


def _kind_button(kind: str, icon: str, label: str) -> rx.Component:
    return rx.button(
        rx.icon(icon, size=24, aria_hidden="true"),
        t(label),
        on_click=ContactsState.choose_kind(kind),
        size="4",
        variant=rx.cond(ContactsState.kind == kind, "solid", "surface"),
        aria_pressed=rx.cond(ContactsState.kind == kind, "true", "false"),
        id=f"contact-kind-{kind}",
        min_height="56px",
    )


def _minutes_button(minutes: int) -> rx.Component:
    return rx.button(
        f"{minutes} min",
        type="button",
        on_click=ContactsState.pick_duration(minutes),
        variant=rx.cond(ContactsState.duration == minutes, "solid", "soft"),
        aria_pressed=rx.cond(ContactsState.duration == minutes, "true", "false"),
        size="3",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.hstack(
                rx.vstack(
                    rx.el.label(t("Datum"), html_for="contact-day", font_weight="bold"),
                    rx.input(
                        id="contact-day",
                        name="day",
                        type="date",
                        default_value=ContactsState.today,
                        max=ContactsState.today,
                        size="3",
                        required=True,
                    ),
                    spacing="1",
                ),
                rx.vstack(
                    rx.el.label(
                        t("Duur in minuten"), html_for="contact-minutes", font_weight="bold"
                    ),
                    rx.input(
                        id="contact-minutes",
                        name="minutes",
                        type="number",
                        min=1,
                        max=600,
                        value=ContactsState.duration.to_string(),
                        on_change=ContactsState.pick_duration,
                        size="3",
                        width="7rem",
                    ),
                    spacing="1",
                ),
                rx.hstack(_minutes_button(15), _minutes_button(30), _minutes_button(60)),
                spacing="4",
                wrap="wrap",
                align="end",
            ),
            rx.el.label(t("Korte notitie"), html_for="contact-note", font_weight="bold"),
            rx.text_area(id="contact-note", name="note", max_length=2000, width="100%", rows="3"),
            error_callout(ContactsState.error),
            rx.hstack(
                rx.button(
                    rx.icon("check", aria_hidden="true"),
                    t("Contact opslaan"),
                    type="submit",
                    size="3",
                    id="contact-save",
                ),
                rx.button(
                    t("Annuleren"),
                    type="button",
                    on_click=ContactsState.close_form,
                    variant="soft",
                    size="3",
                ),
                spacing="3",
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=ContactsState.save,
        width="100%",
    )


def _contact(contact) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.badge(contact["label"], size="2"),
            rx.text(contact["day"], weight="bold"),
            rx.text(contact["minutes"], " min"),
            rx.text(contact["counsellor"], color="var(--gray-11)"),
            rx.text(contact["note"]),
            spacing="3",
            wrap="wrap",
            align="center",
        ),
        class_name="contact-row",
        list_style="none",
        padding="0.5rem 0",
        border_bottom="1px solid var(--gray-5)",
    )


def _list() -> rx.Component:
    return rx.cond(
        ContactsState.total > 0,
        rx.vstack(
            rx.el.ul(rx.foreach(ContactsState.contacts, _contact), id="contacts", padding="0"),
            rx.hstack(
                rx.button(
                    t("Nieuwer"),
                    on_click=ContactsState.previous_page,
                    disabled=ContactsState.page == 0,
                    variant="soft",
                ),
                rx.text(ContactsState.page + 1, " / ", ContactsState.pages),
                rx.button(
                    t("Ouder"),
                    on_click=ContactsState.next_page,
                    disabled=ContactsState.page + 1 >= ContactsState.pages,
                    variant="soft",
                ),
                align="center",
            ),
            width="100%",
        ),
        rx.text(t("Nog geen contacten geregistreerd.")),
    )


def contacts_section() -> rx.Component:
    """Tap how the contact was, check date, duration and note, save; the list below."""
    return rx.vstack(
        rx.heading(t("Contacten"), size="5", as_="h2"),
        rx.text(t("Contact registreren: hoe was het contact?")),
        rx.flex(*[_kind_button(*kind) for kind in _KINDS], spacing="3", wrap="wrap"),
        rx.cond(ContactsState.kind != "", _form(), rx.fragment()),
        rx.cond(
            ContactsState.saved != "",
            rx.callout(ContactsState.saved, icon="check", color_scheme="green", role="status"),
            rx.fragment(),
        ),
        _list(),
        spacing="3",
        width="100%",
        id="contacts-section",
    )
