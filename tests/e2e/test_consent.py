"""Consent end to end: a participant lets GGZ Oost see goals, the partner looks, it is withdrawn.

Production build in Chromium, demo data: deelnemer27 (Naima K., begeleider3's caseload) has
goals and no consents; partner-ggz is Lotte Hermans of GGZ Oost. Both are reserved for this
test module.
"""

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.i18n import format_date
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

SWITCH_ON = "Doelen aanzetten voor GGZ Oost"
SWITCH_OFF = "Doelen uitzetten voor GGZ Oost"


def _partner_refusals(app_server: RunningApp) -> int:
    engine = sa.create_engine(app_server.db_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                sa.text(
                    "SELECT count(*) FROM audit_entry a JOIN app_user u ON u.id = a.actor_id "
                    "JOIN app_user p ON p.id = a.subject_participant_id "
                    "WHERE u.username = 'partner-ggz' AND p.username = 'deelnemer27' "
                    "AND a.outcome = 'refused'"
                )
            ).scalar_one()
    finally:
        engine.dispose()


def _confirm(page: Page, text: str) -> None:
    expect(page.locator("#consent-confirm-text")).to_have_text(text)
    page.get_by_role("button", name="Ja, dat klopt").click()


def test_consent_for_goals_is_seen_by_the_partner_until_withdrawn(
    page: Page, other_page: Page, app_server: RunningApp
):
    log_in(page, "deelnemer27", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-consent").click()
    expect(page.get_by_role("heading", name="Wie kijkt mee")).to_be_visible()
    page.get_by_role("button", name=SWITCH_ON).click()
    last_day = date.today() + timedelta(days=365)
    page.get_by_label("Tot en met welke dag?").fill(last_day.isoformat())
    _confirm(
        page,
        f"GGZ Oost mag dan je doelen zien, tot en met {format_date(last_day, 'nl')}. "
        "Je kunt dit altijd weer uitzetten.",
    )
    expect(page.get_by_role("button", name=SWITCH_OFF)).to_be_visible()
    expect(page.locator("#consent-history")).to_contain_text(
        "Jij gaf GGZ Oost toestemming voor je doelen."
    )

    log_in_staff(other_page, "partner-ggz")
    expect(other_page).to_have_url(re.compile(r"/ketenpartner/?$"))
    other_page.locator("#partner-participants").get_by_role("link", name="Naima K.").click()
    expect(other_page.locator("#participant-name")).to_have_text("Naima K.")
    expect(other_page.locator("#partner-goals .goal-card").first).to_be_visible()
    expect(other_page.locator("#partner-progress")).to_have_count(0)
    expect(other_page.locator("#partner-assignments")).to_have_count(0)
    refusals_before = _partner_refusals(app_server)

    page.get_by_role("button", name=SWITCH_OFF).click()
    _confirm(page, "GGZ Oost kan dan je doelen niet meer zien. Dat gaat meteen in.")
    expect(page.get_by_role("button", name=SWITCH_ON)).to_be_visible()

    other_page.locator("#partner-refresh").click()
    expect(other_page.get_by_role("alert")).to_contain_text("Je hebt geen toegang meer")
    expect(other_page.locator("#participant-name")).to_have_count(0)
    expect(other_page.locator(".goal-card")).to_have_count(0)
    assert _partner_refusals(app_server) == refusals_before + 1

    page.goto("/deelnemer/wie-keek-mee")
    expect(page.locator("#access-log .access-line").first).to_contain_text(
        re.compile(r"Lotte Hermans van GGZ Oost bekeek je doelen op \d{1,2} \w+ \d{4}")
    )

    page.goto("/deelnemer/mijn-gegevens")
    expect(page.get_by_role("heading", name="Mijn gegevens")).to_be_visible()
    consent_lines = page.locator(".my-data-section").filter(has_text="Toestemming")
    expect(consent_lines).to_contain_text("Jij zette doelen uit voor GGZ Oost.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden als bestand").click()
    export = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert export["format"] == "jouw-omgeving-export"
    assert [r["action"] for r in export["tables"]["consent_record"]][-2:] == ["grant", "withdraw"]
