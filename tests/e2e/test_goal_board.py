"""The writable goal board, settings and read-aloud, as a participant uses them on a phone.

Demo people reserved for these tests: deelnemer02 (English interface, network member
netwerk2), deelnemer08 and deelnemer14 (larger text on), all on begeleider2's caseload.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN, DEMO_STAFF_PASSWORD
from tests.e2e.login import log_in

pytestmark = pytest.mark.e2e

# The device has no voices in a headless browser: record what would be spoken.
_SPEECH_STUB = """
window.__spoken = [];
const fake = {speaking: false, pending: false, getVoices: () => [],
  speak(u) { window.__spoken.push([u.lang, u.text]); }, cancel() {}};
Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
if (!window.SpeechSynthesisUtterance) {
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; };
}
"""


def _log_in_participant(page: Page, username: str) -> None:
    log_in(page, username, DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))


def test_goal_from_a_starter_step_done_with_the_keyboard_then_paused(page: Page):
    _log_in_participant(page, "deelnemer08")
    page.locator("#tile-goals").click()
    page.get_by_role("link", name="Nieuw doel").click()
    expect(page.get_by_role("heading", name="Nieuw doel")).to_be_visible()

    # No goal written: refused in plain words, and what was typed stays.
    helpers = page.get_by_label("Wie helpt je? (mag leeg)")
    helpers.fill("Anja van de gemeente")
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf eerst op wat je wilt bereiken.")
    expect(helpers).to_have_value("Anja van de gemeente")

    page.locator(".starter-domain summary", has_text="Wonen").click()
    page.get_by_role("button", name="Ik wil een eigen postadres").click()
    title = page.get_by_label("Wat wil je bereiken?")
    expect(title).to_have_value("Ik wil een eigen postadres")
    page.get_by_role("button", name="Doel opslaan").click()

    expect(page).to_have_url(re.compile(r"/deelnemer/doel/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ik wil een eigen postadres")
    expect(page.locator("main")).to_contain_text("Anja van de gemeente")

    step_field = page.get_by_label("Nieuwe stap")
    step_field.fill("Bellen met het wijkteam")
    step_field.press("Enter")
    expect(page.locator("#steps")).to_contain_text("Bellen met het wijkteam")
    expect(step_field).to_have_value("")

    # Keyboard only: from the step field, Shift+Tab reaches the step's "Wijzigen", then "Klaar".
    page.emulate_media(reduced_motion="reduce")
    step_field.focus()
    page.keyboard.press("Shift+Tab")
    expect(page.locator(":focus")).to_have_class(re.compile("step-edit-button"))
    page.keyboard.press("Shift+Tab")
    expect(page.locator(":focus")).to_have_class(re.compile("step-done-button"))
    page.keyboard.press("Enter")
    celebration = page.locator("#celebration")
    expect(celebration).to_have_attribute("aria-live", "polite")
    expect(celebration).to_contain_text("Alle stappen zijn klaar. Knap gedaan!")
    icon = celebration.locator(".jo-celebrate")
    assert icon.evaluate("el => getComputedStyle(el).animationName") == "none"  # less motion
    expect(page.get_by_role("button", name=re.compile("^Ongedaan maken"))).to_be_visible()

    page.get_by_role("button", name="Even stilzetten").click()
    expect(page.locator("main")).to_contain_text("Staat even stil")
    expect(page.get_by_role("button", name="Weer oppakken")).to_be_visible()


def test_larger_text_is_remembered_and_the_page_can_be_read_aloud(page: Page):
    page.add_init_script(_SPEECH_STUB)
    _log_in_participant(page, "deelnemer14")  # has larger text on
    page.locator("#settings-link").click()
    expect(page.get_by_role("heading", name="Instellingen")).to_be_visible()
    switch = page.get_by_role("switch", name="Grotere letters")
    expect(switch).to_be_checked()
    expect(page.locator(".large-text")).to_have_count(1)

    switch.click()
    expect(switch).not_to_be_checked()
    page.reload()
    expect(page.get_by_role("switch", name="Grotere letters")).not_to_be_checked()
    expect(page.locator(".normal-text")).to_have_count(1)

    page.get_by_role("switch", name="Grotere letters").click()
    page.reload()
    expect(page.get_by_role("switch", name="Grotere letters")).to_be_checked()
    expect(page.locator(".large-text")).to_have_count(1)

    page.get_by_role("button", name="Voorlezen").click()
    page.wait_for_function("window.__spoken.length > 0")
    lang, text = page.evaluate("window.__spoken[0]")
    assert lang == "nl-NL"
    assert "Grotere letters" in text


def test_shared_goal_is_seen_by_the_network_member_until_revoked(page: Page, other_page: Page):
    _log_in_participant(page, "deelnemer02")  # reads the platform in English
    page.goto("/deelnemer/doelen")
    card = page.locator(".goal-card", has_text="Beter slapen")
    card.get_by_role("link", name=re.compile("^Open")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beter slapen")
    choice = page.locator(".share-choice").first
    choice.get_by_role("button", name="Share").click()
    expect(choice.get_by_role("button", name="Stop sharing")).to_be_visible()

    log_in(other_page, "netwerk2", DEMO_STAFF_PASSWORD)
    expect(other_page).to_have_url(re.compile(r"/netwerk/?$"))
    expect(other_page.locator("#shared-goals")).to_contain_text("Beter slapen")

    choice.get_by_role("button", name="Stop sharing").click()
    expect(choice.get_by_role("button", name="Share")).to_be_visible()
    other_page.reload()
    expect(other_page.locator("#shared-goals")).to_contain_text("Vrijwilligerswerk vinden")
    expect(other_page.locator("main")).not_to_contain_text("Beter slapen")
