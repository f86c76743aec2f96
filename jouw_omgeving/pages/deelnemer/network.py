"""Mijn netwerk: who sees what, inviting someone with a code, and stopping."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout, labelled_input
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.network_members import invite_code_card, member_card, stop_question
from jouw_omgeving.components.text import t
from jouw_omgeving.routes import PARTICIPANT_HOME, PARTICIPANT_NETWORK
from jouw_omgeving.state.network_manage import NetworkManageState


def _notice() -> rx.Component:
    return rx.cond(
        NetworkManageState.notice != "",
        rx.callout(
            NetworkManageState.notice,
            icon="check",
            color_scheme="green",
            role="status",
            width="100%",
        ),
        rx.fragment(),
    )


def _list_screen() -> rx.Component:
    state = NetworkManageState
    return rx.vstack(
        rx.text(
            t(
                "Je netwerk zijn mensen die je helpen: familie, vrienden of een buddy. "
                "Ze zien alleen de doelen die jij met ze deelt."
            ),
            size="4",
        ),
        _notice(),
        rx.button(
            rx.icon("user-plus", aria_hidden="true"),
            t("Iemand uitnodigen"),
            on_click=state.start_invite,
            size="4",
            width="100%",
            id="network-invite-start",
        ),
        rx.cond(
            state.members.length() > 0,
            rx.vstack(rx.foreach(state.members, member_card), spacing="3", width="100%"),
            rx.text(t("Er zit nog niemand in je netwerk."), size="4"),
        ),
        rx.text(t("Een doel delen doe je bij het doel zelf, in Mijn doelen."), size="3"),
        spacing="4",
        width="100%",
    )


def _relation_select() -> rx.Component:
    return rx.vstack(
        rx.el.label(t("Wie is deze persoon voor jou?"), html_for="relation", font_weight="bold"),
        rx.el.select(
            rx.foreach(
                NetworkManageState.relations,
                lambda choice: rx.el.option(choice["label"], value=choice["value"]),
            ),
            id="relation",
            name="relation",
            font_size="1.1rem",
            min_height="48px",
            width="100%",
            padding="0 0.5rem",
            border="1px solid var(--gray-8)",
            border_radius="var(--radius-2)",
            background="var(--color-surface)",
            color="var(--gray-12)",
        ),
        width="100%",
        spacing="1",
    )


def _invite_screen() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(t("Iemand uitnodigen"), size="6", as_="h2"),
            labelled_input(t("Naam"), "name", max_length=120, autocomplete="off"),
            _relation_select(),
            error_callout(NetworkManageState.error),
            rx.button(
                rx.icon("key-round", aria_hidden="true"),
                t("Maak een code"),
                size="4",
                id="network-make-code",
            ),
            rx.button(
                rx.icon("arrow-left", aria_hidden="true"),
                t("Terug"),
                on_click=NetworkManageState.back_to_list,
                type="button",
                size="4",
                variant="soft",
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=NetworkManageState.invite,
        width="100%",
        id="network-invite-form",
    )


def _code_screen() -> rx.Component:
    return rx.vstack(
        rx.heading(t("De code is klaar"), size="6", as_="h2"),
        invite_code_card(),
        rx.button(
            rx.icon("check", aria_hidden="true"),
            t("Klaar"),
            on_click=NetworkManageState.back_to_list,
            size="4",
            id="network-code-done",
        ),
        spacing="3",
        width="100%",
    )


@rx.page(route=PARTICIPANT_NETWORK, title=APP_NAME, on_load=NetworkManageState.load)
def network_page() -> rx.Component:
    """The participant's network, one task per screen."""
    state = NetworkManageState
    return page_shell(
        back_link(t("Terug"), PARTICIPANT_HOME),
        rx.heading(t("Mijn netwerk"), size="7", as_="h1"),
        loading_or(
            rx.match(
                state.screen,
                ("invite", _invite_screen()),
                ("code", _code_screen()),
                ("end", stop_question()),
                rx.vstack(error_callout(state.error), _list_screen(), width="100%"),
            ),
            state.loaded,
        ),
        participant=True,
    )
