"""Mijn voortgang: how it goes now in faces and words; the charts after "Bekijk grafiek"."""

import reflex as rx

from jouw_omgeving.components.chart_card import chart_card
from jouw_omgeving.components.face_scale import pictogram
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import (
    PARTICIPANT_CHECK_IN,
    PARTICIPANT_HOME,
    PARTICIPANT_PROGRESS,
    PARTICIPANT_SELF_ASSESSMENT,
)
from jouw_omgeving.state.progress import OVER_TIME, SIDE_BY_SIDE, STEPS, ProgressState


def big_link_button(icon: str, label: rx.Var, href: str, button_id: str) -> rx.Component:
    """A big button that opens another screen: a real link that looks like a button."""
    return rx.button(
        rx.link(
            rx.icon(icon, size=28, aria_hidden="true"),
            label,
            href=href,
            id=button_id,
            underline="none",
        ),
        as_child=True,
        size="4",
        width="100%",
        min_height="4rem",
    )


def _chart_button(name: str, icon: str, label: rx.Var) -> rx.Component:
    chosen = ProgressState.chart == name
    return rx.button(
        rx.icon(icon, size=24, aria_hidden="true"),
        label,
        on_click=ProgressState.show_chart(name),
        variant=rx.cond(chosen, "solid", "outline"),
        aria_pressed=rx.cond(chosen, "true", "false"),
        size="3",
        min_height="3rem",
        width="100%",
        id=f"show-{name}",
    )


def _chart_choice() -> rx.Component:
    """One chart at a time (one thing to look at; and a phone draws one chart, not three)."""
    return rx.grid(
        _chart_button(OVER_TIME, "chart-line", t("Hoe het ging")),
        _chart_button(SIDE_BY_SIDE, "users", t("Jij en je begeleider")),
        _chart_button(STEPS, "footprints", t("Stappen")),
        columns=rx.breakpoints(initial="1", sm="3"),
        spacing="2",
        width="100%",
        role="group",
        aria_label=t("Kies een grafiek"),
    )


def _notice() -> rx.Component:
    return rx.cond(
        ProgressState.notice != "",
        rx.callout(
            ProgressState.notice,
            icon="party-popper",
            color_scheme="green",
            role="status",
            size="3",
            width="100%",
            id="progress-notice",
        ),
        rx.fragment(),
    )


def _summary_row(row) -> rx.Component:
    return rx.el.li(
        rx.hstack(
            pictogram(row["face"], size=40),
            rx.vstack(
                rx.text(row["domain_name"], size="4", weight="bold"),
                rx.cond(row["level_label"] != "", rx.text(row["level_label"]), rx.fragment()),
                rx.text(row["own"]),
                rx.text(row["counsellor"], color="var(--gray-11)"),
                spacing="0",
            ),
            align="center",
            spacing="3",
        ),
        class_name="summary-row",
        list_style="none",
        padding_y="0.5rem",
        border_bottom="1px solid var(--gray-5)",
    )


def _summary() -> rx.Component:
    """How it goes now, per life domain and in steps: readable before any chart loads."""
    return rx.vstack(
        rx.heading(t("Zo gaat het nu"), size="5", as_="h2"),
        rx.el.ul(
            rx.foreach(ProgressState.summary, _summary_row),
            padding="0",
            margin="0",
            width="100%",
        ),
        rx.foreach(ProgressState.steps_text, lambda s: rx.text(s, size="4")),
        spacing="2",
        width="100%",
        id="progress-summary",
    )


def _charts() -> rx.Component:
    """The chart choice and one chart; mounted only after "Bekijk grafiek" (lazy library)."""
    return rx.vstack(
        _chart_choice(),
        rx.match(
            ProgressState.chart,
            (
                SIDE_BY_SIDE,
                chart_card(
                    t("Jij en je begeleider"),
                    ProgressState.side_figure,
                    ProgressState.side_text,
                    chart_id="chart-side-by-side",
                ),
            ),
            (
                STEPS,
                chart_card(
                    t("Stappen gezet per maand"),
                    ProgressState.steps_figure,
                    ProgressState.steps_text,
                    chart_id="chart-steps",
                ),
            ),
            chart_card(
                t("Hoe het ging, per onderwerp"),
                ProgressState.over_time_figure,
                ProgressState.over_time_text,
                chart_id="chart-over-time",
            ),
        ),
        spacing="4",
        width="100%",
        id="progress-charts",
    )


def _charts_toggle() -> rx.Component:
    """ "Bekijk grafiek" (downloads the chart library then) or "Verberg grafiek"."""
    return rx.cond(
        ProgressState.charts_shown,
        rx.button(
            rx.icon("eye-off", aria_hidden="true"),
            t("Verberg grafiek"),
            on_click=ProgressState.hide_charts,
            variant="soft",
            size="3",
            min_height="3rem",
            aria_expanded="true",
            aria_controls="progress-charts",
            id="hide-charts",
        ),
        rx.button(
            rx.icon("chart-line", aria_hidden="true"),
            t("Bekijk grafiek"),
            on_click=ProgressState.show_charts,
            size="3",
            min_height="3rem",
            aria_expanded="false",
            id="show-charts",
        ),
    )


@rx.page(route=PARTICIPANT_PROGRESS, title=APP_NAME, on_load=ProgressState.load)
def progress_page() -> rx.Component:
    """Two big buttons, the summary, and the charts with their sentences on request."""
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Mijn voortgang"), size="7", as_="h1"),
        _notice(),
        rx.grid(
            big_link_button(
                "smile", t("Hoe gaat het nu?"), PARTICIPANT_SELF_ASSESSMENT, "start-assessment"
            ),
            big_link_button(
                "calendar-check",
                t("Check-in van deze week"),
                PARTICIPANT_CHECK_IN,
                "start-check-in",
            ),
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="3",
            width="100%",
        ),
        loading_or(
            rx.vstack(
                error_callout(ProgressState.error),
                rx.cond(
                    ProgressState.has_scores,
                    rx.fragment(),
                    rx.text(
                        t("Je hebt nog niet verteld hoe het gaat. Druk op 'Hoe gaat het nu?'."),
                        size="4",
                    ),
                ),
                _summary(),
                _charts_toggle(),
                rx.cond(ProgressState.charts_shown, _charts(), rx.fragment()),
                spacing="4",
                width="100%",
            ),
            ProgressState.loaded,
        ),
        participant=True,
    )
