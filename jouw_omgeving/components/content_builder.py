"""The content editor's fields for one language: title, Markdown text and the question builder.

Every input sits inside its visible label (no ids needed per row); icon buttons have a
spoken name. The fields of the chosen language tab only are on screen at a time.
"""

import reflex as rx

from jouw_omgeving.components.text import t, visually_hidden
from jouw_omgeving.i18n import N_
from jouw_omgeving.services import content_rules as rules
from jouw_omgeving.state.content_form import ContentFormState as F

_TYPE_LABEL = (
    ("text", N_("Open vraag")),
    ("choice", N_("Keuzevraag")),
    ("checklist", N_("Afvinklijst")),
)
_ADD_LABEL = {
    "text": N_("Open vraag toevoegen"),
    "choice": N_("Keuzevraag toevoegen"),
    "checklist": N_("Afvinklijst toevoegen"),
}


def _labelled(label, field: rx.Component) -> rx.Component:
    return rx.el.label(
        rx.text(label, weight="bold", size="3", as_="span"),
        field,
        display="flex",
        flex_direction="column",
        gap="0.25rem",
        width="100%",
    )


def _icon_button(icon: str, label: rx.Var, on_click, disabled=False) -> rx.Component:
    return rx.icon_button(
        rx.icon(icon, aria_hidden="true"),
        visually_hidden(label),
        on_click=on_click,
        disabled=disabled,
        variant="soft",
        size="2",
        title=label,
    )


def _type_label(kind) -> rx.Component:
    return rx.match(kind, *[(value, t(label)) for value, label in _TYPE_LABEL], t("Open vraag"))


def _option(lang: str, q, i, o, j) -> rx.Component:
    label = rx.cond(q["type"] == "choice", t("Antwoord"), t("Punt"))
    return rx.hstack(
        _labelled(
            rx.fragment(label, " ", j + 1),
            rx.input(
                value=o[lang],
                on_change=lambda value: F.set_option(i, j, value),
                max_length=rules.MAX_OPTION,
                size="2",
                width="100%",
                class_name="option-input",
            ),
        ),
        _icon_button("arrow-up", t("Antwoord omhoog"), F.move_option(i, j, -1), j == 0),
        _icon_button(
            "arrow-down",
            t("Antwoord omlaag"),
            F.move_option(i, j, 1),
            j == q["options"].length() - 1,
        ),
        _icon_button("trash-2", t("Antwoord weghalen"), F.remove_option(i, j)),
        align="end",
        width="100%",
    )


def _question(lang: str, q, i) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(t("Vraag"), " ", i + 1, ": ", _type_label(q["type"]), weight="bold"),
                rx.spacer(),
                _icon_button("arrow-up", t("Vraag omhoog"), F.move_question(i, -1), i == 0),
                _icon_button(
                    "arrow-down",
                    t("Vraag omlaag"),
                    F.move_question(i, 1),
                    i == F.questions.length() - 1,
                ),
                _icon_button("trash-2", t("Vraag weghalen"), F.remove_question(i)),
                align="center",
                width="100%",
            ),
            _labelled(
                t("De vraag"),
                rx.input(
                    value=q["prompt"][lang],
                    on_change=lambda value: F.set_prompt(i, value),
                    max_length=rules.MAX_PROMPT,
                    size="2",
                    width="100%",
                    class_name="prompt-input",
                ),
            ),
            rx.cond(
                q["type"] == "text",
                rx.fragment(),
                rx.vstack(
                    rx.foreach(q["options"], lambda o, j: _option(lang, q, i, o, j)),
                    rx.button(
                        rx.icon("plus", aria_hidden="true"),
                        rx.cond(
                            q["type"] == "choice", t("Antwoord toevoegen"), t("Punt toevoegen")
                        ),
                        on_click=F.add_option(i),
                        variant="soft",
                        size="2",
                        class_name="add-option",
                    ),
                    width="100%",
                ),
            ),
            width="100%",
        ),
        width="100%",
        class_name="question-builder",
    )


def question_builder(lang: str) -> rx.Component:
    """The questions of an assignment: add, remove, reorder, and their answers."""
    return rx.el.section(
        rx.heading(t("Vragen"), size="5", as_="h2"),
        rx.vstack(
            rx.foreach(F.questions, lambda q, i: _question(lang, q, i)),
            rx.hstack(
                *[
                    rx.button(
                        rx.icon("plus", aria_hidden="true"),
                        t(_ADD_LABEL[value]),
                        on_click=F.add_question(value),
                        variant="outline",
                        size="2",
                        id=f"add-{value}-{lang}",
                    )
                    for value, _ in _TYPE_LABEL
                ],
                wrap="wrap",
                spacing="2",
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def language_fields(lang: str) -> rx.Component:
    """Title, Markdown text and (for an assignment) the questions in ``lang``."""
    return rx.vstack(
        _labelled(
            t("Titel"),
            rx.input(
                value=F.title[lang],
                on_change=F.set_title,
                max_length=rules.MAX_TITLE,
                size="3",
                width="100%",
                id=f"content-title-{lang}",
            ),
        ),
        _labelled(
            t("Tekst (Markdown)"),
            rx.text_area(
                value=F.body[lang],
                on_change=F.set_body,
                rows="12",
                size="3",
                width="100%",
                font_family="monospace",
                id=f"content-body-{lang}",
            ),
        ),
        rx.text(
            t("**vet**, *schuin*, # kop, - opsomming. HTML en plaatjes worden gewone tekst."),
            size="2",
            color="var(--gray-11)",
        ),
        rx.cond(F.kind == "assignment", question_builder(lang), rx.fragment()),
        spacing="3",
        width="100%",
    )
