"""The participant detail page in a real browser, as a counsellor and then as the participant:
answer a message from the detail page, give an assignment and respond to the answers, suggest
a goal the participant accepts, and fill in the own assessment beside the self-assessment.

Uses only the demo people reserved for these tests: deelnemer07 and deelnemer13
(begeleider1), deelnemer10 (begeleider4) and deelnemer15 (begeleider3). Nothing here adds
users; a new content item and the rows the flows write are all that is added.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.db import make_engine
from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.models import Assessment, Organisation, User
from jouw_omgeving.models.enums import AssessorRole, ContentKind
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.services.self_reports import assessment_form, self_assessment_record
from jouw_omgeving.services.viewer import Viewer
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.test_accessibility import axe_violations
from tests.factories import make_content_item, make_message

pytestmark = pytest.mark.e2e


def _in_app_db(app_server, work):
    """Run ``work(session)`` on the app's database and commit."""
    engine = make_engine(app_server.db_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            result = work(session)
            session.commit()
            return result
    finally:
        engine.dispose()


def _user(session: Session, username: str) -> User:
    return session.exec(select(User).where(User.username == username)).one()


def _open_detail(page: Page, counsellor: str, participant: User, tab: str) -> None:
    log_in_staff(page, counsellor)
    expect(page.locator(".caseload-row").first).to_be_visible()
    page.goto(f"/begeleider/deelnemer/{participant.public_id}")
    expect(page.locator("#participant-name")).to_have_text(participant.display_name)
    page.get_by_role("tab", name=tab).click()


def test_counsellor_reads_and_answers_a_message_from_the_detail_page(
    page: Page, other_page: Page, app_server
):
    question = f"Kun je me helpen met de brief? {uuid.uuid4().hex[:6]}"
    answer = f"Ja, neem hem morgen mee. {uuid.uuid4().hex[:6]}"

    def write_question(session: Session) -> User:
        participant = _user(session, "deelnemer07")
        thread = ensure_counsellor_thread(session, participant.id)
        make_message(session, thread=thread, sender=participant, body=question)
        return participant

    participant = _in_app_db(app_server, write_question)
    _open_detail(page, "begeleider1", participant, "Berichten")
    expect(page.locator("#messages .message-theirs").last).to_contain_text(question)
    page.get_by_label("Jouw bericht").fill(answer)
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#messages .message-mine").last).to_contain_text(answer)
    assert axe_violations(page) == []
    # The network tab shows who is in the network, without buttons to change it.
    page.get_by_role("tab", name="Netwerk").click()
    expect(page.locator("#network")).to_contain_text("Alleen de deelnemer nodigt")
    expect(page.locator("#network").get_by_role("button")).to_have_count(0)

    log_in(other_page, "deelnemer07", DEMO_PARTICIPANT_PIN)
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))
    other_page.locator("#tile-messages").click()
    other_page.locator(".thread-button").first.click()
    expect(other_page.locator("#messages .message-theirs").last).to_contain_text(answer)


def test_counsellor_gives_an_assignment_and_responds_to_the_answer(
    page: Page, other_page: Page, app_server
):
    title = f"Weekplanning maken {uuid.uuid4().hex[:6]}"
    feedback = f"Goed plan, zo houd je overzicht. {uuid.uuid4().hex[:4]}"

    def new_content(session: Session) -> User:
        participant = _user(session, "deelnemer13")
        make_content_item(
            session,
            kind=ContentKind.ASSIGNMENT,
            title=title,
            body="Kijk naar je week.",
            questions=[{"key": "plan", "type": "text", "prompt": {"nl": "Wat ga je doen?"}}],
            organisation=session.get(Organisation, participant.organisation_id),
        )
        return participant

    participant = _in_app_db(app_server, new_content)
    _open_detail(page, "begeleider1", participant, "Opdrachten")
    option = page.locator("#assign-content option", has_text=title)
    expect(option).to_have_count(1)
    page.locator("#assign-content").select_option(value=option.get_attribute("value"))
    page.locator("#assign-button").click()
    card = page.locator(".counsellor-assignment", has_text=title)
    expect(card).to_contain_text("Nog niet ingeleverd")

    log_in(other_page, "deelnemer13", DEMO_PARTICIPANT_PIN)
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))
    other_page.goto("/deelnemer/opdrachten")
    other_page.get_by_role("link", name=re.compile(re.escape(title))).click()
    other_page.get_by_label("Wat ga je doen?").fill("Elke zondag mijn week plannen")
    other_page.get_by_role("button", name="Inleveren").click()
    expect(other_page.get_by_role("status")).to_contain_text("Ingeleverd")

    page.get_by_role("tab", name="Contacten").click()
    page.get_by_role("tab", name="Opdrachten").click()  # read again on opening
    expect(card).to_contain_text("Elke zondag mijn week plannen")
    card.get_by_label("Jouw reactie").fill(feedback)
    card.get_by_role("button", name="Reactie geven").click()
    expect(card).to_contain_text(feedback)

    other_page.reload()
    expect(other_page.locator("#assignment-feedback")).to_contain_text(feedback)


def test_counsellor_suggests_a_goal_and_a_step_and_the_participant_accepts(
    page: Page, other_page: Page, app_server
):
    goal = f"Elke dag een half uur wandelen {uuid.uuid4().hex[:4]}"
    step = f"Wandelschoenen kopen {uuid.uuid4().hex[:4]}"
    participant = _in_app_db(app_server, lambda s: _user(s, "deelnemer15"))
    _open_detail(page, "begeleider3", participant, "Doelen")
    page.get_by_label("Wat wil de deelnemer bereiken?").fill(goal)
    page.locator("#goal-save").click()  # "Voorstellen" is the default
    expect(page.get_by_role("status")).to_contain_text("Voorgesteld")
    card = page.locator(".goal-card", has_text=goal)
    expect(card.locator(".suggestion")).to_have_count(1)
    card.get_by_label("Nieuwe stap").fill(step)
    card.get_by_role("button", name="Stap opslaan").click()
    expect(card).to_contain_text(step)
    expect(card.locator(".suggestion")).to_have_count(2)
    assert axe_violations(page) == []

    log_in(other_page, "deelnemer15", DEMO_PARTICIPANT_PIN)
    expect(other_page).to_have_url(re.compile(r"/deelnemer/?$"))
    other_page.goto("/deelnemer/doelen")
    board_card = other_page.locator(".goal-card", has_text=goal)
    expect(board_card).to_contain_text("Je begeleider stelt dit doel voor")
    assert axe_violations(other_page) == []
    board_card.locator(".goal-suggestion-accept").click()
    expect(other_page.get_by_role("status")).to_contain_text("Het staat nu bij je doelen")
    expect(board_card).to_contain_text("Je begeleider stelt deze stap voor")
    board_card.locator(".step-suggestion-accept").click()
    expect(board_card.locator(".suggestion")).to_have_count(0)
    expect(board_card).to_contain_text(step)

    # The counsellor's board shows the answer after reopening the participant.
    page.reload()
    expect(page.locator(".goal-card", has_text=goal).locator(".suggestion")).to_have_count(0)


def test_progress_tab_shows_the_self_assessment_beside_the_counsellors(page: Page, app_server):
    def with_a_self_assessment(session: Session) -> User:
        participant = _user(session, "deelnemer10")
        own = select(Assessment).where(
            Assessment.participant_id == participant.id,
            Assessment.assessor_role == AssessorRole.PARTICIPANT,
        )
        if session.exec(own).first() is None:
            me = Viewer.of(participant)
            form = assessment_form(session, me, participant_id=participant.id)
            self_assessment_record(
                session,
                me,
                participant_id=participant.id,
                instrument_public_id=form["public_id"],
                scores={d["key"]: 3 for d in form["domains"]},
            )
        return participant

    participant = _in_app_db(app_server, with_a_self_assessment)
    _open_detail(page, "begeleider4", participant, "Voortgang")
    expect(page.locator("#staff-chart-own")).not_to_contain_text("Nog geen beoordeling")
    form = page.locator("#counsellor-assessment")
    selects = form.locator("select")
    expect(selects.first).to_be_visible()
    for index in range(selects.count()):
        selects.nth(index).select_option(value="4")
    form.get_by_label("Notitie (niet verplicht)").fill("Na het huisbezoek")
    page.locator("#assessment-save").click()
    expect(page.get_by_role("status")).to_contain_text("Je beoordeling is opgeslagen")
    expect(page.locator("#staff-chart-counsellor")).to_contain_text(re.compile(r"(naar |: )4\."))
    expect(page.locator("#staff-chart-side")).to_contain_text("begeleider 4")
    assert axe_violations(page) == []
