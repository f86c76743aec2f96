"""A chart with its title and its text alternative, using plotly's small *basic* bundle."""

import plotly.graph_objects as go
import reflex as rx

# The component's own default template embeds two full plotly templates in the page;
# the figures bring their own layout, so an empty one is enough.
_EMPTY_TEMPLATE = go.layout.Template()
_NO_TITLE = {"title": {"text": ""}}
_CONFIG = {"displayModeBar": False, "responsive": True, "scrollZoom": False}


def chart_card(
    title: rx.Var,
    figure: rx.Var,
    sentences: rx.Var,
    *extra: rx.Component,
    chart_id: str | rx.Var,
    intro: rx.Component | None = None,
) -> rx.Component:
    """A card: a heading, the chart (hidden from screen readers) and what it shows, in words.

    The heading replaces the figure's own title on screen (one title, in the page outline).
    ``intro`` goes between the heading and the chart, ``extra`` below the words.
    """
    return rx.card(
        rx.el.figure(
            rx.heading(title, as_="h2", size="5"),
            intro if intro is not None else rx.fragment(),
            rx.box(
                rx.plotly.basic(
                    data=figure,
                    template=_EMPTY_TEMPLATE,
                    config=_CONFIG,
                    layout=_NO_TITLE,
                    width="100%",
                ),
                aria_hidden="true",
                width="100%",
            ),
            rx.el.figcaption(
                rx.el.ul(
                    rx.foreach(sentences, lambda s: rx.el.li(rx.text(s, size="4"))),
                    padding_left="1.25rem",
                    margin="0",
                ),
            ),
            *extra,
            margin="0",
            width="100%",
            id=chart_id,
            class_name="chart-card",
        ),
        width="100%",
    )
