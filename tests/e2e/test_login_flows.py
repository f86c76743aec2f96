"""The ways in and out: TOTP, the activation card, log out everywhere, expired sessions."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.db import make_engine
from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN, DEMO_STAFF_PASSWORD
from jouw_omgeving.demo.cli import totp_code
from jouw_omgeving.models import LoginSession, User
from jouw_omgeving.models.base import utcnow
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

LOGIN_URL = re.compile(r"/inloggen/?$")


def _end_sessions_in_database(app_server: RunningApp, username: str, **changes) -> None:
    """Change the user's session rows directly, as time or an admin would."""
    engine = make_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            user = session.exec(select(User).where(User.username == username)).one()
            rows = session.exec(select(LoginSession).where(LoginSession.user_id == user.id)).all()
            assert rows, "the user should have a session"
            for row in rows:
                for name, value in changes.items():
                    setattr(row, name, value)
                session.add(row)
            session.commit()
    finally:
        engine.dispose()


def test_staff_login_asks_for_the_app_code_and_refuses_a_wrong_one(page: Page):
    log_in(page, "begeleider2", DEMO_STAFF_PASSWORD)
    code_field = page.get_by_label("Code uit je app")
    expect(code_field).to_be_visible()
    # Right password alone is not a login; the code step waits for the code.
    page.goto("/begeleider")
    expect(page).to_have_url(LOGIN_URL)
    expect(page.get_by_label("Code uit je app")).to_be_visible()
    wrong = "000000" if totp_code() != "000000" else "111111"
    page.get_by_label("Code uit je app").fill(wrong)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("Die code klopt niet.")).to_be_visible()
    page.get_by_label("Code uit je app").fill(totp_code())
    page.get_by_role("button", name="Bevestigen").click()
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()


def test_activation_card_turns_into_a_logged_in_participant(page: Page, other_page: Page):
    log_in_staff(page, "begeleider1")
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    page.locator("#new-participant").click()
    expect(page.get_by_role("heading", name="Nieuwe deelnemer")).to_be_visible()
    name = page.get_by_label("Naam")
    # Typed only once the page is live (under load a field filled during hydration is reset).
    page.wait_for_load_state("networkidle")
    name.fill("Sanne Testpersoon")
    expect(name).to_have_value("Sanne Testpersoon")
    page.get_by_role("button", name="Deelnemer aanmaken").click()
    expect(page.locator("#activation-card")).to_be_visible(timeout=15_000)
    expect(page.locator("#activation-qr")).to_be_visible()
    code = page.locator("#activation-code").inner_text().strip()
    link = page.locator("#activation-link").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)

    # The participant goes to the address on the card and types the code.
    other_page.goto(link)
    other_page.get_by_label("Activatiecode").fill(code.lower())
    other_page.get_by_role("button", name="Verder").click()
    username_field = other_page.get_by_label("Gebruikersnaam")
    expect(username_field).not_to_have_value("")  # a suggestion
    username = username_field.input_value()
    other_page.get_by_role("button", name="Verder").click()
    other_page.get_by_label("Pincode", exact=True).fill("48263")
    other_page.get_by_label("Typ je pincode nog een keer").fill("48263")
    other_page.get_by_role("button", name="Klaar").click()
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))
    expect(other_page.get_by_role("heading", level=1)).to_contain_text("Hallo")

    # The code works once only: the QR link with it now says so.
    other_page.context.clear_cookies()
    other_page.goto(f"{link}?code={code}")
    expect(other_page).not_to_have_url(re.compile(r"code="))  # out of the history
    expect(other_page.get_by_text("Stap 1: je code")).to_be_visible()
    expect(other_page.get_by_role("alert")).to_be_visible()
    # And the new PIN works on the normal login page.
    log_in(other_page, username, "48263")
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))


def test_log_out_everywhere_ends_the_other_device_too(page: Page, other_page: Page):
    log_in(page, "deelnemer04", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    log_in(other_page, "deelnemer04", DEMO_PARTICIPANT_PIN)
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#account-menu").click()
    page.locator("#logout-everywhere").click()
    expect(page).to_have_url(LOGIN_URL)
    other_page.goto("/deelnemer/doelen")
    expect(other_page).to_have_url(LOGIN_URL)


def test_an_expired_session_sends_you_to_login(page: Page, app_server: RunningApp):
    log_in(page, "deelnemer05", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    _end_sessions_in_database(app_server, "deelnemer05", expires_at=utcnow() - timedelta(minutes=1))
    page.goto("/deelnemer/doelen")
    expect(page).to_have_url(LOGIN_URL)


def test_an_idle_session_sends_you_to_login(page: Page, app_server: RunningApp):
    log_in(page, "deelnemer06", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    _end_sessions_in_database(app_server, "deelnemer06", last_seen_at=utcnow() - timedelta(hours=1))
    page.goto("/deelnemer/doelen")
    expect(page).to_have_url(LOGIN_URL)
