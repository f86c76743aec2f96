"""Demo users log in and see their first page with real data (production build, Chromium)."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.db import make_engine
from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.models import User
from jouw_omgeving.models.enums import Role
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e


def test_participant_logs_in_and_sees_goals(page: Page):
    log_in(page, "deelnemer01", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hallo")
    page.locator("#tile-goals").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/doelen/?$"))
    expect(page.get_by_role("heading", name="Mijn doelen")).to_be_visible()
    expect(page.locator(".goal-card").first).to_be_visible()
    assert page.locator(".goal-card").count() >= 3
    assert page.title() == "Jouw Omgeving"


def test_counsellor_logs_in_and_sees_caseload(page: Page):
    log_in_staff(page, "begeleider1")
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()
    rows = page.locator(".caseload-row")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 3
    # The participant with unread messages is on this counsellor's caseload.
    expect(page.locator("#caseload")).to_contain_text("Jan")


def test_wrong_pin_is_refused_without_saying_which_part(page: Page):
    log_in(page, "deelnemer01", "99999")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Dat klopt niet")
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))


def test_pages_need_a_login(page: Page):
    page.goto("/begeleider")
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))


def test_participant_cannot_open_counsellor_page(page: Page):
    log_in(page, "deelnemer01", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/begeleider")
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))


def test_logout_ends_the_session(page: Page):
    log_in_staff(page, "evaluator")
    expect(page).to_have_url(re.compile(r"/evaluator/?$"))
    expect(page.locator(".figure").first).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))
    page.goto("/evaluator")
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))


def _active_accounts(db_url: str, role: Role) -> int:
    """Active accounts of a role in the app's database now (other tests add and remove some)."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            return session.exec(select(sa.func.count()).where(User.role == role, User.active)).one()
    finally:
        engine.dispose()


def test_admin_sees_account_counts(page: Page, app_server: RunningApp):
    log_in_staff(page, "beheerder")
    expect(page).to_have_url(re.compile(r"/beheer/?$"))
    participants = _active_accounts(app_server.db_url, Role.PARTICIPANT)
    counsellors = _active_accounts(app_server.db_url, Role.COUNSELLOR)
    assert participants >= 39 and counsellors >= 6  # the demo pilot, give or take a test's own
    expect(page.locator("#count-participant")).to_have_text(re.compile(rf"\D{participants}$"))
    expect(page.locator("#count-counsellor")).to_have_text(re.compile(rf"\D{counsellors}$"))
