"""Opdrachten, Informatie and Digitale vaardigheden, as a participant uses them on a phone.

Each test creates its own participant (and counsellor) in the app's database with the
factories, so demo people and their counts stay as other tests expect.
"""

import re
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.models import Assignment, Organisation, Submission, User
from jouw_omgeving.models.enums import ContentKind
from jouw_omgeving.services.assignments_counsellor import feedback_give
from jouw_omgeving.services.viewer import Viewer
from tests.e2e.login import log_in
from tests.e2e.server import RunningApp
from tests.e2e.test_accessibility import axe_violations
from tests.factories import (
    make_assignment,
    make_content_item,
    make_counsellor,
    make_participant,
    unique,
)

pytestmark = pytest.mark.e2e
PIN = "24680"
QUESTIONS = [
    {
        "key": "plan",
        "type": "choice",
        "prompt": {"nl": "Wanneer doe je boodschappen?", "en": "When do you shop?"},
        "options": [{"nl": "Elke dag"}, {"nl": "Eén keer per week"}],
    },
    {"key": "why", "type": "text", "prompt": {"nl": "Waarom dan?", "en": "Why then?"}},
]
HOSTILE = (
    "Lees dit goed.\n\n<script>window.__pwned = 1</script>\n\n"
    '<img src="x" onerror="window.__pwned = 2">\n\n**Vetgedrukt** blijft werken.'
)


@dataclass
class People:
    username: str
    counsellor_id: int
    assignment_title: str
    info_title: str


def _people(app_server: RunningApp) -> People:
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            counsellor = make_counsellor(session)
            participant = make_participant(
                session, counsellor=counsellor, username=unique("opdracht"), password=PIN
            )
            organisation = session.get(Organisation, participant.organisation_id)
            title = unique("Boodschappen plannen")
            item = make_content_item(
                session, title=title, questions=QUESTIONS, organisation=organisation
            )
            make_assignment(session, participant=participant, content=item, assigned_by=counsellor)
            info = unique("Let op je post")
            make_content_item(
                session,
                kind=ContentKind.INFO,
                title=info,
                body=HOSTILE,
                questions=[],
                organisation=organisation,
            )
            session.commit()
            return People(participant.username, counsellor.id, title, info)
    finally:
        engine.dispose()


def _give_feedback(app_server: RunningApp, counsellor_id: int, text: str) -> None:
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            submission = session.exec(
                select(Submission)
                .join(Assignment, Assignment.id == Submission.assignment_id)
                .where(Assignment.assigned_by_id == counsellor_id)
            ).one()
            viewer = Viewer.of(session.get(User, counsellor_id))
            feedback_give(session, viewer, submission_public_id=submission.public_id, body=text)
            session.commit()
    finally:
        engine.dispose()


def test_answer_an_assignment_save_reload_submit_and_read_feedback(
    page: Page, app_server: RunningApp
):
    people = _people(app_server)
    log_in(page, people.username, PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-assignments").click()
    expect(page.get_by_role("heading", name="Opdrachten", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name=re.compile(people.assignment_title)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(people.assignment_title)
    assert axe_violations(page) == []

    page.get_by_text("Eén keer per week").click()
    page.get_by_label("Waarom dan?").fill("Dan heb ik geld")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_role("status")).to_have_text("Bewaard. Je kunt later verder.")

    page.reload()
    expect(page.get_by_label("Waarom dan?")).to_have_value("Dan heb ik geld")
    expect(page.get_by_role("radio", name="Eén keer per week")).to_be_checked()
    page.get_by_role("button", name="Inleveren").click()
    expect(page.get_by_role("status")).to_have_text("Ingeleverd! Je begeleider kan het nu lezen.")
    expect(page.locator("#assignment-status")).to_have_text("Ingeleverd")
    expect(page.get_by_label("Waarom dan?")).to_be_disabled()

    _give_feedback(app_server, people.counsellor_id, "Slim bedacht!")
    page.reload()
    expect(page.locator("#assignment-feedback")).to_contain_text("Slim bedacht!")
    expect(page.locator("#assignment-status")).to_have_text("Reactie gekregen")
    assert axe_violations(page) == []


def test_a_lesson_check_raises_progress_and_html_in_content_stays_text(
    page: Page, app_server: RunningApp
):
    people = _people(app_server)
    log_in(page, people.username, PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-assignments").click()

    page.get_by_role("link", name="Informatie").click()
    page.get_by_role("link", name=people.info_title).click()
    body = page.locator("#content-body")
    expect(body).to_contain_text("<script>window.__pwned = 1</script>")
    expect(body.locator("strong")).to_have_text("Vetgedrukt")
    assert body.locator("script, img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert axe_violations(page) == []

    page.goto("/deelnemer/opdrachten")
    page.get_by_role("link", name="Digitale vaardigheden").click()
    progress = page.locator("#track-progress")
    expect(progress).to_have_text(re.compile(r"^0 van \d+ gedaan$"))
    total = progress.inner_text().split()[2]
    assert axe_violations(page) == []
    page.locator("#lesson-list a").first.click()
    expect(page.locator("#lesson-title")).to_be_visible()
    assert axe_violations(page) == []
    for group in page.locator("#questions [role=radiogroup]").all():
        group.get_by_role("radio").first.check()
    page.get_by_role("button", name="Klaar, inleveren").click()
    expect(page.locator("#lesson-done")).to_contain_text("Deze les is gedaan.")
    page.get_by_role("link", name="Digitale vaardigheden").click()
    expect(progress).to_have_text(f"1 van {total} gedaan")
