"""The counsellor's dashboard in a real browser: who needs attention, contacts, appointments,
and a team lead's handover. Uses only begeleider6 (and deelnemer12, 30) and begeleider4
(deelnemer22): the demo people reserved for these tests."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.db import make_engine
from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.models import MessageThread, User
from jouw_omgeving.models.enums import ThreadKind
from jouw_omgeving.services.caseload import caseload_overview
from jouw_omgeving.services.contacts import local_today
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.caseload import view_row
from tests.e2e.login import log_in, log_in_staff
from tests.factories import make_message, make_thread

pytestmark = pytest.mark.e2e


def _users(app_server, *usernames: str) -> dict[str, User]:
    engine = make_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            users = session.exec(select(User).where(User.username.in_(usernames))).all()
            return {u.username: u for u in users}
    finally:
        engine.dispose()


def _top_of_caseload(app_server, username: str):
    """The first row of the overview as the service computes it now (nothing is kept)."""
    engine = make_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            counsellor = session.exec(select(User).where(User.username == username)).one()
            rows = caseload_overview(session, Viewer.of(counsellor))["rows"]
            session.rollback()  # the audit row of this look is not the test's business
            return view_row(rows[0], "nl")
    finally:
        engine.dispose()


def test_counsellor_sees_who_needs_attention_and_registers_a_call(page: Page, app_server):
    top = _top_of_caseload(app_server, "begeleider6")
    reserved = _users(app_server, "deelnemer06")["deelnemer06"]
    assert top["name"] != reserved.display_name  # deelnemer06's data must stay untouched
    assert top["reason"]
    log_in_staff(page, "begeleider6")
    first = page.locator(".caseload-row").first
    expect(first).to_contain_text(top["name"])
    expect(first.locator(".reason")).to_have_text(top["reason"])
    # Search narrows the list without a page reload.
    page.get_by_label("Zoek op naam").fill(top["name"][:4])
    expect(page.locator(".caseload-row")).to_have_count(1)
    page.get_by_label("Zoek op naam").fill("")
    expect(page.locator(".caseload-row")).to_have_count(6)
    first.get_by_role("link", name=top["name"]).click()
    expect(page.locator("#participant-name")).to_have_text(top["name"])
    page.get_by_role("tab", name="Contacten").click()
    # Two taps: how the contact was, then save (today, 15 minutes are the defaults).
    page.locator("#contact-kind-phone").click()
    page.locator("#contact-save").click()
    expect(page.get_by_role("status")).to_contain_text("Contact opgeslagen")
    newest = page.locator(".contact-row").first
    expect(newest).to_contain_text("Telefoon")
    expect(newest).to_contain_text("15 min")


def test_counsellor_plans_an_appointment_and_the_participant_sees_it(
    page: Page, other_page: Page, app_server
):
    participant = _users(app_server, "deelnemer12")["deelnemer12"]
    day = local_today() + timedelta(days=3)
    log_in_staff(page, "begeleider6")
    expect(page.locator(".caseload-row").first).to_be_visible()
    page.goto(f"/begeleider/deelnemer/{participant.public_id}")
    page.get_by_role("tab", name="Afspraken").click()
    page.locator("#appointment-open").click()
    page.locator("#appointment-kind-visit").click()
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Tijd").fill("14:30")
    page.get_by_role("button", name="30 min").click()
    page.get_by_label("Plaats").fill("Buurthuis De Linde")
    page.locator("#appointment-save").click()
    expect(page.locator("#appointments")).to_contain_text("Buurthuis De Linde")

    log_in(other_page, "deelnemer12", DEMO_PARTICIPANT_PIN)
    other_page.locator("#tile-appointments").click()
    expect(other_page).to_have_url(re.compile(r"/deelnemer/afspraken/?$"))
    card = other_page.locator(".appointment-card", has_text="Buurthuis De Linde")
    expect(card).to_contain_text("14:30")
    expect(card).to_contain_text(str(day.day))
    expect(card).to_contain_text("Bezoek met")


def test_team_lead_hands_a_participant_over(page: Page, app_server):
    people = _users(app_server, "deelnemer22", "begeleider4", "begeleider5")
    henk = people["deelnemer22"]
    log_in_staff(page, "begeleider4")
    expect(page.locator(".caseload-row", has_text=henk.display_name)).to_be_visible()
    page.locator("#team-link").click()
    expect(page).to_have_url(re.compile(r"/begeleider/team/?$"))
    new_card = page.locator(".team-caseload", has_text=people["begeleider5"].display_name)
    expect(new_card).not_to_contain_text(henk.display_name)
    page.get_by_label("Deelnemer", exact=True).select_option(label=henk.display_name)
    page.get_by_label("Naar begeleider").select_option(label=people["begeleider5"].display_name)
    page.get_by_label("Overdrachtsnotitie").fill("Henk belt liever dan dat hij appt.")
    page.locator("#handover-save").click()
    expect(page.get_by_role("status")).to_contain_text("Overgedragen")
    expect(new_card).to_contain_text(henk.display_name)
    # The old counsellor (the lead themselves here) no longer has Henk on their caseload.
    page.goto("/begeleider")
    expect(page.locator(".caseload-row").first).to_be_visible()
    expect(page.locator("#caseload")).not_to_contain_text(henk.display_name)


def test_the_overview_picks_up_a_new_message_while_open(page: Page, app_server):
    kevin = _users(app_server, "deelnemer18")["deelnemer18"]
    log_in_staff(page, "begeleider6")
    row = page.locator(".caseload-row", has_text=kevin.display_name)
    expect(row.locator(".reason")).not_to_contain_text("ongelezen")
    engine = make_engine(app_server.db_url)
    try:
        with Session(engine) as session:  # a fresh transaction, after the page has loaded
            thread = session.exec(
                select(MessageThread).where(
                    MessageThread.participant_id == kevin.id,
                    MessageThread.kind == ThreadKind.COUNSELLOR,
                )
            ).first() or make_thread(session, participant=kevin)
            make_message(session, thread=thread, sender=kevin, body="Kun je me bellen?")
            session.commit()
    finally:
        engine.dispose()
    # No reload: the page's background refresh brings the new count within a few seconds.
    expect(row.locator(".reason")).to_contain_text("1 ongelezen bericht", timeout=15_000)


def test_counsellor_sees_the_participants_consent_on_its_own_tab(page: Page, app_server):
    # deelnemer36 (begeleider6): the demo gives some participants consents, others none; the
    # tab shows every partner organisation either way.
    participant = _users(app_server, "deelnemer36")["deelnemer36"]
    log_in_staff(page, "begeleider6")
    expect(page.locator(".caseload-row").first).to_be_visible()
    page.goto(f"/begeleider/deelnemer/{participant.public_id}")
    page.get_by_role("tab", name="Toestemming").click()
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_role("heading", name="Toestemming")).to_be_visible()
    expect(panel).to_contain_text("GGZ Oost")
    expect(panel).to_contain_text("Schuldhulp Stad")
