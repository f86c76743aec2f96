"""The admin at work, and the participant's help page, in Chromium on the production build.

beheerder creates a partner organisation, a team and a counsellor; the new counsellor logs
in with the one-time password, sets up the authenticator app, must choose their own password
before any page opens, and then works; beheerder then
deactivates them and their open page is sent to the login. deelnemer35 (reserved for these
tests) opens Hulp from the home tile and sees the organisation's own numbers as tel: links.
"""

import re
import uuid
from collections.abc import Iterator

import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

LOGIN_URL = re.compile(r"/inloggen/?$")


@pytest.fixture
def admin_page(browser: Browser, app_server: RunningApp) -> Iterator[Page]:
    """The admin's browser, wide enough for the tables."""
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 1400, "height": 900}
    )
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def _create_partner_and_team(page: Page, tag: str) -> str:
    page.goto("/beheer/organisaties")
    expect(page.get_by_role("heading", name="Organisaties en teams")).to_be_visible()
    page.get_by_label("Naam van de organisatie").fill(f"GGZ {tag}")
    page.get_by_label("Soort (bijvoorbeeld ggz of schuldhulp)").fill("ggz")
    page.get_by_role("button", name="Partner toevoegen").click()
    expect(page.locator("#organisations")).to_contain_text(f"GGZ {tag}")
    team = f"Team {tag}"
    page.get_by_label("Naam van het team").fill(team)
    page.get_by_label("Organisatie", exact=True).select_option(label="Leger des Heils")
    page.get_by_role("button", name="Team toevoegen").click()
    expect(page.locator("#teams")).to_contain_text(team)
    return team


def _create_counsellor(page: Page, username: str, team: str) -> str:
    page.goto("/beheer/accounts")
    expect(page.get_by_role("heading", name="Accounts van medewerkers")).to_be_visible()
    page.get_by_label("Naam", exact=True).fill("Eva Testbegeleider")
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Rol van het account").select_option(label="begeleider")
    page.get_by_label("Organisatie van het account").select_option(label="Leger des Heils")
    page.get_by_label("Team (voor begeleiders)").select_option(label=f"Leger des Heils: {team}")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.locator("#created-username")).to_have_text(username)
    return page.locator("#created-password").inner_text().strip()


def test_admin_creates_organisation_team_and_counsellor_then_deactivates_them(
    admin_page: Page, other_page: Page
):
    tag = uuid.uuid4().hex[:6]
    username = f"eva-{tag}"
    log_in_staff(admin_page, "beheerder")
    expect(admin_page).to_have_url(re.compile(r"/beheer/?$"))
    team = _create_partner_and_team(admin_page, tag)
    password = _create_counsellor(admin_page, username, team)

    # The new counsellor logs in with the one-time password and must set up the app first.
    log_in(other_page, username, password)
    expect(other_page.get_by_role("heading", name="Stel je inlogcode in")).to_be_visible()
    key = other_page.locator("#totp-key").inner_text().replace(" ", "")
    other_page.get_by_label("Code uit je app").fill(pyotp.TOTP(key).now())
    other_page.get_by_role("button", name="Bevestigen").click()

    # Before anything else they must replace the one-time password with their own.
    expect(other_page).to_have_url(re.compile(r"/wachtwoord-kiezen/?$"))
    expect(other_page.get_by_role("heading", name="Kies je eigen wachtwoord")).to_be_visible()
    other_page.goto("/begeleider")  # any other page sends them back
    expect(other_page).to_have_url(re.compile(r"/wachtwoord-kiezen/?$"))
    other_page.get_by_label("Nieuw wachtwoord").fill("kort")
    other_page.get_by_label("Typ het nieuwe wachtwoord nog een keer").fill("kort")
    other_page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(other_page.get_by_role("alert")).to_contain_text("12 tot 128 tekens")
    own = f"eigen-wachtwoord-{tag}"
    other_page.get_by_label("Nieuw wachtwoord").fill(own)
    other_page.get_by_label("Typ het nieuwe wachtwoord nog een keer").fill(own)
    other_page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(other_page).to_have_url(re.compile(r"/begeleider/?$"))

    # The admin finds the account, sees the open session and switches the account off.
    admin_page.get_by_label("Zoek op naam").fill(username)
    admin_page.get_by_role("button", name="Zoeken").click()
    admin_page.locator("#accounts").get_by_role("link", name="Eva Testbegeleider").click()
    expect(admin_page.locator("#account-name")).to_have_text("Eva Testbegeleider")
    expect(admin_page.locator(".session-row")).to_have_count(1)
    admin_page.locator("#deactivate").click()
    expect(admin_page.locator("#account-status")).to_have_text("uitgezet")
    expect(admin_page.locator(".session-row")).to_have_count(0)

    # The counsellor's open page is sent to the login at their next step.
    other_page.reload()
    expect(other_page).to_have_url(LOGIN_URL)

    # The caseload overview counts per team; the new team has nobody guiding anyone now.
    admin_page.goto("/beheer/begeleiding")
    new_team = admin_page.locator(".team-load", has_text=team)
    expect(new_team).to_contain_text("Deelnemers met een begeleider: 0")


def test_participant_opens_help_and_sees_the_organisations_numbers(page: Page):
    log_in(page, "deelnemer35", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-help").click()
    expect(page.get_by_role("heading", name="Hulp", exact=True)).to_be_visible()
    emergency = page.locator(".help-number").first
    expect(emergency).to_have_attribute("href", "tel:112")
    # A number the demo organisation set itself (not one of the defaults).
    own = page.locator(".help-number", has_text="Huisartsenpost")
    expect(own).to_have_attribute("href", "tel:0880030600")
    assert own.bounding_box()["height"] >= 48
