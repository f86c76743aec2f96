"""The questions of an assignment or a lesson check: big text areas, radio buttons, checkboxes."""

import reflex as rx

from jouw_omgeving.state.assignments_form import AnswerFormState


def _option_box(content: rx.Component) -> rx.Component:
    return rx.box(
        content,
        padding="0.75rem 1rem",
        border="1px solid var(--gray-7)",
        border_radius="var(--radius-3)",
        min_height="3rem",
        width="100%",
    )


def _text(q) -> rx.Component:
    return rx.text_area(
        id="answer-" + q["key"],
        value=AnswerFormState.texts[q["key"]],
        on_change=lambda value: AnswerFormState.set_text(q["key"], value),
        disabled=AnswerFormState.locked,
        max_length=2000,
        size="3",
        rows="4",
        width="100%",
    )


def _choice(q) -> rx.Component:
    return rx.radio_group.root(
        rx.vstack(
            rx.foreach(
                q["options"],
                lambda o: _option_box(
                    rx.el.label(
                        rx.hstack(
                            rx.radio_group.item(value=o["value"]),
                            rx.text(o["label"], size="4"),
                            align="center",
                            spacing="3",
                        ),
                        cursor="pointer",
                    )
                ),
            ),
            spacing="2",
            width="100%",
        ),
        value=AnswerFormState.choices[q["key"]],
        on_change=lambda value: AnswerFormState.set_choice(q["key"], value),
        disabled=AnswerFormState.locked,
        aria_labelledby="prompt-" + q["key"],
        size="3",
        width="100%",
    )


def _checklist(q) -> rx.Component:
    return rx.vstack(
        rx.foreach(
            q["options"],
            lambda o: _option_box(
                rx.checkbox(
                    o["label"],
                    checked=AnswerFormState.ticks[q["key"]].contains(o["value"]),
                    on_change=lambda ticked: AnswerFormState.set_tick(q["key"], o["value"], ticked),
                    disabled=AnswerFormState.locked,
                    size="3",
                )
            ),
        ),
        role="group",
        aria_labelledby="prompt-" + q["key"],
        spacing="2",
        width="100%",
    )


def _question(q) -> rx.Component:
    return rx.vstack(
        rx.el.label(
            q["prompt"],
            id="prompt-" + q["key"],
            html_for="answer-" + q["key"],
            font_weight="bold",
            font_size="var(--font-size-4)",
        ),
        rx.match(
            q["type"],
            ("text", _text(q)),
            ("choice", _choice(q)),
            ("checklist", _checklist(q)),
            rx.fragment(),
        ),
        spacing="2",
        width="100%",
        class_name="question",
    )


def question_form() -> rx.Component:
    """Every question on screen, each with a visible label; locked once handed in."""
    return rx.vstack(
        rx.foreach(AnswerFormState.questions, _question),
        spacing="5",
        width="100%",
        id="questions",
    )
