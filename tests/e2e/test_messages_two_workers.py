"""Two backend workers sharing Redis: a message sent through one reaches a client of the other.

The app runs as in a scaled set-up: production build, ``REFLEX_REDIS_URL`` (client state in
Redis) and two Granian worker processes on one port. With the test-only
``JO_TEST_SHOW_WORKER=1`` an open thread names the process serving its websocket; the second
browser reloads (a bounded number of times) until its websocket is held by the *other*
worker, then the two people write to each other and each sees the other's message live.

The server is started from a copy of the app (the built frontend included, node_modules
linked), because a production start rebuilds ``.web`` and would change the frontend under
the session's shared ``app_server``. Skipped unless ``JO_TEST_REDIS_URL`` is set (CI sets it).
"""

import os
import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from jouw_omgeving.services.messages_network import network_thread_start
from jouw_omgeving.services.viewer import Viewer
from tests.e2e.login import log_in
from tests.e2e.server import REPO, VENV_BIN, RunningApp, app_env, copy_app, free_port, serve
from tests.factories import make_network_member, make_participant

REDIS_URL = os.environ.get("JO_TEST_REDIS_URL")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not REDIS_URL, reason="JO_TEST_REDIS_URL is not set (no Redis to share)"),
]
LIVE = 5_000  # ms: a poll every second; allow for a slow shared machine
MAX_RECONNECTS = 12  # two workers: the chance of never reaching the other is 1 in 4,096
PIN = "13579"
MEMBER_PASSWORD = "Netwerk-test-2026"


def _start(app_dir: Path, log_path: Path, timeout: float = 180) -> RunningApp:
    port = free_port()
    db_url = f"sqlite:///{app_dir / 'two-workers.db'}"
    env = app_env(db_url, port)
    env.update(
        REFLEX_REDIS_URL=REDIS_URL,
        REFLEX_USE_GRANIAN="true",
        GRANIAN_WORKERS="2",
        JO_TEST_SHOW_WORKER="1",
    )
    subprocess.run(
        [str(VENV_BIN / "reflex"), "db", "migrate"],
        cwd=app_dir,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return serve(app_dir, env, port, log_path, timeout)


@pytest.fixture(scope="module")
def two_workers(request, tmp_path_factory) -> Iterator[RunningApp]:
    """The app with Redis and two worker processes, from its own copy of the app."""
    if not (REPO / ".web" / "node_modules").is_dir():
        request.getfixturevalue("app_server")  # installs the frontend's packages first
    base = tmp_path_factory.mktemp("two-workers")
    (base / "app").mkdir()
    app_dir = copy_app(base / "app")
    app = _start(app_dir, base / "server.log")
    yield app
    app.stop()


def _chat(app: RunningApp) -> tuple[str, str, str]:
    """A participant, their network member, and the public id of their chat."""
    suffix = uuid.uuid4().hex[:8]
    engine = sa.create_engine(app.db_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            participant = make_participant(
                session, username=f"e2e-2w-p-{suffix}", display_name="Sanne", password=PIN
            )
            member = make_network_member(
                session,
                participant=participant,
                username=f"e2e-2w-m-{suffix}",
                display_name="Zus Lotte",
                password=MEMBER_PASSWORD,
            )
            thread = network_thread_start(
                session, Viewer.of(participant), member_public_id=str(member.public_id)
            )
            session.commit()
            public_id = str(thread.public_id)
    finally:
        engine.dispose()
    return participant.username, member.username, public_id


def _context_page(browser: Browser, app: RunningApp) -> Page:
    context = browser.new_context(base_url=app.base_url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(20_000)
    return context.new_page()


def _worker(page: Page) -> str:
    marker = page.locator("#worker")
    expect(marker).to_have_attribute("data-pid", re.compile(r"^\d+$"))
    return marker.get_attribute("data-pid")


def _send(page: Page, text: str) -> None:
    box = page.get_by_label("Jouw bericht")
    box.fill(text)
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#messages .message-mine").last).to_contain_text(text)


def test_a_message_through_one_worker_reaches_a_client_of_the_other(
    browser: Browser, two_workers: RunningApp
):
    participant, member, thread = _chat(two_workers)
    page, other = _context_page(browser, two_workers), _context_page(browser, two_workers)
    try:
        log_in(page, participant, PIN)
        expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
        page.goto(f"/deelnemer/berichten/{thread}")
        first = _worker(page)

        log_in(other, member, MEMBER_PASSWORD)
        expect(other).to_have_url(re.compile(r"/netwerk/?$"))
        other.goto(f"/netwerk/berichten/{thread}")
        for _ in range(MAX_RECONNECTS):
            if _worker(other) != first:
                break
            other.reload()  # a new websocket, accepted by whichever worker
        second = _worker(other)
        assert second != first, f"both browsers stayed on worker {first}"

        question = f"Zie je dit via de andere worker? {uuid.uuid4().hex[:6]}"
        _send(page, question)
        expect(other.locator("#messages .message-theirs").last).to_contain_text(
            question, timeout=LIVE
        )
        answer = f"Ja! {uuid.uuid4().hex[:6]}"
        _send(other, answer)
        expect(page.locator("#messages .message-theirs").last).to_contain_text(answer, timeout=LIVE)
        expect(page.locator("#messages .message-mine").last.locator(".message-read")).to_be_visible(
            timeout=LIVE
        )
        assert (_worker(page), _worker(other)) == (first, second)  # no reconnect in between
    finally:
        page.context.close()
        other.context.close()
