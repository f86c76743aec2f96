"""Hoe gaat het nu? One life domain per screen, five faces, then check and save."""

import reflex as rx

from jouw_omgeving.components.face_scale import face_scale, pictogram
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_PROGRESS, PARTICIPANT_SELF_ASSESSMENT
from jouw_omgeving.state.self_assessment import SelfAssessmentState as S


def _nav_button(icon: str, label: rx.Var, on_click, button_id: str, **props) -> rx.Component:
    return rx.button(
        rx.icon(icon, size=24, aria_hidden="true"),
        label,
        on_click=on_click,
        size="4",
        min_height="3.5rem",
        id=button_id,
        **props,
    )


def _domain_screen() -> rx.Component:
    return rx.vstack(
        rx.text(t("Vraag"), " ", S.step + 1, " ", t("van"), " ", S.total, size="3"),
        rx.hstack(
            pictogram(S.current["pictogram"], size=40),
            rx.heading(S.current["name"], as_="h2", size="6", id="domain-name"),
            align="center",
            spacing="3",
        ),
        rx.text(S.current["question"], size="5", id="domain-question"),
        face_scale(S.levels, S.current_answer, S.choose, label_id="domain-question"),
        error_callout(S.error),
        rx.hstack(
            rx.cond(
                S.step > 0,
                _nav_button("arrow-left", t("Vorige"), S.previous_step, "previous", variant="soft"),
                rx.fragment(),
            ),
            rx.spacer(),
            _nav_button("arrow-right", t("Volgende"), S.next_step, "next"),
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


def _screen_reader_only(text: rx.Var) -> rx.Component:
    """Text for screen readers only ("Aanpassen" alone would not say which one)."""
    return rx.el.span(
        " ",
        text,
        position="absolute",
        width="1px",
        height="1px",
        overflow="hidden",
        clip="rect(0 0 0 0)",
        white_space="nowrap",
    )


def _summary_row(row) -> rx.Component:
    return rx.el.li(
        rx.card(
            rx.hstack(
                pictogram(row["face"], size=32),
                rx.vstack(
                    rx.text(row["name"], weight="bold", size="4"),
                    rx.text(row["label"], size="4"),
                    spacing="0",
                ),
                rx.spacer(),
                rx.button(
                    rx.icon("pencil", aria_hidden="true"),
                    t("Aanpassen"),
                    _screen_reader_only(row["name"]),
                    on_click=S.edit(row["key"]),
                    variant="soft",
                    size="3",
                ),
                align="center",
                width="100%",
                wrap="wrap",
            ),
            width="100%",
        ),
        list_style="none",
        class_name="summary-row",
    )


def _check_screen() -> rx.Component:
    return rx.vstack(
        rx.heading(t("Klopt dit?"), as_="h2", size="6"),
        rx.text(t("Kijk of alles klopt. Druk dan op 'Opslaan'."), size="4"),
        rx.el.ul(
            rx.foreach(S.summary, _summary_row),
            padding="0",
            margin="0",
            width="100%",
            display="flex",
            flex_direction="column",
            gap="0.5rem",
            id="assessment-summary",
        ),
        error_callout(S.error),
        rx.hstack(
            _nav_button("arrow-left", t("Vorige"), S.previous_step, "previous", variant="soft"),
            rx.spacer(),
            _nav_button("save", t("Opslaan"), S.save, "save"),
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


@rx.page(route=PARTICIPANT_SELF_ASSESSMENT, title=APP_NAME, on_load=S.load)
def self_assessment_page() -> rx.Component:
    """One task per screen: a domain, or the check screen at the end."""
    return page_shell(
        back_link(t("Stoppen"), PARTICIPANT_PROGRESS),
        rx.heading(t("Hoe gaat het nu?"), size="7", as_="h1"),
        loading_or(
            rx.cond(
                S.total > 0,
                rx.cond(S.on_check_screen, _check_screen(), _domain_screen()),
                error_callout(S.error),
            ),
            S.loaded,
        ),
        participant=True,
    )
