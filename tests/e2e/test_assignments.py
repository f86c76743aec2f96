"""Opdrachten, Informatie and Digitale vaardigheden, as a participant uses them on a phone.

Demo people reserved for these tests: deelnemer31 and deelnemer37 (begeleider1's caseload).
New content (and an assignment from begeleider1) is added with the factories; no users are
created, because other browser tests count the demo accounts.
"""

import re
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
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
    unique,
)

pytestmark = pytest.mark.e2e
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
class Prepared:
    content_id: int
    counsellor_id: int
    title: str


def _user(session: Session, username: str) -> User:
    return session.exec(select(User).where(User.username == username)).one()


def _prepare(app_server: RunningApp, username: str, *, kind: str, body: str = "") -> Prepared:
    """A new item for the reserved participant (an assignment from begeleider1, or information).

    No users are created: other browser tests count the demo accounts.
    """
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            participant = _user(session, username)
            counsellor = _user(session, "begeleider1")
            organisation = session.get(Organisation, participant.organisation_id)
            title = unique("Boodschappen plannen" if kind == ContentKind.ASSIGNMENT else "Post")
            item = make_content_item(
                session,
                kind=kind,
                title=title,
                body=body or "Kijk naar je week.",
                questions=QUESTIONS if kind == ContentKind.ASSIGNMENT else [],
                organisation=organisation,
            )
            if kind == ContentKind.ASSIGNMENT:
                make_assignment(
                    session, participant=participant, content=item, assigned_by=counsellor
                )
            session.commit()
            return Prepared(item.id, counsellor.id, title)
    finally:
        engine.dispose()


def _give_feedback(app_server: RunningApp, prepared: Prepared, text: str) -> None:
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            submission = session.exec(
                select(Submission)
                .join(Assignment, Assignment.id == Submission.assignment_id)
                .where(Assignment.content_id == prepared.content_id)
            ).one()
            viewer = Viewer.of(session.get(User, prepared.counsellor_id))
            feedback_give(session, viewer, submission_public_id=submission.public_id, body=text)
            session.commit()
    finally:
        engine.dispose()


def test_answer_an_assignment_save_reload_submit_and_read_feedback(
    page: Page, app_server: RunningApp
):
    task = _prepare(app_server, "deelnemer31", kind=ContentKind.ASSIGNMENT)
    log_in(page, "deelnemer31", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-assignments").click()
    expect(page.get_by_role("heading", name="Opdrachten", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name=re.compile(task.title)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(task.title)
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

    _give_feedback(app_server, task, "Slim bedacht!")
    page.reload()
    expect(page.locator("#assignment-feedback")).to_contain_text("Slim bedacht!")
    expect(page.locator("#assignment-status")).to_have_text("Reactie gekregen")
    assert axe_violations(page) == []


def test_a_lesson_check_raises_progress_and_html_in_content_stays_text(
    page: Page, app_server: RunningApp
):
    info = _prepare(app_server, "deelnemer37", kind=ContentKind.INFO, body=HOSTILE)
    log_in(page, "deelnemer37", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-assignments").click()

    page.get_by_role("link", name="Informatie").click()
    page.get_by_role("link", name=info.title).click()
    body = page.locator("#content-body")
    expect(body).to_contain_text("<script>window.__pwned = 1</script>")
    expect(body.locator("strong")).to_have_text("Vetgedrukt")
    assert body.locator("script, img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert axe_violations(page) == []

    page.goto("/deelnemer/opdrachten")
    page.get_by_role("link", name="Digitale vaardigheden").click()
    progress = page.locator("#track-progress")
    expect(progress).to_have_text(re.compile(r"^\d+ van \d+ gedaan$"))
    done, _, total, _ = progress.inner_text().split()
    assert axe_violations(page) == []
    open_lessons = page.locator("#lesson-list li").filter(has_not_text="Gedaan")
    if open_lessons.count() == 0:
        pytest.fail("deelnemer37 has done every lesson in the demo data: pick another participant")
    open_lessons.first.locator("a").click()
    expect(page.locator("#lesson-title")).to_be_visible()
    assert axe_violations(page) == []
    for group in page.locator("#questions [role=radiogroup]").all():
        first = group.get_by_role("radio").first
        first.click()
        expect(first).to_be_checked()
    page.get_by_role("button", name="Klaar, inleveren").click()
    expect(page.locator("#lesson-done")).to_contain_text("Deze les is gedaan.")
    page.get_by_role("link", name="Digitale vaardigheden").click()
    expect(progress).to_have_text(f"{int(done) + 1} van {total} gedaan")
