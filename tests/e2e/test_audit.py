"""A counsellor's look at a participant shows in the participant's own list and in the audit log.

Production build in Chromium, demo data: begeleider1 (Anja de Vries, team lead) has
deelnemer01 (Jan V.) on the caseload.
"""

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

REFUSAL = "Je hebt geen toegang tot deze gegevens."
DETAIL_URL = re.compile(r"/begeleider/deelnemer/[0-9a-f-]{36}/?$")


@pytest.fixture
def admin_page(browser: Browser, app_server: RunningApp) -> Iterator[Page]:
    """The admin's browser, wide enough for the audit table."""
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 1400, "height": 900}
    )
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def _search_audit(page: Page, *, actor: str, participant: str = "", outcome: str = "") -> None:
    page.goto("/beheer/audit")
    expect(page.get_by_role("heading", name="Auditlog")).to_be_visible()
    page.get_by_label("Gebruikersnaam van wie keek").fill(actor)
    page.get_by_label("Gebruikersnaam van de deelnemer").fill(participant)
    if outcome:
        page.get_by_label("Uitkomst").select_option(outcome)
    page.get_by_role("button", name="Zoeken").click()


def test_a_counsellors_look_is_shown_to_the_participant_and_the_admin(
    page: Page, other_page: Page, admin_page: Page
):
    log_in_staff(page, "begeleider1")
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    page.locator("#caseload").get_by_role("link", name="Jan V.").click()
    expect(page).to_have_url(DETAIL_URL)
    expect(page.locator("#participant-name")).to_have_text("Jan V.")
    expect(page.locator(".goal-card").first).to_be_visible()
    expect(page.locator("#participant-actions")).to_be_attached()

    log_in(other_page, "deelnemer01", DEMO_PARTICIPANT_PIN)
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))
    other_page.locator("#tile-access-log").click()
    heading = other_page.get_by_role("heading", name="Wie heeft mijn gegevens bekeken")
    expect(heading).to_be_visible()
    expect(other_page.locator("#access-log .access-line").first).to_contain_text(
        re.compile(
            r"Anja de Vries \(begeleider, Leger des Heils\) bekeek je doelen op \d{1,2} \w+ \d{4}"
        )
    )

    log_in_staff(admin_page, "beheerder")
    expect(admin_page).to_have_url(re.compile(r"/beheer/?$"))
    _search_audit(admin_page, actor="begeleider1", participant="deelnemer01")
    first = admin_page.locator("#audit-log .audit-row").first
    expect(first).to_contain_text("Anja de Vries (begeleider1)")
    expect(first).to_contain_text("Jan V. (deelnemer01)")
    expect(first).to_contain_text("doelen")
    expect(first).to_contain_text("toegestaan")


def _participant_outside_the_team(app_server: RunningApp) -> str:
    engine = sa.create_engine(app_server.db_url)
    try:
        with engine.connect() as connection:
            return str(
                connection.execute(
                    sa.text(
                        "SELECT p.public_id FROM app_user p, app_user c "
                        "WHERE c.username = 'begeleider1' AND p.role = 'participant' "
                        "AND p.team_id != c.team_id ORDER BY p.id LIMIT 1"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


def _as_uuid(raw: str) -> str:
    # SQLite keeps UUIDs as 32 hex digits; URLs use the dashed form.
    hex_digits = raw.replace("-", "")
    return "-".join(
        (hex_digits[:8], hex_digits[8:12], hex_digits[12:16], hex_digits[16:20], hex_digits[20:])
    )


def test_an_id_typed_into_the_address_bar_is_refused_and_audited(
    page: Page, admin_page: Page, app_server: RunningApp
):
    stranger = _as_uuid(_participant_outside_the_team(app_server))
    log_in_staff(page, "begeleider1")
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    for target in (stranger, "not-a-uuid"):
        page.goto(f"/begeleider/deelnemer/{target}")
        expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()
        expect(page.get_by_role("alert")).to_contain_text(REFUSAL)
        expect(page.locator("#participant-name")).to_have_count(0)
        expect(page.locator(".goal-card")).to_have_count(0)

    log_in_staff(admin_page, "beheerder")
    expect(admin_page).to_have_url(re.compile(r"/beheer/?$"))
    _search_audit(admin_page, actor="begeleider1", outcome="refused")
    rows = admin_page.locator("#audit-log .audit-refused")
    expect(rows.first).to_contain_text("geweigerd")
    assert rows.count() >= 2
