"""The "Afspraken" section of the participant detail page: plan, list, cancel."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.state.appointments import CounsellorAppointmentsState as State

_KINDS = (
    ("visit", "house", N_("Bezoek")),
    ("phone", "phone", N_("Telefoongesprek")),
    ("video", "video", N_("Videogesprek")),
)


def _kind_button(kind: str, icon: str, label: str) -> rx.Component:
    return rx.button(
        rx.icon(icon, aria_hidden="true"),
        t(label),
        type="button",
        on_click=State.choose_kind(kind),
        variant=rx.cond(State.kind == kind, "solid", "surface"),
        aria_pressed=rx.cond(State.kind == kind, "true", "false"),
        size="3",
        id=f"appointment-kind-{kind}",
    )


def _field(label: str, name: str, **props) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=f"appointment-{name}", font_weight="bold"),
        rx.input(id=f"appointment-{name}", name=name, size="3", **props),
        spacing="1",
    )


def _minutes_button(minutes: int) -> rx.Component:
    return rx.button(
        f"{minutes} min",
        type="button",
        on_click=State.pick_duration(minutes),
        variant=rx.cond(State.duration == minutes, "solid", "soft"),
        size="3",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.flex(*[_kind_button(*kind) for kind in _KINDS], spacing="3", wrap="wrap"),
            rx.flex(
                _field(N_("Datum"), "day", type="date", required=True),
                _field(N_("Tijd"), "time", type="time", required=True),
                _field(
                    N_("Duur in minuten"),
                    "minutes",
                    type="number",
                    min=1,
                    max=600,
                    value=State.duration.to_string(),
                    on_change=State.pick_duration,
                    width="7rem",
                ),
                rx.hstack(_minutes_button(15), _minutes_button(30), _minutes_button(60)),
                spacing="4",
                wrap="wrap",
                align="end",
            ),
            _field(N_("Plaats"), "location", max_length=200, width="100%"),
            rx.el.label(t("Notitie"), html_for="appointment-note", font_weight="bold"),
            rx.text_area(id="appointment-note", name="note", max_length=1000, width="100%"),
            error_callout(State.error),
            rx.hstack(
                rx.button(
                    rx.icon("calendar-check", aria_hidden="true"),
                    t("Afspraak opslaan"),
                    type="submit",
                    size="3",
                    id="appointment-save",
                ),
                rx.button(t("Annuleren"), type="button", on_click=State.close_form, variant="soft"),
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=State.plan,
        width="100%",
    )


def _appointment(appointment) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            rx.badge(
                appointment["status_label"],
                color_scheme=rx.cond(appointment["status"] == "cancelled", "gray", "indigo"),
            ),
            rx.text(appointment["label"], weight="bold"),
            rx.text(appointment["day"], " ", appointment["time"]),
            rx.text(appointment["location"]),
            rx.text(appointment["note"], color="var(--gray-11)"),
            rx.cond(
                appointment["status"] == "planned",
                rx.button(
                    rx.icon("calendar-x", aria_hidden="true"),
                    t("Afzeggen"),
                    on_click=State.cancel(appointment["public_id"]),
                    color_scheme="red",
                    variant="soft",
                    size="2",
                ),
                rx.fragment(),
            ),
            spacing="3",
            wrap="wrap",
            align="center",
        ),
        class_name="appointment-row",
        list_style="none",
        padding="0.5rem 0",
        border_bottom="1px solid var(--gray-5)",
    )


def appointments_section() -> rx.Component:
    """Plan a visit or call; every appointment of the participant below, latest first."""
    return rx.vstack(
        rx.heading(t("Afspraken"), size="5", as_="h2"),
        rx.cond(
            State.form_open,
            _form(),
            rx.button(
                rx.icon("calendar-plus", aria_hidden="true"),
                t("Afspraak plannen"),
                on_click=State.open_form,
                size="3",
                id="appointment-open",
            ),
        ),
        rx.cond(
            State.message != "",
            rx.callout(State.message, icon="check", color_scheme="green", role="status"),
            rx.fragment(),
        ),
        rx.cond(~State.form_open, error_callout(State.error), rx.fragment()),
        rx.cond(
            State.appointments.length() > 0,
            rx.el.ul(rx.foreach(State.appointments, _appointment), id="appointments", padding="0"),
            rx.text(t("Nog geen afspraken.")),
        ),
        spacing="3",
        width="100%",
        id="appointments-section",
    )
