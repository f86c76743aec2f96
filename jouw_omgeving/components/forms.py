"""Form building blocks with visible labels (WCAG: every input has a label)."""

import reflex as rx


def labelled_input(
    label: rx.Var | str,
    name: str,
    *,
    input_type: str = "text",
    autocomplete: str = "off",
    max_length: int = 128,
    required: bool = True,
    **props,
) -> rx.Component:
    """A big input with its label above it."""
    return rx.vstack(
        rx.el.label(label, html_for=name, font_weight="bold"),
        rx.input(
            id=name,
            name=name,
            type=input_type,
            auto_complete=autocomplete,
            size="3",
            width="100%",
            required=required,
            max_length=max_length,
            **props,
        ),
        width="100%",
        spacing="1",
    )


def error_callout(message: rx.Var) -> rx.Component:
    """A red alert that screen readers announce; hidden while ``message`` is empty."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle-alert", color_scheme="red", role="alert", width="100%"),
        rx.fragment(),
    )
