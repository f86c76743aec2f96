"""The counsellor's assignments panel for a participant's page (CounsellorAssignmentsState)."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.text import t
from jouw_omgeving.state.counsellor_assignments import CounsellorAssignmentsState as S


def _picker() -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.el.label(t("Wat geef je?"), html_for="assign-content", font_weight="bold"),
            rx.el.select(
                rx.el.option(t("Kies..."), value=""),
                rx.foreach(S.choices, lambda c: rx.el.option(c["label"], value=c["value"])),
                id="assign-content",
                value=S.picked,
                on_change=S.set_picked,
                style={"minHeight": "2.5rem", "maxWidth": "28rem"},
            ),
            spacing="1",
        ),
        rx.vstack(
            rx.el.label(t("Klaar op (niet verplicht)"), html_for="assign-due", font_weight="bold"),
            rx.input(id="assign-due", type="date", value=S.due, on_change=S.set_due, size="2"),
            spacing="1",
        ),
        rx.button(
            rx.icon("clipboard-plus", aria_hidden="true"),
            t("Geven"),
            on_click=S.assign,
            size="2",
            id="assign-button",
        ),
        align="end",
        wrap="wrap",
        spacing="3",
    )


def _feedback_form(row) -> rx.Component:
    sub = row["submission_public_id"]
    return rx.vstack(
        rx.el.label(t("Jouw reactie"), html_for="feedback-" + sub, font_weight="bold"),
        rx.text_area(
            id="feedback-" + sub,
            value=S.drafts.get(sub, ""),
            on_change=lambda text: S.set_draft(sub, text),
            max_length=4000,
            width="100%",
        ),
        rx.button(
            rx.icon("send", aria_hidden="true"),
            t("Reactie geven"),
            on_click=S.give_feedback(sub),
            size="2",
            class_name="feedback-button",
        ),
        width="100%",
        spacing="1",
    )


def _row(row) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(row["title"], weight="bold"),
                rx.badge(row["status_text"]),
                rx.cond(
                    row["due_text"] != "", rx.text(t("Af op"), " ", row["due_text"]), rx.fragment()
                ),
                wrap="wrap",
                align="center",
            ),
            rx.cond(
                row["submission_public_id"] != "",
                rx.vstack(
                    rx.text(t("Ingeleverd"), ": ", row["submitted_text"], size="2"),
                    rx.el.dl(
                        rx.foreach(
                            row["answers"],
                            lambda a: rx.fragment(
                                rx.el.dt(a["prompt"], font_weight="bold"),
                                rx.el.dd(a["answer"], white_space="pre-wrap", margin_left="0"),
                            ),
                        ),
                    ),
                    rx.foreach(
                        row["feedback"],
                        lambda f: rx.callout(
                            rx.text(f["body"], " (", f["when"], ")"),
                            icon="message-circle",
                        ),
                    ),
                    _feedback_form(row),
                    width="100%",
                ),
                rx.text(t("Nog niet ingeleverd."), size="2"),
            ),
            width="100%",
        ),
        width="100%",
        class_name="counsellor-assignment",
    )


def counsellor_assignments_panel(heading_level: str = "h2") -> rx.Component:
    """Give content to the participant, read handed-in answers, respond to them.

    Put ``CounsellorAssignmentsState.load`` in the page's ``on_load``.
    """
    return rx.el.section(
        rx.vstack(
            rx.heading(t("Opdrachten"), size="5", as_=heading_level),
            _picker(),
            error_callout(S.error),
            rx.cond(
                S.notice != "",
                rx.callout(S.notice, color_scheme="green", role="status"),
                rx.fragment(),
            ),
            rx.foreach(S.rows, _row),
            width="100%",
            spacing="3",
        ),
        id="counsellor-assignments",
        width="100%",
    )
