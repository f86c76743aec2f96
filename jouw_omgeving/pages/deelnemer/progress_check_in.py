"""Check-in van deze week: one face for how it goes, and an optional short text."""

import reflex as rx

from jouw_omgeving.components.face_scale import face_button
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import N_
from jouw_omgeving.routes import PARTICIPANT_CHECK_IN, PARTICIPANT_PROGRESS
from jouw_omgeving.services.self_reports import MAX_CHECK_IN_NOTE
from jouw_omgeving.state.check_in import CheckInState as C

# The faces of the weekly mood, worst to best (the same faces as the life-domain scale).
_MOODS = (
    (1, "frown", N_("Slecht")),
    (2, "annoyed", N_("Niet zo goed")),
    (3, "meh", N_("Gaat wel")),
    (4, "smile", N_("Goed")),
    (5, "laugh", N_("Heel goed")),
)


def _faces() -> rx.Component:
    return rx.vstack(
        *[
            face_button(value, t(label), rx.Var.create(face), C.mood, C.choose_mood)
            for value, face, label in _MOODS
        ],
        role="group",
        aria_labelledby="mood-question",
        spacing="3",
        width="100%",
        id="face-scale",
    )


@rx.page(route=PARTICIPANT_CHECK_IN, title=APP_NAME, on_load=C.load)
def check_in_page() -> rx.Component:
    """How are you doing this week? Faces, a short text, save."""
    return page_shell(
        back_link(t("Stoppen"), PARTICIPANT_PROGRESS),
        rx.heading(t("Check-in van deze week"), size="7", as_="h1"),
        loading_or(
            rx.form(
                rx.vstack(
                    rx.cond(
                        C.already_this_week,
                        rx.callout(
                            t("Je deed deze week al een check-in. Je kunt hem hier aanpassen."),
                            icon="info",
                            size="3",
                            width="100%",
                            id="already-this-week",
                        ),
                        rx.fragment(),
                    ),
                    rx.text(t("Hoe gaat het deze week met je?"), size="5", id="mood-question"),
                    _faces(),
                    rx.el.label(
                        t("Wil je er iets over vertellen? (mag leeg blijven)"),
                        html_for="check-in-note",
                        font_weight="bold",
                    ),
                    rx.text_area(
                        id="check-in-note",
                        name="note",
                        default_value=C.note,
                        max_length=MAX_CHECK_IN_NOTE,
                        size="3",
                        rows="3",
                        width="100%",
                    ),
                    error_callout(C.error),
                    rx.button(
                        rx.icon("save", size=24, aria_hidden="true"),
                        t("Opslaan"),
                        type="submit",
                        size="4",
                        min_height="3.5rem",
                        id="save-check-in",
                    ),
                    spacing="4",
                    width="100%",
                ),
                on_submit=C.save,
                width="100%",
            ),
            C.loaded,
        ),
        participant=True,
    )
