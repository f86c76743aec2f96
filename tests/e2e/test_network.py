"""Mijn netwerk, as a participant and the person they invite use it on two phones.

Demo people reserved for these tests: deelnemer32 and deelnemer38 (begeleider2's caseload).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from tests.e2e.login import log_in
from tests.e2e.test_accessibility import axe_violations

pytestmark = pytest.mark.e2e


def test_invite_share_and_stop_with_a_one_time_code(page: Page, other_page: Page):
    log_in(page, "deelnemer32", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn netwerk")
    expect(page.locator("main")).to_contain_text("Er zit nog niemand in je netwerk.")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Iemand uitnodigen").click()
    assert axe_violations(page) == []  # the invite form
    page.get_by_label("Naam").fill("Zus")
    page.get_by_label("Wie is deze persoon voor jou?").select_option("familie")
    page.get_by_role("button", name="Maak een code").click()
    code_box = page.locator("#network-invite-code")
    expect(code_box).to_have_text(re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}$"))
    expect(page.locator("main")).to_contain_text("Geef deze code aan Zus.")
    expect(page.get_by_role("img", name="QR-code die de code opent")).to_be_visible()
    expect(page.locator("#network-invite-link")).to_have_text(re.compile(r"^http://.+/activeren$"))
    code = code_box.inner_text()
    assert axe_violations(page) == []  # the code screen

    # The sister, on her own phone, types the code she was given.
    other_page.goto("/activeren")
    other_page.get_by_label("Activatiecode").fill(code)
    other_page.get_by_role("button", name="Verder").click()
    other_page.get_by_label("Gebruikersnaam").fill("zus.van.32")
    other_page.get_by_role("button", name="Verder").click()
    other_page.get_by_label("Pincode", exact=True).fill("80417")
    other_page.get_by_label("Typ je pincode nog een keer").fill("80417")
    other_page.get_by_role("button", name="Klaar").click()
    expect(other_page).to_have_url(re.compile(r"/netwerk/?$"))
    expect(other_page.locator("#nothing-shared")).to_be_visible()

    page.get_by_role("button", name="Klaar").click()
    member = page.locator(".network-member", has_text="Zus")
    expect(member).to_contain_text("Doet mee sinds")
    expect(member).to_contain_text("Ziet nog geen doelen van je.")

    # Share a goal from the goal's own page; the sister sees it.
    page.goto("/deelnemer/doelen")
    card = page.locator(".goal-card", has_text="Mijn schulden op een rij")
    card.get_by_role("link", name=re.compile("^Open")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn schulden op een rij")
    choice = page.locator(".share-choice", has_text="Zus")
    choice.get_by_role("button", name="Delen").click()
    expect(choice.get_by_role("button", name="Niet meer delen")).to_be_visible()
    other_page.reload()
    expect(other_page.locator("#shared-goals")).to_contain_text("Mijn schulden op een rij")

    # The participant stops: the sister's next load shows nothing of it.
    page.goto("/deelnemer/netwerk")
    member = page.locator(".network-member", has_text="Zus")
    expect(member).to_contain_text("Mijn schulden op een rij")
    assert axe_violations(page) == []  # the list with a member
    member.get_by_role("button", name=re.compile("^Stoppen")).click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Wil je stoppen met Zus?")
    assert axe_violations(page) == []  # the question
    page.get_by_role("button", name="Ja, stoppen").click()
    expect(page.locator("main")).to_contain_text("Zus zit niet meer in je netwerk")
    expect(page.locator(".network-member")).to_have_count(0)

    other_page.reload()
    expect(other_page).to_have_url(re.compile(r"/inloggen"))
    expect(other_page.locator("main")).not_to_contain_text("Mijn schulden op een rij")
