"""Changing a step and its due date with the keyboard only, as deelnemer24 (reserved)."""

import re

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from tests.e2e.login import log_in

pytestmark = pytest.mark.e2e


def test_change_a_step_give_it_a_date_see_it_late_on_the_board_and_take_it_away(page: Page):
    log_in(page, "deelnemer24", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-goals").click()
    page.get_by_role("link", name="Nieuw doel").click()
    page.get_by_label("Wat wil je bereiken?").fill("Een fiets kopen")
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/doel/[0-9a-f-]{36}$"))
    goal_url = page.url
    step_field = page.get_by_label("Nieuwe stap")
    step_field.fill("Geld sparen")
    step_field.press("Enter")
    expect(page.locator("#steps")).to_contain_text("Geld sparen")

    # Keyboard only: Shift+Tab from the new-step field reaches the step's "Wijzigen".
    step_field.focus()
    page.keyboard.press("Shift+Tab")
    expect(page.locator(":focus")).to_have_class(re.compile("step-edit-button"))
    page.keyboard.press("Enter")
    title = page.locator(".step-form input[name=title]")
    expect(title).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Elke week 10 euro sparen")
    page.keyboard.press("Tab")
    expect(page.locator(".step-form input[name=due_date]")).to_be_focused()
    page.locator(".step-form input[name=due_date]").fill("2020-01-06")  # a day in the past
    page.keyboard.press("Enter")
    expect(page.locator("#celebration")).to_contain_text("De stap is aangepast.")
    steps = page.locator("#steps")
    expect(steps).to_contain_text("Elke week 10 euro sparen")
    expect(steps).to_contain_text("Af op 6 januari 2020")
    expect(steps.locator(".step-late")).to_have_text("Te laat")

    # The board shows the due date and that it is late, in words.
    page.get_by_role("link", name="Mijn doelen").click()
    card = page.locator(".goal-card", has_text="Een fiets kopen")
    expect(card).to_contain_text("Af op 6 januari 2020")
    expect(card.locator(".step-late")).to_have_text("Te laat")

    # Take the date away again.
    page.goto(goal_url)
    page.locator(".step-edit-button").first.click()
    page.get_by_role("button", name="Datum weghalen").click()
    expect(page.locator("#celebration")).to_contain_text("De datum is weg.")
    expect(steps.locator(".step-due")).to_have_count(0)
    expect(steps).to_contain_text("Elke week 10 euro sparen")


def test_quick_exit_leaves_at_once_and_the_page_is_not_in_the_back_history(page: Page):
    log_in(page, "deelnemer24", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-goals").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/doelen/?$"))
    page.get_by_role("button", name="Snel weg").click()
    expect(page).to_have_url(re.compile(r"/inloggen/?$"))  # the neutral site in tests
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"/deelnemer/doelen/?$"))
