"""The 1..5 scale as five big face buttons, and pictograms chosen by name from data.

Pictogram names come from instrument data. Known names render as static icons (no extra
download); an unknown name falls back to a neutral circle rather than loading the whole
icon set on a slow phone.
"""

import reflex as rx

# Faces of the scale and the open instrument's domain pictograms.
KNOWN_PICTOGRAMS = (
    "frown",
    "annoyed",
    "meh",
    "smile",
    "laugh",
    "house",
    "wallet",
    "heart-pulse",
    "brain",
    "briefcase",
    "users",
    "shower-head",
    "scale",
)


def pictogram(name: rx.Var, size: int = 32) -> rx.Component:
    """The icon called ``name`` (a Var), hidden from screen readers (the text says it)."""
    return rx.match(
        name,
        *[(known, rx.icon(known, size=size, aria_hidden="true")) for known in KNOWN_PICTOGRAMS],
        rx.icon("circle", size=size, aria_hidden="true"),
    )


def face_button(
    value: rx.Var, label: rx.Var, face: rx.Var, selected: rx.Var, on_choose
) -> rx.Component:
    """One point of the scale: a big button with a face and its one-line label."""
    chosen = selected == value
    return rx.button(
        pictogram(face, size=36),
        rx.text(label, size="4", weight=rx.cond(chosen, "bold", "regular")),
        rx.cond(chosen, rx.icon("check", size=24, aria_hidden="true"), rx.fragment()),
        on_click=on_choose(value),
        type="button",  # inside a form, a plain button would submit it
        variant=rx.cond(chosen, "solid", "outline"),
        aria_pressed=rx.cond(chosen, "true", "false"),
        size="4",
        width="100%",
        min_height="4rem",
        justify="start",
        class_name="face-button",
        data_value=value,
    )


def face_scale(levels: rx.Var, selected: rx.Var, on_choose, label_id: str) -> rx.Component:
    """The whole scale, labelled by the question with id ``label_id``."""
    return rx.vstack(
        rx.foreach(
            levels,
            lambda level: face_button(
                level["value"], level["label"], level["pictogram"], selected, on_choose
            ),
        ),
        role="group",
        aria_labelledby=label_id,
        spacing="3",
        width="100%",
        id="face-scale",
    )
