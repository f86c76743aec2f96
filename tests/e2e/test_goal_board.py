"""The writable goal board, settings and read-aloud, as a participant uses them on a phone.

Demo people reserved for these tests: deelnemer02 (English interface, network member
netwerk2), deelnemer08 and deelnemer14 (larger text on), all on begeleider2's caseload;
deelnemer19 (English interface) and deelnemer21 for the short cards of the board.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.db import db_session
from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN, DEMO_STAFF_PASSWORD
from jouw_omgeving.i18n import format_date
from jouw_omgeving.models import CaseloadAssignment, Goal, GoalStep, User
from jouw_omgeving.models.enums import StepStatus
from jouw_omgeving.services.goal_suggestions import counsellor_step_add
from jouw_omgeving.services.viewer import Viewer
from tests.e2e.login import log_in
from tests.e2e.test_accessibility import axe_violations

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


def _open_steps(session: Session, username: str, goal_title: str) -> tuple[Goal, list[GoalStep]]:
    participant = session.exec(select(User).where(User.username == username)).one()
    goal = session.exec(
        select(Goal).where(Goal.participant_id == participant.id, Goal.title == goal_title)
    ).one()
    steps = session.exec(
        select(GoalStep)
        .where(GoalStep.goal_id == goal.id, GoalStep.status == StepStatus.OPEN)
        .order_by(GoalStep.position, GoalStep.id)
    ).all()
    return goal, list(steps)


def test_a_card_shows_the_next_steps_and_an_answer_keeps_the_board_in_english(
    page: Page, app_server
):
    """deelnemer19 reads English; their counsellor suggests one more step for a long goal."""
    suggestion = f"Bellen met de woningcorporatie {uuid.uuid4().hex[:4]}"

    with db_session(app_server.db_url) as session:  # the app's own database
        goal, steps = _open_steps(session, "deelnemer19", "Een eigen huis vinden")
        counsellor_id = session.exec(
            select(CaseloadAssignment.counsellor_id).where(
                CaseloadAssignment.participant_id == goal.participant_id,
                CaseloadAssignment.ends_at.is_(None),
            )
        ).first()
        counsellor = Viewer.of(session.get(User, counsellor_id))
        counsellor_step_add(
            session, counsellor, goal_public_id=str(goal.public_id), title=suggestion, suggest=True
        )
        open_steps = [(s.title, format_date(s.due_date, "en")) for s in steps if s.due_date]
    assert len(open_steps) == 4  # the demo goal: four open steps, each with a date
    _log_in_participant(page, "deelnemer19")
    page.locator("#tile-goals").click()
    card = page.locator(".goal-card", has_text="Een eigen huis vinden")
    expect(card).to_contain_text("0 / 5 steps done")
    rows = card.locator(".step-row")
    expect(rows).to_have_count(4)  # the next three open steps, and the suggestion
    for row, (title, due) in zip(rows.all()[:3], open_steps, strict=False):
        expect(row).to_contain_text(title)
        expect(row).to_contain_text(f"Done by {due}")
    expect(card).not_to_contain_text(open_steps[3][0])
    expect(rows.last).to_contain_text(f"Your counsellor suggests this step: {suggestion}")
    assert axe_violations(page) == []

    rows.last.get_by_role("button", name=re.compile("^Yes, I will")).click()
    expect(page.get_by_role("status")).to_have_text("Great! It is now with your goals.")
    # Accepted, it is an ordinary step after the first three: counted, not listed.
    expect(card.locator(".suggestion")).to_have_count(0)
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text(f"Done by {open_steps[0][1]}")  # not in Dutch
    more = card.get_by_role("link", name=re.compile("^And 2 other steps"))
    more.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een eigen huis vinden")
    steps = page.locator("#steps")
    for title, _due in open_steps:
        expect(steps).to_contain_text(title)
    expect(steps).to_contain_text(suggestion)


def test_a_short_goal_shows_all_its_open_steps_and_a_finished_step_only_counted(page: Page):
    """deelnemer21 (Dutch): two open steps of three, then a step done on the goal's page."""
    _log_in_participant(page, "deelnemer21")
    page.locator("#tile-goals").click()
    card = page.locator(".goal-card", has_text="Naar de tandarts gaan")
    expect(card).to_contain_text("2 / 3 stappen klaar")
    expect(card.locator(".step-row")).to_have_count(1)
    expect(card.locator(".step-row")).to_contain_text("Naar de afspraak gaan")
    expect(card.get_by_role("link", name=re.compile("^En nog 2 andere stappen"))).to_be_visible()

    card.get_by_role("link", name=re.compile("^Openen")).click()
    page.locator(".step-done-button").click()  # the goal's one open step
    expect(page.locator("#celebration")).to_contain_text("Alle stappen zijn klaar")
    page.get_by_role("link", name="Mijn doelen").click()
    card = page.locator(".goal-card", has_text="Naar de tandarts gaan")
    expect(card).to_contain_text("3 / 3 stappen klaar")
    expect(card.locator(".step-row")).to_have_count(0)
    expect(card.get_by_role("link", name=re.compile("^En nog"))).to_have_count(0)
