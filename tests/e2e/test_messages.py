"""Secure messages in two real browsers: live both ways, receipts, drafts, the home badge.

Uses only the people reserved for these tests: deelnemer11 on begeleider5's caseload.
"""

import base64
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from tests.e2e.login import log_in, log_in_staff

pytestmark = pytest.mark.e2e
LIVE = 5_000  # ms: a poll every second; allow for a slow shared machine


def _send(page: Page, text: str) -> None:
    box = page.get_by_label("Jouw bericht")
    box.fill(text)
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#messages .message-mine").last).to_contain_text(text)
    expect(box).to_have_value("")


def test_participant_and_counsellor_exchange_messages_live(page: Page, other_page: Page):
    question = f"Kun je de brief van de gemeente bekijken? <b>{uuid.uuid4().hex[:6]}</b> 📄"
    answer = f"Ja, neem hem dinsdag mee. {uuid.uuid4().hex[:6]}"
    later = f"Tot dinsdag! {uuid.uuid4().hex[:6]}"

    log_in(page, "deelnemer11", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-messages").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/berichten/?$"))
    page.locator(".thread-button").first.click()
    expect(page.locator("#thread-readers")).to_contain_text("jij en je begeleider Kees")

    # A draft survives a reload.
    page.get_by_label("Jouw bericht").fill("Nog niet af")
    page.reload()
    expect(page.get_by_label("Jouw bericht")).to_have_value("Nog niet af")
    _send(page, question)  # shown as typed: HTML as text
    mine = page.locator("#messages .message-mine").last
    expect(mine.locator(".message-read")).to_have_count(0)

    log_in_staff(other_page, "begeleider5")
    expect(other_page).to_have_url(re.compile(r"/begeleider/?$"))
    other_page.goto("/begeleider/berichten")
    row = other_page.locator(".inbox-row", has_text="Mustafa")
    expect(row.first).to_contain_text("ongelezen")
    row.first.click()
    expect(other_page.locator("#messages")).to_contain_text(question)

    # The participant sees "gelezen" appear without reloading.
    expect(mine.locator(".message-read")).to_be_visible(timeout=LIVE)

    _send(other_page, answer)
    expect(page.locator("#messages .message-theirs").last).to_contain_text(answer, timeout=LIVE)
    expect(
        other_page.locator("#messages .message-mine").last.locator(".message-read")
    ).to_be_visible(timeout=LIVE)

    # Away from the thread, a new message shows as a count on the home tile.
    page.get_by_role("link", name="Terug").click()
    page.get_by_role("link", name="Terug").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    _send(other_page, later)
    page.reload()
    expect(page.locator("#tile-messages")).to_contain_text("1")


def test_a_message_typed_offline_stays_and_is_sent_once_when_back(page: Page):
    text = f"Ik heb geen bereik {uuid.uuid4().hex[:6]}"
    log_in(page, "deelnemer17", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/deelnemer/berichten")
    page.locator(".thread-button").first.click()
    box = page.get_by_label("Jouw bericht")
    expect(box).to_be_visible()
    page.context.set_offline(True)
    box.fill(text)
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#not-sent")).to_contain_text("Nog niet verstuurd", timeout=30_000)
    expect(box).to_have_value(text)
    page.context.set_offline(False)
    expect(page.locator("#messages .message-mine", has_text=text)).to_have_count(1, timeout=30_000)
    expect(box).to_have_value("")


# A real 2x2 PNG, so the browser can draw it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="
)


def test_a_photo_is_sent_opened_by_the_counsellor_and_refused_to_others(
    page: Page, other_page: Page, browser, app_server
):
    name = f"brief-{uuid.uuid4().hex[:6]}.png"
    log_in(page, "deelnemer23", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/deelnemer/berichten")
    page.locator(".thread-button").first.click()
    expect(page.get_by_label("Jouw bericht")).to_be_visible()
    page.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "image/png", "buffer": PNG}
    )
    sent = page.locator("#messages .message-mine", has_text=name)
    expect(sent.locator("img")).to_be_visible()
    url = sent.locator("a.message-attachment").get_attribute("href")

    log_in_staff(other_page, "begeleider5")
    expect(other_page).to_have_url(re.compile(r"/begeleider/?$"))
    other_page.goto("/begeleider/berichten")
    other_page.locator(".inbox-row", has_text="Bianca").first.click()
    photo = other_page.locator("#messages .message-theirs", has_text=name).locator("img")
    expect(photo).to_be_visible()
    assert other_page.evaluate("(img) => img.naturalWidth", photo.element_handle()) == 2
    assert other_page.request.get(url).body() == PNG

    third = browser.new_context(base_url=app_server.base_url)
    try:
        stranger = third.new_page()
        log_in(stranger, "deelnemer17", DEMO_PARTICIPANT_PIN)
        expect(stranger).to_have_url(re.compile(r"/deelnemer/?$"))
        assert stranger.request.get(url).status == 404
    finally:
        third.close()
