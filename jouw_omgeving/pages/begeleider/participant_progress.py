"""The "Voortgang" tab of the participant detail page: both assessments, and the own form."""

import reflex as rx

from jouw_omgeving.components.chart_card import chart_card
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import loading_or
from jouw_omgeving.components.text import t
from jouw_omgeving.state.progress_counsellor import CounsellorProgressState as State

_SELECT_STYLE = {"min_height": "44px", "padding": "0 0.5rem", "font_size": "1rem"}


def _domain_field(domain) -> rx.Component:
    field_id = "assessment-" + domain["key"]
    return rx.vstack(
        rx.el.label(domain["name"], html_for=field_id, font_weight="bold"),
        rx.el.select(
            rx.el.option(t("Kies een score"), value=""),
            rx.foreach(
                State.levels,
                lambda level: rx.el.option(
                    level["value"].to_string() + " – " + level["label"], value=level["value"]
                ),
            ),
            id=field_id,
            name=domain["key"],
            required=True,
            style=_SELECT_STYLE,
        ),
        spacing="1",
        width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(t("Jouw beoordeling invullen"), size="5", as_="h3"),
            rx.foreach(State.domains, _domain_field),
            rx.el.label(t("Notitie (niet verplicht)"), html_for="assessment-note"),
            rx.text_area(id="assessment-note", name="note", max_length=2000, rows="3"),
            error_callout(State.error),
            rx.cond(
                State.saved != "",
                rx.callout(
                    State.saved,
                    icon="check",
                    color_scheme="green",
                    role="status",
                    high_contrast=True,
                ),
                rx.fragment(),
            ),
            rx.button(
                rx.icon("save", aria_hidden="true"),
                t("Beoordeling opslaan"),
                type="submit",
                size="3",
                id="assessment-save",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=State.save,
        reset_on_submit=True,
        width="100%",
        id="counsellor-assessment",
    )


def progress_section() -> rx.Component:
    """Latest side by side, then each kind over time, then the counsellor's form."""
    return loading_or(
        rx.vstack(
            rx.heading(t("Voortgang"), size="5", as_="h2"),
            chart_card(
                t("Deelnemer en begeleider, laatste keer"),
                State.side_figure,
                State.side_text,
                chart_id="staff-chart-side",
            ),
            chart_card(
                t("Zelfbeoordeling van de deelnemer"),
                State.own_figure,
                State.own_text,
                chart_id="staff-chart-own",
            ),
            chart_card(
                t("Beoordeling door de begeleider"),
                State.counsellor_figure,
                State.counsellor_text,
                chart_id="staff-chart-counsellor",
            ),
            rx.cond(
                State.domains.length() > 0,
                _form(),
                error_callout(State.error),
            ),
            spacing="4",
            width="100%",
            id="progress",
        ),
        State.loaded,
    )
