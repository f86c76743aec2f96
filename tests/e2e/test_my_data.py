"""Mijn gegevens in Chromium: read page by page, "Meer laden", and download the whole file.

Production build, demo data: deelnemer29 and deelnemer30 are reserved for this module.
deelnemer30 (who reads the app in English) gets 70 extra messages from their counsellor
first, so the messages section has more than one page.
"""

import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from jouw_omgeving.models import CaseloadAssignment, Goal, User
from jouw_omgeving.routes import MY_DATA_FILE, PARTICIPANT_MY_DATA
from jouw_omgeving.services.messages import ensure_counsellor_thread
from tests.e2e.login import log_in
from tests.e2e.server import RunningApp
from tests.factories import make_message, unique

pytestmark = pytest.mark.e2e

EXTRA = 70


def _add_messages(app_server: RunningApp, username: str, prefix: str) -> None:
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            participant = session.exec(select(User).where(User.username == username)).one()
            counsellor_id = session.exec(
                select(CaseloadAssignment.counsellor_id).where(
                    CaseloadAssignment.participant_id == participant.id
                )
            ).first()
            thread = ensure_counsellor_thread(session, participant.id)
            sender = session.get(User, counsellor_id)
            for number in range(EXTRA):
                make_message(session, thread=thread, sender=sender, body=f"{prefix} {number}")
            session.commit()
    finally:
        engine.dispose()


def _goal_titles(app_server: RunningApp, username: str) -> list[str]:
    engine = sa.create_engine(app_server.db_url)
    try:
        with Session(engine) as session:
            return list(
                session.exec(
                    select(Goal.title)
                    .join(User, User.id == Goal.participant_id)
                    .where(User.username == username)
                )
            )
    finally:
        engine.dispose()


def _section(page: Page, title: str):
    return page.locator(".my-data-section").filter(has=page.get_by_role("heading", name=title))


def test_more_messages_on_request_and_the_whole_file(page: Page, app_server: RunningApp):
    prefix = unique("Testbericht")
    _add_messages(app_server, "deelnemer30", prefix)
    log_in(page, "deelnemer30", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto(PARTICIPANT_MY_DATA)
    expect(page.get_by_role("heading", name="My data", level=1)).to_be_visible()
    messages = _section(page, "Messages")
    lines = messages.locator("li")
    expect(lines.first).to_contain_text(f"{prefix} {EXTRA - 1}")  # the newest first
    expect(lines).to_have_count(50)
    messages.get_by_role("button", name="Load more").click()
    expect(lines.nth(50)).to_contain_text(f"{prefix} {EXTRA - 51}")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a file").click()
    assert download.value.suggested_filename == "mijn-gegevens.json"
    export = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert export["format"] == "jouw-omgeving-export"
    bodies = [m["body"] for m in export["tables"]["message"]]
    assert [b for b in bodies if b.startswith(prefix)] == [f"{prefix} {n}" for n in range(EXTRA)]
    assert export["tables"]["app_user"][0]["username"] == "deelnemer30"


def test_a_participant_reads_their_goals_and_nobody_else_gets_the_file(
    page: Page, other_page: Page, app_server: RunningApp
):
    titles = _goal_titles(app_server, "deelnemer29")
    assert titles, "the demo participant has goals"
    log_in(page, "deelnemer29", DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.goto(PARTICIPANT_MY_DATA)
    goals = _section(page, "Doelen en stappen")
    for title in titles[:3]:
        expect(goals).to_contain_text(title)
    expect(page.locator("#my-data-name")).not_to_be_empty()
    response = page.request.get(MY_DATA_FILE)
    assert response.status == 200
    assert {g["title"] for g in response.json()["tables"]["goal"]} == set(titles)

    other_page.goto("/inloggen")  # a browser without a session
    refused = other_page.request.get(MY_DATA_FILE)
    assert refused.status == 403
    assert "Log in" in refused.text() and titles[0] not in refused.text()
