"""Digitale vaardigheden: the lessons in order with progress, and one lesson with its check."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.markdown_safe import safe_markdown
from jouw_omgeving.components.question_form import question_form
from jouw_omgeving.components.text import t
from jouw_omgeving.pages.deelnemer.assignments import card_list, card_row
from jouw_omgeving.pages.deelnemer.assignments_one import notice
from jouw_omgeving.routes import (
    PARTICIPANT_ASSIGNMENTS,
    PARTICIPANT_DIGITAL_SKILLS,
    PARTICIPANT_LESSON,
    participant_lesson,
)
from jouw_omgeving.state.library import DigitalSkillsState, LessonState


def _lesson_row(lesson) -> rx.Component:
    return card_row(
        rx.cond(
            lesson["done"],
            rx.icon(
                "circle-check",
                size=32,
                color="var(--green-11)",
                aria_hidden="true",
                flex_shrink="0",
            ),
            rx.icon("circle", size=32, aria_hidden="true", flex_shrink="0"),
        ),
        rx.text(lesson["position"], ". ", lesson["title"], size="5", weight="bold"),
        rx.spacer(),
        rx.cond(
            lesson["done"],
            rx.badge(t("Gedaan"), size="3", color_scheme="green"),
            rx.fragment(),
        ),
        href=participant_lesson(lesson["public_id"]),
    )


@rx.page(route=PARTICIPANT_DIGITAL_SKILLS, title=APP_NAME, on_load=DigitalSkillsState.load)
def digital_skills_page() -> rx.Component:
    """The track: how many lessons are done, and each lesson to open."""
    return page_shell(
        back_link(t("Opdrachten"), PARTICIPANT_ASSIGNMENTS),
        rx.heading(t("Digitale vaardigheden"), size="7", as_="h1"),
        loading_or(
            rx.vstack(
                rx.text(
                    DigitalSkillsState.done,
                    " ",
                    t("van"),
                    " ",
                    DigitalSkillsState.total,
                    " ",
                    t("gedaan"),
                    size="5",
                    id="track-progress",
                ),
                rx.progress(
                    value=DigitalSkillsState.done,
                    max=rx.cond(DigitalSkillsState.total > 0, DigitalSkillsState.total, 1),
                    size="3",
                    aria_label=t("Voortgang"),
                ),
                card_list(DigitalSkillsState.lessons, _lesson_row, "lesson-list"),
                spacing="4",
                width="100%",
            ),
            DigitalSkillsState.loaded,
        ),
        participant=True,
    )


def _check() -> rx.Component:
    return rx.cond(
        LessonState.has_check,
        rx.el.section(
            rx.heading(t("Test jezelf"), size="5", as_="h2"),
            question_form(),
            error_callout(LessonState.error),
            notice(LessonState.notice),
            rx.cond(
                LessonState.done,
                rx.text(
                    rx.icon("circle-check", aria_hidden="true"),
                    " ",
                    t("Deze les is gedaan."),
                    " ",
                    LessonState.score,
                    size="4",
                    id="lesson-done",
                ),
                rx.button(
                    rx.icon("send", aria_hidden="true"),
                    t("Klaar, inleveren"),
                    on_click=LessonState.submit,
                    size="4",
                    id="lesson-submit",
                ),
            ),
            width="100%",
        ),
        rx.fragment(),
    )


@rx.page(route=PARTICIPANT_LESSON, title=APP_NAME, on_load=LessonState.load)
def lesson_page() -> rx.Component:
    """One lesson to read, ending with its check."""
    return page_shell(
        back_link(t("Digitale vaardigheden"), PARTICIPANT_DIGITAL_SKILLS),
        loading_or(
            rx.cond(
                LessonState.public_id != "",
                rx.vstack(
                    rx.heading(LessonState.title, size="7", as_="h1", id="lesson-title"),
                    rx.box(safe_markdown(LessonState.body), id="lesson-body", width="100%"),
                    _check(),
                    spacing="4",
                    width="100%",
                ),
                rx.vstack(
                    rx.heading(t("Geen toegang"), size="7", as_="h1"),
                    error_callout(LessonState.error),
                    width="100%",
                ),
            ),
            LessonState.loaded,
        ),
        participant=True,
    )
