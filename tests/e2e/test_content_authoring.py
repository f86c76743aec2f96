"""Content authoring in the browser: write, preview, publish, assign, answer, edit again.

Demo people reserved for these tests: deelnemer16 (begeleider4's caseload, checked below),
the admin ``beheerder`` (its settings are left alone) and the demo content editor
(``begeleider3``). The test adds one assignment of its own and gives it to deelnemer16;
no users are created.
"""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session, select

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.models import CaseloadAssignment, User
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import RunningApp
from tests.e2e.test_accessibility import axe_violations
from tests.factories import unique

pytestmark = pytest.mark.e2e
PARTICIPANT = "deelnemer16"
COUNSELLOR = "begeleider4"
EDITOR = "begeleider3"
HOSTILE_BODY = (
    "Lees dit eerst.\n\n<script>window.__pwned = 1</script>\n\n"
    '<img src="x" onerror="window.__pwned = 2">\n\n**Vetgedrukt** blijft werken.'
)


def _participant_public_id(app_server: RunningApp) -> str:
    """deelnemer16's public id, after checking that begeleider4 guides them now."""
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            participant = session.exec(select(User).where(User.username == PARTICIPANT)).one()
            counsellor = session.exec(select(User).where(User.username == COUNSELLOR)).one()
            current = session.exec(
                select(CaseloadAssignment).where(
                    CaseloadAssignment.participant_id == participant.id,
                    CaseloadAssignment.counsellor_id == counsellor.id,
                    CaseloadAssignment.ends_at.is_(None),
                )
            ).first()
            assert current is not None, f"{PARTICIPANT} is not on {COUNSELLOR}'s caseload"
            return str(participant.public_id)
    finally:
        engine.dispose()


def _new_page(browser: Browser, app_server: RunningApp) -> Page:
    context = browser.new_context(
        base_url=app_server.base_url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(20_000)
    return context.new_page()


def _publish(page: Page) -> None:
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Nu publiceren?")
    page.get_by_role("button", name="Ja, publiceren").click()


def _write_assignment(page: Page, title: str) -> None:
    """As the admin: a new assignment with one choice question, checked in the preview."""
    page.goto("/beheer")
    page.locator("#content-link").click()
    expect(page.get_by_role("heading", name="Inhoud", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.locator("#content-new").click()
    expect(page.get_by_role("heading", name="Nieuwe inhoud", level=1)).to_be_visible()
    page.get_by_label("Titel", exact=True).fill(title)
    page.get_by_label("Tekst (Markdown)").fill(HOSTILE_BODY)
    page.get_by_role("button", name="Keuzevraag toevoegen").click()
    page.get_by_label("De vraag").fill("Wanneer doe je het?")
    page.get_by_label("Antwoord 1", exact=True).fill("Vandaag")
    page.get_by_label("Antwoord 2", exact=True).fill("Morgen")

    preview = page.locator("#content-preview")
    expect(preview.locator("#preview-title")).to_have_text(title)
    body = preview.locator("#preview-body")
    expect(body).to_contain_text("<script>window.__pwned = 1</script>")
    expect(body).to_contain_text('<img src="x" onerror="window.__pwned = 2">')
    expect(body.locator("strong")).to_have_text("Vetgedrukt")
    assert body.locator("script, img").count() == 0
    expect(preview.get_by_role("radio", name="Morgen")).to_be_visible()
    assert page.evaluate("window.__pwned") is None
    assert axe_violations(page) == []

    # English is optional: the preview follows the language tab (Dutch where it is empty).
    page.get_by_role("tab", name="Engels (niet verplicht)").click()
    expect(page.get_by_label("Titel", exact=True)).to_have_value("")
    page.get_by_label("Titel", exact=True).fill("Plan your week")
    expect(preview.locator("#preview-title")).to_have_text("Plan your week")
    expect(body.locator("strong")).to_have_text("Vetgedrukt")
    page.get_by_label("Antwoord 2", exact=True).fill("Tomorrow")
    expect(preview.get_by_role("radio", name="Tomorrow")).to_be_visible()
    page.get_by_role("tab", name="Nederlands").click()
    expect(page.get_by_label("Titel", exact=True)).to_have_value(title)
    expect(preview.locator("#preview-title")).to_have_text(title)

    _publish(page)
    expect(page.locator("#content-status")).to_have_text("Gepubliceerd, versie 1")
    expect(page.get_by_role("status")).to_contain_text("Gepubliceerd.")


def _assign(page: Page, participant_public_id: str, title: str) -> None:
    """As the participant's counsellor: give it through the participant's assignments tab."""
    log_in_staff(page, COUNSELLOR)
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    page.goto(f"/begeleider/deelnemer/{participant_public_id}")
    expect(page.locator("#participant-name")).to_be_visible(timeout=40_000)
    page.get_by_role("tab", name="Opdrachten").click()
    page.locator("#assign-content").select_option(label=f"Opdracht: {title}")
    page.locator("#assign-button").click()
    expect(page.get_by_role("status")).to_have_text("De opdracht staat klaar bij de deelnemer.")


def _answer(page: Page, title: str) -> None:
    """As the participant: open it, see the script as text, pick an answer and hand it in."""
    log_in(page, PARTICIPANT, DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/deelnemer/opdrachten")
    page.get_by_role("link", name=re.compile(re.escape(title))).first.click()
    expect(page.locator("#assignment-title")).to_have_text(title)
    body = page.locator("#assignment-body")
    expect(body).to_contain_text("<script>window.__pwned = 1</script>")
    assert body.locator("script, img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.get_by_text("Morgen").click()
    page.get_by_role("button", name="Inleveren").click()
    expect(page.locator("#assignment-status")).to_have_text("Ingeleverd")


def test_admin_writes_and_publishes_counsellor_assigns_participant_answers_version_2_keeps_1(
    page: Page, browser: Browser, app_server: RunningApp
):
    title = unique("Je week plannen")
    participant_public_id = _participant_public_id(app_server)
    admin, counsellor = _new_page(browser, app_server), _new_page(browser, app_server)
    try:
        _the_whole_story(page, admin, counsellor, participant_public_id, title)
    finally:
        admin.context.close()
        counsellor.context.close()


def _the_whole_story(
    page: Page, admin: Page, counsellor: Page, participant_public_id: str, title: str
) -> None:
    log_in_staff(admin, "beheerder")
    expect(admin).to_have_url(re.compile(r"/beheer/?$"))
    _write_assignment(admin, title)
    editor_url = admin.url

    _assign(counsellor, participant_public_id, title)
    _answer(page, title)
    answered_url = page.url

    # The admin changes the published assignment: version 2, published.
    admin.goto("/inhoud")
    admin.get_by_role("link", name=title).click()
    expect(admin).to_have_url(editor_url)
    expect(admin.get_by_label("Titel", exact=True)).to_have_value(title)
    admin.get_by_label("Titel", exact=True).fill(f"{title} (nieuw)")
    admin.get_by_label("Tekst (Markdown)").fill("Een heel andere tekst.")
    admin.get_by_label("Antwoord 2", exact=True).fill("Volgende week")
    _publish(admin)
    expect(admin.locator("#content-status")).to_have_text("Gepubliceerd, versie 2")
    admin.goto("/inhoud")
    expect(admin.locator(".content-row", has_text=f"{title} (nieuw)")).to_contain_text(
        "Gepubliceerd, versie 2"
    )

    # The participant's handed-in answers still show version 1.
    page.goto(answered_url)
    expect(page.locator("#assignment-title")).to_have_text(title)
    expect(page.locator("#assignment-body")).to_contain_text("Lees dit eerst.")
    expect(page.get_by_role("radio", name="Morgen")).to_be_checked()
    expect(page.get_by_text("Volgende week")).to_have_count(0)


def test_the_demo_editor_counsellor_finds_the_content_pages(page: Page):
    log_in_staff(page, EDITOR)
    expect(page).to_have_url(re.compile(r"/begeleider/?$"))
    page.locator("#content-link").click()
    expect(page.get_by_role("heading", name="Inhoud", level=1)).to_be_visible()
    expect(page.locator("#content-list")).to_be_visible()  # the demo's own content
    page.locator("#content-new").click()
    page.get_by_label("Titel", exact=True).fill("")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_role("alert")).to_have_text("Vul een titel in het Nederlands in.")
