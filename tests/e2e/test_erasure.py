"""Erasure in Chromium: deelnemer40 asks on Mijn gegevens, beheerder carries it out, and
deelnemer40 can no longer log in. (deelnemer40 is reserved for this test.)"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN, participant_display_name
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

PARTICIPANT = "deelnemer40"


@pytest.fixture
def admin_page(browser: Browser, app_server: RunningApp) -> Iterator[Page]:
    """The admin's browser, wide enough for the page."""
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 1400, "height": 900}
    )
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def test_participant_asks_admin_erases_and_the_login_is_gone(page: Page, admin_page: Page):
    log_in(page, PARTICIPANT, DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/deelnemer/mijn-gegevens")
    expect(page.get_by_role("heading", name="Gegevens laten verwijderen")).to_be_visible()
    page.get_by_role("button", name="Vraag om verwijdering van mijn gegevens").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Daarna kun je niet meer inloggen")
    page.get_by_role("button", name="Ja, verwijder mijn gegevens").click()
    expect(page.locator("#erasure-request-status")).to_contain_text("Een beheerder handelt dit af")

    log_in_staff(admin_page, "beheerder")
    expect(admin_page).to_have_url(re.compile(r"/beheer/?$"))
    admin_page.get_by_role("link", name="Verwijderverzoeken").click()
    request = admin_page.locator(".erasure-request").filter(has_text=participant_display_name(40))
    request.get_by_role("button", name="Uitvoeren").click()
    request.get_by_role("button", name="Ja, nu uitvoeren").click()
    expect(admin_page.get_by_role("status")).to_contain_text("Het verzoek is uitgevoerd")
    done = admin_page.locator(".erasure-request").filter(has_text="Verwijderde deelnemer")
    expect(done.first).to_contain_text("Bewaard tot")

    page.reload()
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))
    log_in(page, PARTICIPANT, DEMO_PARTICIPANT_PIN)
    expect(page.get_by_role("alert")).to_contain_text("Dat klopt niet")
