"""Logging in through the real login page, as a person would."""

from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_STAFF_PASSWORD
from jouw_omgeving.demo.cli import totp_code


def log_in(page: Page, username: str, secret: str) -> None:
    """Fill in username and PIN or password (participants and network members)."""
    page.goto("/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Pincode of wachtwoord").fill(secret)
    page.get_by_role("button", name="Inloggen").click()


def log_in_staff(page: Page, username: str, password: str = DEMO_STAFF_PASSWORD) -> None:
    """Password, then the 6-digit code from the (demo) authenticator app."""
    log_in(page, username, password)
    code_field = page.get_by_label("Code uit je app")
    expect(code_field).to_be_visible()
    code_field.fill(totp_code())
    page.get_by_role("button", name="Bevestigen").click()
