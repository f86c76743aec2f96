"""Drive Reflex states without a browser, as a (possibly hostile) browser would.

How it works in Reflex 0.10.1:

- ``rx.State()`` builds the root state with every registered substate under it;
  ``await root.get_state(MyState)`` returns the substate instance to call handlers on.
- The router data of an event (headers, client address, path, query/route parameters) lives
  on the *root* state: ``root.router = RouterData.from_router_data(data)`` sets it, and every
  substate reads it through ``self.router`` (and ``self.rx_router_page.params``).
  In the real app, headers (the cookie) come from the websocket connection and cannot be
  changed by the browser; the path and the ``query`` dict (dynamic route arguments
  included) come from the event and can hold any JSON value.
- Handlers open their own database sessions (``jouw_omgeving.db.db_session``) on the app's
  database, ``REFLEX_DB_URL`` (a per-run SQLite file set in ``tests/conftest.py``; the
  ``app_db`` fixture migrates it). Rows the handler must see have to be *committed* there:
  build them inside ``with db_session() as session:`` (the factories work on any session).

Example::

    cookie = login_cookie(counsellor)
    state = await state_for(ParticipantDetailState, cookie=cookie,
                            query={"participant_public_id": "not-a-uuid"})
    events = await run_handler(state.load)
    assert state.error
"""

import os
from collections.abc import Callable
from typing import Any

import reflex as rx
from reflex.istate.data import RouterData

from jouw_omgeving.auth.cookies import session_cookie_name
from jouw_omgeving.auth.sessions import session_exchange, session_start_pending
from jouw_omgeving.db import db_session
from jouw_omgeving.models import User

CLIENT_ADDRESS = "127.0.0.77"


def login_cookie(user: User) -> str:
    """A ``Cookie`` header value with a fresh, valid session token for ``user``."""
    with db_session() as session:
        row = session.get(User, user.id)
        code = session_start_pending(session, user=row, client_address=CLIENT_ADDRESS)
        token = session_exchange(session, code=code)
    assert token is not None
    return f"{session_cookie_name()}={token}"


def router_data(
    *,
    cookie: str | None = None,
    path: str = "/",
    as_path: str | None = None,
    query: dict[str, Any] | None = None,
    client_address: str = CLIENT_ADDRESS,
) -> dict[str, Any]:
    """The ``router_data`` dict Reflex builds for an event (keys from ``RouteVar``)."""
    headers = {"origin": "http://127.0.0.1:3000", "host": "127.0.0.1:3000"}
    if cookie:
        headers["cookie"] = cookie
    return {
        "headers": headers,
        "ip": client_address,
        "pathname": path,
        "asPath": as_path or path,
        "query": query or {},
        "token": "test-client-token",
        "sid": "test-sid",
    }


def set_router(state: rx.State, **router: Any) -> None:
    """Give the next event of ``state``'s tab this router data (set on the root state).

    Keyword arguments are those of :func:`router_data`.
    """
    root = state._get_root_state()
    data = router_data(**router)
    root.router_data = data
    root.router = RouterData.from_router_data(data)


async def state_for(state_cls: type[rx.State], **router: Any) -> rx.State:
    """A fresh root state with this router data; returns the ``state_cls`` substate.

    Keyword arguments are those of :func:`router_data`.
    """
    root = rx.State()
    set_router(root, **router)
    return await root.get_state(state_cls)


async def run_handler(handler: Callable[..., Any], *args: Any) -> list[Any]:
    """Call a bound handler like Reflex does and collect what it returned or yielded.

    Afterwards every state of the tab is serialized as the Redis state manager would, and
    one larger than ``REFLEX_STATE_SIZE_LIMIT`` fails the test (see :func:`check_state_sizes`).
    """
    result = handler(*args)
    events: list[Any] = []
    if hasattr(result, "__anext__"):
        async for item in result:
            events.append(item)
    else:
        if hasattr(result, "__await__"):
            result = await result
        if hasattr(result, "__next__"):
            events.extend(result)
        elif result is not None:
            events.append(result)
    state = getattr(handler, "__self__", None)
    if isinstance(state, rx.State):
        check_state_sizes(state)
    return [e for e in events if e is not None]


def state_size_limit() -> int:
    """Bytes one serialized state may take in the tests (``REFLEX_STATE_SIZE_LIMIT``, KB)."""
    return int(os.environ["REFLEX_STATE_SIZE_LIMIT"]) * 1024


def check_state_sizes(state: rx.State) -> dict[str, int]:
    """Serialize every state of ``state``'s tab (as Redis would, each on its own) and fail
    when one is larger than :func:`state_size_limit`.

    Reflex's own check (``REFLEX_PERF_MODE=raise``) only looks at states that have
    substates, which in this app is the root alone (it holds the router data, which these
    tests fill with hostile values on purpose); this looks at every state below it.
    """
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    sizes: dict[str, int] = {}
    pending = list(root.substates.values())
    while pending:
        current = pending.pop()
        sizes[current.get_full_name()] = len(current._serialize())
        pending.extend(current.substates.values())
    limit = state_size_limit()
    too_large = {name: size for name, size in sizes.items() if size > limit}
    assert not too_large, f"state larger than {limit} bytes: {too_large}"
    return sizes


def redirect_target(events: list[Any]) -> str | None:
    """The path of the first ``rx.redirect`` among ``events``, if any."""
    for event in events:
        if not isinstance(event, rx.event.EventSpec) or "redirect" not in repr(event.handler.fn):
            continue
        for name, value in event.args:
            if str(name) == "path":
                return getattr(value, "_var_value", str(value))
    return None
