"""Managing one goal: pause/resume/done, change its words, share it with the network."""

import reflex as rx

from jouw_omgeving.components.forms import labelled_input
from jouw_omgeving.components.text import t
from jouw_omgeving.state.goals import GoalState


def status_buttons() -> rx.Component:
    """The status changes that fit the goal's status now."""
    goal_id = GoalState.goal["public_id"]
    pause = rx.button(
        rx.icon("pause", aria_hidden="true"),
        t("Even stilzetten"),
        on_click=GoalState.set_status(goal_id, "paused"),
        size="3",
        variant="soft",
        id="goal-pause",
    )
    resume = rx.button(
        rx.icon("play", aria_hidden="true"),
        t("Weer oppakken"),
        on_click=GoalState.set_status(goal_id, "active"),
        size="3",
        id="goal-resume",
    )
    finish = rx.button(
        rx.icon("trophy", aria_hidden="true"),
        t("Doel bereikt"),
        on_click=GoalState.set_status(goal_id, "done"),
        size="3",
        color_scheme="green",
        # Radix's solid green with white text is about 3.2:1; high contrast passes AA.
        high_contrast=True,
        id="goal-done",
    )
    edit = rx.button(
        rx.icon("pencil", aria_hidden="true"),
        t("Wijzigen"),
        on_click=GoalState.start_edit,
        size="3",
        variant="soft",
        id="goal-edit",
    )
    return rx.hstack(
        rx.match(
            GoalState.goal["status"],
            ("active", rx.fragment(pause, finish)),
            ("paused", rx.fragment(resume, finish)),
            ("done", resume),
            rx.fragment(),
        ),
        edit,
        spacing="3",
        wrap="wrap",
    )


def edit_form() -> rx.Component:
    """Change title, due date and who helps; a refusal keeps everything typed."""
    return rx.form(
        rx.vstack(
            rx.heading(t("Doel wijzigen"), size="5", as_="h2"),
            rx.el.input(type="hidden", name="goal", value=GoalState.goal["public_id"]),
            labelled_input(
                t("Wat wil je bereiken?"),
                "title",
                max_length=300,
                required=False,
                default_value=GoalState.goal["title"],
            ),
            labelled_input(
                t("Wanneer wil je het af hebben? (mag leeg)"),
                "due_date",
                input_type="date",
                required=False,
                default_value=GoalState.goal["due_date"],
            ),
            labelled_input(
                t("Wie helpt je? (mag leeg)"),
                "helpers",
                max_length=300,
                required=False,
                default_value=GoalState.goal["helpers"],
            ),
            rx.hstack(
                rx.button(rx.icon("save", aria_hidden="true"), t("Opslaan"), size="3"),
                rx.button(
                    rx.icon("x", aria_hidden="true"),
                    t("Annuleren"),
                    type="button",
                    on_click=GoalState.cancel_edit,
                    size="3",
                    variant="soft",
                ),
                spacing="3",
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=GoalState.save_edit,
        width="100%",
        id="goal-edit-form",
    )


def _share_row(choice) -> rx.Component:
    goal_id = GoalState.goal["public_id"]
    return rx.el.li(
        rx.hstack(
            rx.icon("user", aria_hidden="true"),
            rx.text(choice["name"], " (", choice["relation"], ")", size="4", flex="1"),
            rx.cond(
                choice["shared"],
                rx.button(
                    rx.icon("eye-off", aria_hidden="true"),
                    t("Niet meer delen"),
                    on_click=GoalState.set_shared(goal_id, choice["member_public_id"], False),
                    size="3",
                    variant="soft",
                    color_scheme="red",
                    class_name="unshare-button",
                ),
                rx.button(
                    rx.icon("share-2", aria_hidden="true"),
                    t("Delen"),
                    on_click=GoalState.set_shared(goal_id, choice["member_public_id"], True),
                    size="3",
                    class_name="share-button",
                ),
            ),
            align="center",
            spacing="3",
            wrap="wrap",
            width="100%",
        ),
        list_style="none",
        class_name="share-choice",
    )


def share_section() -> rx.Component:
    """Who in the participant's network may see this goal."""
    return rx.vstack(
        rx.heading(t("Delen met je netwerk"), size="5", as_="h2"),
        rx.cond(
            GoalState.shares.length() > 0,
            rx.vstack(
                rx.text(
                    t("Wie je kiest, kan dit doel en de stappen zien. Je kunt dit altijd stoppen.")
                ),
                rx.el.ul(
                    rx.foreach(GoalState.shares, _share_row),
                    padding="0",
                    margin="0",
                    width="100%",
                    id="share-choices",
                ),
                width="100%",
            ),
            rx.text(t("Er is nog niemand in je netwerk.")),
        ),
        spacing="2",
        width="100%",
    )
