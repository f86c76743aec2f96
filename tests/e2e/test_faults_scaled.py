"""Faults in the scaled set-up: a worker killed, Redis restarted, PostgreSQL restarted.

The app runs as in production behind ``make run-scaled``: production build, PostgreSQL for
data, Redis (with a password) for Reflex state, two Granian workers on one port. All three
servers are this module's own: a private PostgreSQL and a private ``redis-server`` on free
loopback ports (the machine's shared services are never stopped), and a copy of the app (see
``test_messages_two_workers``). People write to each other in real browsers while:

- a backend worker is killed with SIGKILL: every message that showed as sent is stored
  exactly once, and the page reconnects within 10 s and shows the other person's news;
- Redis restarts (all client state gone): after at most a reload the page works again and
  nothing typed and shown as sent is lost;
- PostgreSQL restarts: an action during the outage shows "probeer het zo opnieuw", nothing
  is half-written, and the same action works once the database is back, without a restart.
"""

from __future__ import annotations

import os
import re
import signal
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session, func, select

from jouw_omgeving.db import make_engine
from jouw_omgeving.migrations import run_migrations
from jouw_omgeving.models import Message
from jouw_omgeving.services.messages_network import network_thread_start
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.outage import TRY_AGAIN
from tests.e2e.login import log_in
from tests.e2e.server import REPO, RunningApp, app_env, copy_app, free_port, serve
from tests.factories import make_network_member, make_participant
from tests.private_services import (
    PrivatePostgres,
    PrivateRedis,
    postgres_bin,
    private_postgres,
    private_redis,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL binaries are not installed"),
]
RECONNECT = 10_000  # ms: the promise to people whose worker died
LIVE = 5_000
PIN = "24680"
MEMBER_PASSWORD = "Netwerk-fout-2026"


@dataclass
class ScaledApp:
    """The running app and the servers under it."""

    app: RunningApp
    postgres: PrivatePostgres
    redis: PrivateRedis

    @property
    def base_url(self) -> str:
        """Where the browsers go."""
        return self.app.base_url


@pytest.fixture(scope="module")
def scaled(request, tmp_path_factory) -> Iterator[ScaledApp]:
    """PostgreSQL + Redis + two workers, each private to this module."""
    if not (REPO / ".web" / "node_modules").is_dir():
        request.getfixturevalue("app_server")  # installs the frontend's packages first
    base = tmp_path_factory.mktemp("faults")
    (base / "app").mkdir()
    app_dir = copy_app(base / "app")
    with private_postgres() as postgres, private_redis() as redis:
        engine = make_engine(postgres.url)
        with engine.begin() as connection:
            run_migrations(connection)
        engine.dispose()
        port = free_port()
        env = app_env(postgres.url, port)
        env.update(
            REFLEX_REDIS_URL=redis.url,
            REFLEX_USE_GRANIAN="true",
            GRANIAN_WORKERS="2",
            JO_TEST_SHOW_WORKER="1",
        )
        app = serve(app_dir, env, port, base / "server.log")
        try:
            yield ScaledApp(app, postgres, redis)
        finally:
            app.stop()


def _chat(scaled: ScaledApp) -> tuple[str, str, str]:
    """A participant, their network member, and the public id of their chat."""
    suffix = uuid.uuid4().hex[:8]
    engine = sa.create_engine(scaled.postgres.url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            participant = make_participant(
                session, username=f"e2e-f-p-{suffix}", display_name="Sanne", password=PIN
            )
            member = make_network_member(
                session,
                participant=participant,
                username=f"e2e-f-m-{suffix}",
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


def _stored(scaled: ScaledApp, texts: list[str]) -> dict[str, int]:
    """How often each text is stored as a message."""
    engine = sa.create_engine(scaled.postgres.url)
    try:
        with Session(engine) as session:
            rows = session.exec(
                select(Message.body, func.count())
                .where(Message.body.in_(texts))
                .group_by(Message.body)
            ).all()
    finally:
        engine.dispose()
    return {text: dict(rows).get(text, 0) for text in texts}


def _page(browser: Browser, scaled: ScaledApp) -> Page:
    context = browser.new_context(base_url=scaled.base_url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(20_000)
    return context.new_page()


def _open_thread(page: Page, username: str, secret: str, path: str) -> None:
    log_in(page, username, secret)
    expect(page).to_have_url(re.compile(r"/(deelnemer|netwerk)/?$"))
    page.goto(path)
    expect(page.get_by_label("Jouw bericht")).to_be_visible()


def _worker(page: Page) -> int:
    marker = page.locator("#worker")
    expect(marker).to_have_attribute("data-pid", re.compile(r"^\d+$"))
    return int(marker.get_attribute("data-pid"))


def _type(page: Page, text: str) -> None:
    page.get_by_label("Jouw bericht").fill(text)


def _send(page: Page, text: str, timeout: float = LIVE) -> None:
    _type(page, text)
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#messages .message-mine").last).to_contain_text(text, timeout=timeout)


def _shown_as_sent(page: Page) -> list[str]:
    return [
        t.strip() for t in page.locator("#messages .message-mine .message-body").all_inner_texts()
    ]


def test_a_killed_worker_loses_no_message_and_the_page_comes_back(
    browser: Browser, scaled: ScaledApp
):
    participant, member, thread = _chat(scaled)
    page, other = _page(browser, scaled), _page(browser, scaled)
    try:
        _open_thread(page, participant, PIN, f"/deelnemer/berichten/{thread}")
        _open_thread(other, member, MEMBER_PASSWORD, f"/netwerk/berichten/{thread}")
        sent = []
        for n in range(3):
            sent.append(f"Voor de crash {n} {uuid.uuid4().hex[:6]}")
            _send(page, sent[-1])
        typing = f"Half getypt tijdens de crash {uuid.uuid4().hex[:6]}"
        _type(page, typing)

        killed = _worker(page)
        for _ in range(12):  # both people on the worker that dies: the harder case
            if _worker(other) == killed:
                break
            other.reload()
        os.kill(killed, signal.SIGKILL)
        started = time.monotonic()
        for tab in (page, other):  # reconnected: the page loaded again, by another worker
            expect(tab.locator("#worker")).not_to_have_attribute(
                "data-pid", str(killed), timeout=RECONNECT
            )
        print(f"worker killed: both pages reconnected after {time.monotonic() - started:.1f} s")
        news = f"Nieuws van Lotte {uuid.uuid4().hex[:6]}"
        _type(other, news)
        # A click that reached the dying worker is lost; the box keeps the text (and its
        # idempotency key), so people press again, as the page asks them to.
        _press_send_until_shown(other, news)
        _press_send_until_shown(page, typing)
        expect(page.locator("#messages")).to_contain_text(news, timeout=LIVE)
        sent.append(typing)
        for n in range(2):
            sent.append(f"Na de crash {n} {uuid.uuid4().hex[:6]}")
            _send(page, sent[-1])

        shown = _shown_as_sent(page)
        assert all(any(text in line for line in shown) for text in sent)
        assert _stored(scaled, sent) == dict.fromkeys(sent, 1)
    finally:
        page.context.close()
        other.context.close()


def _press_send_until_shown(page: Page, text: str, *, reload: bool = False) -> int:
    """Press "Versturen" until ``text`` shows as sent; with ``reload``, reload in between
    (the draft comes back from the browser's storage). Returns how many retries it took.
    """
    attempts = 3
    for attempt in range(attempts):
        page.get_by_role("button", name="Versturen").click()
        try:
            expect(page.locator("#messages .message-mine").last).to_contain_text(
                text, timeout=RECONNECT / 2
            )
            return attempt
        except AssertionError:
            if attempt == attempts - 1:
                raise
            if reload:
                page.reload()
            expect(page.get_by_label("Jouw bericht")).to_have_value(text, timeout=RECONNECT)
    return attempts


def test_a_redis_restart_loses_nothing_at_most_a_reload(browser: Browser, scaled: ScaledApp):
    participant, member, thread = _chat(scaled)
    page, other = _page(browser, scaled), _page(browser, scaled)
    try:
        _open_thread(page, participant, PIN, f"/deelnemer/berichten/{thread}")
        _open_thread(other, member, MEMBER_PASSWORD, f"/netwerk/berichten/{thread}")
        sent = [f"Voor de herstart {n} {uuid.uuid4().hex[:6]}" for n in range(2)]
        for text in sent:
            _send(page, text)

        scaled.redis.stop()
        scaled.redis.start()  # empty: every client's state is gone

        after = f"Na de herstart van Redis {uuid.uuid4().hex[:6]}"
        _type(page, after)
        reloads = _press_send_until_shown(page, after, reload=True)
        sent.append(after)
        print(f"Redis restart: the participant needed {reloads} reload(s)")
        answer = f"Gezien! {uuid.uuid4().hex[:6]}"
        _type(other, answer)
        other_reloads = _press_send_until_shown(other, answer, reload=True)
        print(f"Redis restart: the network member needed {other_reloads} reload(s)")
        page.reload()
        for text in [*sent, answer]:
            expect(page.locator("#messages")).to_contain_text(text)
        assert _stored(scaled, [*sent, answer]) == dict.fromkeys([*sent, answer], 1)
    finally:
        page.context.close()
        other.context.close()


def test_a_postgres_restart_says_try_again_and_then_works(browser: Browser, scaled: ScaledApp):
    participant, member, thread = _chat(scaled)
    page, other = _page(browser, scaled), _page(browser, scaled)
    try:
        _open_thread(page, participant, PIN, f"/deelnemer/berichten/{thread}")
        _open_thread(other, member, MEMBER_PASSWORD, f"/netwerk/berichten/{thread}")
        first = f"Voor de storing {uuid.uuid4().hex[:6]}"
        _send(page, first)

        during = f"Tijdens de storing {uuid.uuid4().hex[:6]}"
        scaled.postgres.stop()
        try:
            _type(page, during)
            page.get_by_role("button", name="Versturen").click()
            expect(page.get_by_text(TRY_AGAIN).first).to_be_visible(timeout=RECONNECT)
            expect(page.get_by_label("Jouw bericht")).to_have_value(during)  # nothing lost
        finally:
            scaled.postgres.start()
        assert _stored(scaled, [during]) == {during: 0}  # nothing half-written

        page.get_by_role("button", name="Versturen").click()  # the same action, app not restarted
        expect(page.locator("#messages .message-mine").last).to_contain_text(during)
        news = f"Weer bereikbaar {uuid.uuid4().hex[:6]}"
        _send(other, news)
        expect(page.locator("#messages")).to_contain_text(news, timeout=LIVE)
        assert _stored(scaled, [first, during, news]) == {first: 1, during: 1, news: 1}
    finally:
        page.context.close()
        other.context.close()
