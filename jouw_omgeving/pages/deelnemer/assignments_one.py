"""One assignment: read it, answer the questions, save ("Bewaren") or hand in ("Inleveren")."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.markdown_safe import safe_markdown
from jouw_omgeving.components.question_form import question_form
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_ASSIGNMENT, PARTICIPANT_ASSIGNMENTS
from jouw_omgeving.state.assignments import AssignmentState


def notice(message: rx.Var) -> rx.Component:
    """A green message that screen readers announce; hidden while empty."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="check", color_scheme="green", role="status", width="100%"),
        rx.fragment(),
    )


def _feedback() -> rx.Component:
    return rx.cond(
        AssignmentState.feedback.length() > 0,
        rx.el.section(
            rx.heading(t("Reactie van je begeleider"), size="5", as_="h2"),
            rx.foreach(
                AssignmentState.feedback,
                lambda f: rx.card(
                    rx.hstack(
                        rx.icon("message-circle", aria_hidden="true"),
                        rx.vstack(
                            rx.text(f["body"], size="4", white_space="pre-wrap"),
                            rx.text(f["when"], size="2", color="var(--gray-11)"),
                        ),
                    ),
                    width="100%",
                ),
            ),
            id="assignment-feedback",
            width="100%",
        ),
        rx.fragment(),
    )


def _buttons() -> rx.Component:
    return rx.cond(
        AssignmentState.submitted,
        rx.text(rx.icon("circle-check", aria_hidden="true"), " ", t("Je hebt dit ingeleverd.")),
        rx.hstack(
            rx.button(
                rx.icon("save", aria_hidden="true"),
                t("Bewaren"),
                on_click=AssignmentState.save,
                size="4",
                variant="soft",
                id="assignment-save",
            ),
            rx.button(
                rx.icon("send", aria_hidden="true"),
                t("Inleveren"),
                on_click=AssignmentState.submit,
                size="4",
                id="assignment-submit",
            ),
            spacing="3",
            wrap="wrap",
        ),
    )


def _assignment() -> rx.Component:
    return rx.vstack(
        rx.heading(AssignmentState.title, size="7", as_="h1", id="assignment-title"),
        rx.hstack(
            rx.badge(AssignmentState.status_text, size="3", id="assignment-status"),
            rx.cond(
                AssignmentState.due_text != "",
                rx.text(
                    rx.icon("calendar", size=18, aria_hidden="true"),
                    " ",
                    t("Af op"),
                    " ",
                    AssignmentState.due_text,
                ),
                rx.fragment(),
            ),
            align="center",
            wrap="wrap",
        ),
        rx.box(safe_markdown(AssignmentState.body), id="assignment-body", width="100%"),
        question_form(),
        error_callout(AssignmentState.error),
        notice(AssignmentState.notice),
        _buttons(),
        _feedback(),
        spacing="4",
        width="100%",
    )


@rx.page(route=PARTICIPANT_ASSIGNMENT, title=APP_NAME, on_load=AssignmentState.load)
def assignment_page() -> rx.Component:
    """The assignment in the URL, when it is the participant's own."""
    return page_shell(
        back_link(t("Opdrachten"), PARTICIPANT_ASSIGNMENTS),
        loading_or(
            rx.cond(
                AssignmentState.public_id != "",
                _assignment(),
                rx.vstack(
                    rx.heading(t("Geen toegang"), size="7", as_="h1"),
                    error_callout(AssignmentState.error),
                    width="100%",
                ),
            ),
            AssignmentState.loaded,
        ),
        participant=True,
    )
