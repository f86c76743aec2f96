"""Helpers for the live thread: who is polling (without extending their session), whether
their browser is still connected (to any backend worker), and uploads off the event loop.

The database is the shared truth: every open thread page runs one background loop on the
worker that served its ``watch`` event. The worker's news board
(:mod:`jouw_omgeving.state.thread_news`) asks once a second, for all the threads open on
that worker together, one indexed question, "anything newer?" (the newest message id and
the read markers), without touching any tab's state; only a page whose thread changed
reads the news (checking the session and the access again, :func:`poll_as`) and updates.
Every :data:`RECHECK_SECONDS` a page checks the session and the page anyway, so a loop of a
tab that moved on or logged out ends. That works the same with one worker or many behind
Redis, because nothing is kept in a worker's memory that another worker needs.
"""

import logging
import os
import secrets

from jouw_omgeving.auth.cookies import session_token_from_header
from jouw_omgeving.auth.sessions import session_check
from jouw_omgeving.db import db_session
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.messages import MessageItem, PollResult, poll_thread
from jouw_omgeving.services.messages_attachments import attachment_send
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.settings import get_settings

logger = logging.getLogger(__name__)

# Test-only: with this set to "1", an open thread names the backend process that serves it
# (the browser test of two workers behind Redis needs to know). Off in every real set-up.
SHOW_WORKER_VARIABLE = "JO_TEST_SHOW_WORKER"

# Without news, the session and the tab's page are still checked this often.
RECHECK_SECONDS = 10.0
# A page left open is polled at most this long; the idle timeout usually ends it sooner.
MAX_WATCH_SECONDS = 4 * 3600


def worker_label() -> str:
    """This backend process's id when the test-only variable asks for it, else ``""``."""
    return str(os.getpid()) if os.environ.get(SHOW_WORKER_VARIABLE) == "1" else ""


def viewer_without_touch(cookie_header: str, client_address: str) -> Viewer | None:
    """The viewer of a still-valid session, without marking the session as active.

    A poll is not the person doing something: it must not keep a shared phone logged in
    past its idle timeout, so the session's activity is not recorded.
    """
    token = session_token_from_header(cookie_header)
    with db_session(write=False) as session:
        check = session_check(session, token=token)
    if check is None or check.user.must_change_password:
        return None
    return Viewer.of(check.user, client_address)


async def client_connected(token: str) -> bool:
    """Whether the browser tab with this Reflex token still has a websocket (any worker).

    Uses Reflex's token manager (with Redis it knows the sockets of every worker). When it
    cannot be asked (e.g. outside a running app), the loop's other limits still apply.
    """
    try:
        from reflex_base.registry import RegistrationContext

        namespace = RegistrationContext.get().app.event_namespace
        if namespace is None:
            return True
        return await namespace._token_manager.is_token_connected(token)
    except Exception:  # internal API: never break the page over it
        logger.debug("cannot ask the token manager", exc_info=True)
        return True


def still_allowed(cookie_header: str, client_address: str, roles: tuple) -> bool:
    """Whether the tab's session is still valid for one of ``roles`` (not extending it)."""
    viewer = viewer_without_touch(cookie_header, client_address)
    return viewer is not None and viewer.role in roles


def poll_as(
    cookie_header: str, client_address: str, thread_id: int, after_id: int, roles: tuple
) -> PollResult | None:
    """One poll for the tab's user: news since ``after_id``, or ``None`` to stop polling."""
    viewer = viewer_without_touch(cookie_header, client_address)
    if viewer is None or viewer.role not in roles:
        return None
    try:
        with db_session() as session:
            return poll_thread(session, viewer, thread_id=thread_id, after_id=after_id)
    except ServiceError:
        return None


def store_attachment(
    viewer: Viewer, thread_public_id: str, filename: object, data: bytes
) -> MessageItem:
    """Send an uploaded file as a message (run off the event loop: it writes a file)."""
    with db_session() as session:
        return attachment_send(
            session,
            viewer,
            thread_public_id=thread_public_id,
            filename=filename,
            data=data,
            idempotency_key=secrets.token_hex(16),
            data_dir=get_settings().data_dir,
        )
