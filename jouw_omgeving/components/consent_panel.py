"""The counsellor's consent panel for a participant's detail page (CounsellorConsentState)."""

import reflex as rx

from jouw_omgeving.components.forms import error_callout
from jouw_omgeving.components.lists import simple_table
from jouw_omgeving.components.text import t
from jouw_omgeving.state.consent_counsellor import CounsellorConsentState


def _row(row) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(row["organisation"]),
        rx.table.cell(row["label"]),
        rx.table.cell(row["status_text"]),
        rx.table.cell(
            rx.cond(
                row["can_request"],
                rx.button(
                    rx.icon("send", aria_hidden="true"),
                    t("Toestemming vragen"),
                    on_click=CounsellorConsentState.request(
                        row["organisation_public_id"], row["category"]
                    ),
                    size="2",
                    variant="soft",
                ),
                rx.fragment(),
            )
        ),
    )


def counsellor_consent_panel(heading_level: str = "h2") -> rx.Component:
    """Status per organisation x category, a request button, and the history.

    Put ``CounsellorConsentState.load`` in the page's ``on_load``.
    """
    return rx.el.section(
        rx.vstack(
            rx.heading(t("Toestemming"), size="5", as_=heading_level),
            rx.text(t("Een vraag om toestemming beantwoordt de deelnemer zelf."), size="2"),
            error_callout(CounsellorConsentState.error),
            rx.cond(
                CounsellorConsentState.notice != "",
                rx.callout(CounsellorConsentState.notice, color_scheme="green", role="status"),
                rx.fragment(),
            ),
            simple_table(
                [t("Organisatie"), t("Wat"), t("Stand"), t("Actie")],
                CounsellorConsentState.rows,
                _row,
            ),
            rx.el.ul(
                rx.foreach(
                    CounsellorConsentState.history,
                    lambda line: rx.el.li(line["when"], ": ", line["sentence"]),
                ),
                id="counsellor-consent-history",
            ),
            width="100%",
            spacing="3",
        ),
        id="counsellor-consent",
        width="100%",
    )
