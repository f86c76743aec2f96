"""One participant for their counsellor: goals, progress, messages, contacts, appointments,
assignments, network and consent, each on its own tab."""

import reflex as rx

from jouw_omgeving.components.activation import activation_actions
from jouw_omgeving.components.assignments_panel import counsellor_assignments_panel
from jouw_omgeving.components.consent_panel import counsellor_consent_panel
from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.layout import APP_NAME, back_link, loading_or, page_shell
from jouw_omgeving.components.message_bubble import thread_body
from jouw_omgeving.components.text import t
from jouw_omgeving.pages.begeleider.participant_appointments import appointments_section
from jouw_omgeving.pages.begeleider.participant_contacts import contacts_section
from jouw_omgeving.pages.begeleider.participant_goals import goals_section
from jouw_omgeving.pages.begeleider.participant_network import network_section
from jouw_omgeving.pages.begeleider.participant_progress import progress_section
from jouw_omgeving.routes import COUNSELLOR_HOME, COUNSELLOR_PARTICIPANT
from jouw_omgeving.state.appointments import CounsellorAppointmentsState
from jouw_omgeving.state.consent_counsellor import CounsellorConsentState
from jouw_omgeving.state.contacts import ContactsState
from jouw_omgeving.state.counsellor_assignments import CounsellorAssignmentsState
from jouw_omgeving.state.goals_counsellor import CounsellorGoalsState
from jouw_omgeving.state.messages import ThreadState
from jouw_omgeving.state.network_counsellor import CounsellorNetworkState
from jouw_omgeving.state.participant_detail import ParticipantDetailState
from jouw_omgeving.state.progress_counsellor import CounsellorProgressState


def _participant_actions() -> rx.Component:
    """Actions on this participant (a new activation code, ...); the server checks each."""
    return rx.el.div(
        activation_actions(ParticipantDetailState.public_id, ParticipantDetailState.name),
        id="participant-actions",
        width="100%",
    )


def _tab(value: str, icon: str, label: rx.Var, on_click=None) -> rx.Component:
    return rx.tabs.trigger(
        rx.hstack(rx.icon(icon, size=18, aria_hidden="true"), label, align="center"),
        value=value,
        on_click=on_click,
        id=f"tab-{value}",
    )


def _details() -> rx.Component:
    # Everything but the goals is read (and audited) only when its tab is opened.
    return rx.vstack(
        rx.heading(ParticipantDetailState.name, size="7", as_="h1", id="participant-name"),
        _participant_actions(),
        rx.tabs.root(
            rx.tabs.list(
                _tab("goals", "target", t("Doelen")),
                _tab("progress", "chart-line", t("Voortgang"), CounsellorProgressState.load),
                _tab(
                    "messages",
                    "message-circle",
                    t("Berichten"),
                    ThreadState.load_for_participant_detail,
                ),
                _tab("contacts", "phone", t("Contacten"), ContactsState.load),
                _tab("appointments", "calendar", t("Afspraken"), CounsellorAppointmentsState.load),
                _tab(
                    "assignments",
                    "clipboard-list",
                    t("Opdrachten"),
                    CounsellorAssignmentsState.load,
                ),
                _tab("network", "users", t("Netwerk"), CounsellorNetworkState.load),
                _tab("consent", "shield-check", t("Toestemming"), CounsellorConsentState.load),
                wrap="wrap",
            ),
            rx.tabs.content(goals_section(), value="goals", padding_top="1rem"),
            rx.tabs.content(progress_section(), value="progress", padding_top="1rem"),
            rx.tabs.content(
                rx.vstack(
                    rx.heading(t("Berichten"), size="5", as_="h2"),
                    loading_or(thread_body(), ThreadState.loaded),
                    width="100%",
                ),
                value="messages",
                padding_top="1rem",
            ),
            rx.tabs.content(contacts_section(), value="contacts", padding_top="1rem"),
            rx.tabs.content(appointments_section(), value="appointments", padding_top="1rem"),
            rx.tabs.content(
                counsellor_assignments_panel(), value="assignments", padding_top="1rem"
            ),
            rx.tabs.content(network_section(), value="network", padding_top="1rem"),
            rx.tabs.content(counsellor_consent_panel(), value="consent", padding_top="1rem"),
            default_value="goals",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


@rx.page(
    route=COUNSELLOR_PARTICIPANT,
    title=APP_NAME,
    on_load=[
        ParticipantDetailState.load,
        ContactsState.forget,
        CounsellorAppointmentsState.forget,
        CounsellorConsentState.forget,
        CounsellorAssignmentsState.forget,
        CounsellorProgressState.forget,
        CounsellorNetworkState.forget,
        CounsellorGoalsState.forget,
        ThreadState.forget,
    ],
)
def participant_page() -> rx.Component:
    """The participant in the URL, or a clear refusal (never an empty page)."""
    return page_shell(
        back_link(t("Mijn deelnemers"), COUNSELLOR_HOME),
        loading_or(
            rx.cond(
                ParticipantDetailState.error != "",
                rx.vstack(
                    rx.heading(t("Geen toegang"), size="7", as_="h1"),
                    error_callout(ParticipantDetailState.error),
                    width="100%",
                ),
                _details(),
            ),
            ParticipantDetailState.loaded,
        ),
    )
