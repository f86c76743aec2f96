"""A chat between a participant and someone of their network, in two real browsers.

Uses its own people, made in the app's database with the test factories.
"""

import re
import uuid

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import Session

from tests.e2e.login import log_in
from tests.e2e.server import RunningApp
from tests.e2e.test_accessibility import axe_violations
from tests.factories import make_network_member, make_participant

pytestmark = pytest.mark.e2e
LIVE = 5_000  # ms: a poll every second; allow for a slow shared machine
HOME_LIVE = 12_000  # ms: the home tile counts every five seconds
PIN = "24680"
MEMBER_PASSWORD = "Netwerk-test-2026"


def _people(app_server: RunningApp) -> tuple[str, str, str]:
    """A participant and their sister (accepted membership): usernames and her name."""
    suffix = uuid.uuid4().hex[:8]
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            participant = make_participant(
                session, username=f"e2e-net-p-{suffix}", display_name="Sanne", password=PIN
            )
            make_network_member(
                session,
                participant=participant,
                username=f"e2e-net-m-{suffix}",
                display_name=f"Zus Lotte {suffix}",
                password=MEMBER_PASSWORD,
            )
            session.commit()
    finally:
        engine.dispose()
    return f"e2e-net-p-{suffix}", f"e2e-net-m-{suffix}", f"Zus Lotte {suffix}"


def _send(page: Page, text: str) -> None:
    box = page.get_by_label("Jouw bericht")
    box.fill(text)
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#messages .message-mine").last).to_contain_text(text)
    expect(box).to_have_value("")


def test_participant_and_network_member_chat_live(
    page: Page, other_page: Page, app_server: RunningApp
):
    participant, member, sister = _people(app_server)
    question = f"Ga je mee naar de markt? {uuid.uuid4().hex[:6]}"
    answer = f"Ja, zaterdag! {uuid.uuid4().hex[:6]}"

    log_in(page, participant, PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto("/deelnemer/berichten")
    expect(page.get_by_role("heading", name="Nieuw gesprek met …")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name=re.compile(sister)).click()
    expect(page).to_have_url(re.compile(r"/deelnemer/berichten/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(sister)
    expect(page.locator("#thread-readers")).to_contain_text(f"jij en {sister}")
    _send(page, question)

    log_in(other_page, member, MEMBER_PASSWORD)
    expect(other_page).to_have_url(re.compile(r"/netwerk/?$"))
    tile = other_page.locator("#messages-tile")
    expect(tile).to_contain_text("1 nieuw")
    assert axe_violations(other_page) == []
    tile.click()
    chat = other_page.locator(".thread-button", has_text="Sanne")
    expect(chat).to_be_visible()
    assert axe_violations(other_page) == []
    chat.click()
    expect(other_page.locator("#thread-readers")).to_contain_text("jij en Sanne")
    expect(other_page.locator("#messages .message-theirs").last).to_contain_text(question)
    assert axe_violations(other_page) == []

    # The participant sees "gelezen" appear, and the answer arrive, without reloading.
    mine = page.locator("#messages .message-mine").last
    expect(mine.locator(".message-read")).to_be_visible(timeout=LIVE)
    _send(other_page, answer)
    expect(page.locator("#messages .message-theirs").last).to_contain_text(answer, timeout=LIVE)
    expect(
        other_page.locator("#messages .message-mine").last.locator(".message-read")
    ).to_be_visible(timeout=LIVE)

    # On the home page, the "Berichten" tile counts a new message without a reload.
    page.get_by_role("link", name="Terug").click()
    page.get_by_role("link", name="Terug").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    expect(page.locator("#tile-messages")).not_to_contain_text("1")
    _send(other_page, f"Tot zaterdag {uuid.uuid4().hex[:6]}")
    expect(page.locator("#tile-messages")).to_contain_text("1", timeout=HOME_LIVE)
