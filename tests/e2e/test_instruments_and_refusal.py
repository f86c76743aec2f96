"""Instruments as data and a refused erasure, in Chromium on the production build.

beheerder loads a malformed instrument file (refused in Dutch, the list unchanged), then a
good one for Leger des Heils (inactive, so no other test's instrument changes), edits one of
its domains and exports it. deelnemer20 (reserved for this test) asks for erasure; beheerder
refuses with a reason and runs "Nu opruimen"; deelnemer20 reads the reason on Mijn gegevens.
"""

import json
import re
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN, participant_display_name
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp

pytestmark = pytest.mark.e2e

PARTICIPANT = "deelnemer20"


@pytest.fixture
def admin_page(browser: Browser, app_server: RunningApp) -> Iterator[Page]:
    """The admin's browser, wide enough for the tables."""
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def _file(key: str) -> bytes:
    level = {"label": {"nl": "Stap", "en": "Step"}, "pictogram": "meh"}
    return json.dumps(
        {
            "format": "jouw-omgeving-instrument",
            "format_version": 1,
            "key": key,
            "version": 1,
            "name": {"nl": "Proefmatrix", "en": "Trial matrix"},
            "licence": "Licentie van de proef",
            "domains": [
                {
                    "key": "wonen",
                    "name": {"nl": "Wonen"},
                    "question": {"nl": "Hoe woon je?"},
                    "pictogram": "house",
                }
            ],
            "levels": [{"value": v, **level} for v in (1, 2, 3)],
        }
    ).encode()


def _upload(page: Page, name: str, data: bytes) -> None:
    page.locator("#instrument-upload input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": data}
    )


def test_admin_imports_edits_and_exports_an_instrument(admin_page: Page):
    page = admin_page
    key = f"proef-{uuid.uuid4().hex[:6]}"
    log_in_staff(page, "beheerder")
    expect(page).to_have_url(re.compile(r"/beheer/?$"))
    page.get_by_role("link", name="Instrumenten").click()
    expect(page.get_by_role("heading", name="Instrumenten", exact=True)).to_be_visible()
    rows = page.locator(".instrument-row")
    expect(rows.first).to_be_visible()
    count = rows.count()

    page.get_by_label("Voor organisatie").select_option(label="Leger des Heils")
    _upload(page, "kapot.json", b'{"format": "jouw-omgeving-instrument", "format_version": 1}')
    expect(page.get_by_role("alert")).to_contain_text("ontbreekt een verplicht veld")
    _upload(page, "dubbel.json", _file(key).replace(b'"value": 2', b'"value": 1'))
    expect(page.get_by_role("alert")).to_contain_text("De schaal klopt niet")
    expect(rows).to_have_count(count)

    _upload(page, "goed.json", _file(key))
    expect(page.get_by_role("status")).to_contain_text("Het instrument is geladen")
    expect(rows).to_have_count(count + 1)
    mine = rows.filter(has_text=key)
    expect(mine).to_contain_text("niet actief")

    mine.get_by_role("button", name="Bekijken").click()
    editor = page.locator("#instrument-editor")
    expect(editor).to_contain_text("Hoe woon je?")
    editor.locator(".instrument-domain").get_by_role("button", name="Bewerken").click()
    page.get_by_label("Vraag (Nederlands)").fill("Hoe gaat het met je huis?")
    page.get_by_role("button", name="Opslaan").click()
    expect(editor.get_by_role("status")).to_contain_text("Opgeslagen.")
    expect(editor).to_contain_text("Hoe gaat het met je huis?")

    with page.expect_download() as download:
        mine.get_by_role("button", name="Exporteren").click()
    exported = json.loads(download.value.path().read_bytes())
    assert exported["key"] == key
    assert exported["domains"][0]["question"] == {"nl": "Hoe gaat het met je huis?"}


def test_admin_refuses_an_erasure_and_the_participant_reads_why(page: Page, admin_page: Page):
    log_in(page, PARTICIPANT, DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/deelnemer/mijn-gegevens")
    page.get_by_role("button", name="Vraag om verwijdering van mijn gegevens").click()
    page.get_by_role("button", name="Ja, verwijder mijn gegevens").click()
    expect(page.locator("#erasure-request-status")).to_contain_text("Een beheerder handelt dit af")

    log_in_staff(admin_page, "beheerder")
    expect(admin_page).to_have_url(re.compile(r"/beheer/?$"))
    admin_page.goto("/beheer/verwijderverzoeken")
    request = (
        admin_page.locator(".erasure-request")
        .filter(has_text=participant_display_name(20))
        .filter(has_text="Aangevraagd")
    )
    request.get_by_role("button", name="Weigeren").click()
    reason = "Je dossier valt nog onder de wettelijke bewaarplicht."
    admin_page.get_by_label("Reden van de weigering").fill(reason)
    admin_page.locator("#erasure-refuse-confirm").click()
    expect(admin_page.get_by_role("status")).to_contain_text("Het verzoek is geweigerd")

    admin_page.get_by_role("button", name="Nu opruimen").click()
    expect(admin_page.get_by_role("status")).to_contain_text("Opgeruimd:")

    page.reload()
    expect(page.locator("#erasure-request-refused")).to_contain_text("geweigerd")
    expect(page.locator("#erasure-refusal-reason")).to_have_text(reason)
