"""One simulated browser tab speaking Reflex 0.10.1's websocket protocol (socket.io).

What a real tab does, read from Reflex's ``state.js`` and ``app.py``:

- it connects to ``/_event`` (socket.io path *and* namespace) with its tab token in the query
  (``?token=…``), the HttpOnly session cookie in the handshake and its page's origin;
- the hydrate event (``<root>.hydrate_and_load``) rides in the CONNECT packet's ``auth``
  (``{"event": …}``): the backend sends the state, runs the page's on_load handlers and
  finally sets ``is_hydrated`` to true;
- a click sends ``["event", {"name": "<state path>.<handler>", "payload": {arg: value},
  "router_data": {"pathname", "asPath", "query"}}]``; a client-side navigation sends
  ``<root>.<on_load_internal_state>.on_load_internal`` with the new page's router data;
- the server answers with ``event`` messages ``{"delta": {state path: {var_rx_state_: …}},
  "events": [...]}``; there is no "done" marker (``final`` is deprecated), so a round trip
  ends at the first update that shows what the user waits for (see :mod:`bench.load.actions`).

The tab here uses python-socketio's ``AsyncClient`` (websocket transport only, as the
browser does after Reflex 0.10's default ``transports=["websocket"]``).
"""

import asyncio
import contextlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import socketio

NAMESPACE = "/_event"
ROOT = "reflex___state____state"
HYDRATE = f"{ROOT}.hydrate_and_load"
NAVIGATE = f"{ROOT}.reflex___state____on_load_internal_state.on_load_internal"

Delta = dict[str, dict[str, Any]]
Done = Callable[[Delta, list[dict]], bool]


def hydrated(delta: Delta, _events: list[dict]) -> bool:
    """The page is ready: every on_load handler ran and ``is_hydrated`` became true."""
    return delta.get(ROOT, {}).get("is_hydrated_rx_state_") is True


def any_update(_delta: Delta, _events: list[dict]) -> bool:
    """The first answer at all (the echo server's only one)."""
    return True


def router_data(path: str, query: dict[str, str] | None = None) -> dict[str, Any]:
    """What the frontend puts in every event: the page it is on."""
    data: dict[str, Any] = {"pathname": path, "asPath": path}
    if query:
        data["query"] = dict(query)
    return data


@dataclass
class Tab:
    """One websocket connection, like one browser tab; one round trip at a time."""

    base_url: str
    cookie: str = ""
    token: str = field(default_factory=lambda: str(uuid.uuid4()))
    page: str = "/"
    query: dict[str, str] = field(default_factory=dict)
    redirects: int = 0
    alerts: int = 0
    _waiter: tuple[Done, asyncio.Future] | None = None
    _events: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False, handle_sigint=False)
        self.sio.on("event", self._on_update, namespace=NAMESPACE)

    async def _on_update(self, update: dict) -> None:
        delta = update.get("delta") or {}
        events = update.get("events") or []
        for event in events:
            name = event.get("name", "")
            if name == "_redirect":
                self.redirects += 1
            elif name == "_call_function" and "toast" in str(event.get("payload", ""))[:2000]:
                self.alerts += 1  # Reflex's default backend exception handler
        self._events.extend(events)
        waiter = self._waiter
        if waiter is not None and not waiter[1].done() and waiter[0](delta, events):
            waiter[1].set_result(time.perf_counter())

    def take_events(self) -> list[dict]:
        """The frontend events the server sent since the last call (e.g. call_script)."""
        events, self._events = self._events, []
        return events

    async def _round_trip(self, send, done: Done, timeout: float) -> float:
        future = asyncio.get_running_loop().create_future()
        self._waiter = (done, future)
        started = time.perf_counter()
        try:
            await send()
            finished = await asyncio.wait_for(future, timeout)
        finally:
            self._waiter = None
        return finished - started

    async def open(
        self,
        page: str,
        query: dict[str, str] | None = None,
        *,
        done: Done = hydrated,
        timeout: float = 30.0,
    ) -> float:
        """Connect on ``page`` (a full page load) and wait until it is hydrated; seconds."""
        self.page, self.query = page, dict(query or {})
        boot = {"name": HYDRATE, "payload": {}, "router_data": router_data(page, self.query)}
        headers = {"Origin": self.base_url}
        if self.cookie:
            headers["Cookie"] = self.cookie
        return await self._round_trip(
            lambda: self.sio.connect(
                f"{self.base_url}?token={self.token}",
                headers=headers,
                auth={"event": boot},
                transports=["websocket"],
                namespaces=[NAMESPACE],
                socketio_path=NAMESPACE,
                wait_timeout=timeout,
            ),
            done,
            timeout,
        )

    async def navigate(
        self,
        page: str,
        query: dict[str, str] | None = None,
        *,
        done: Done = hydrated,
        timeout: float = 30.0,
    ) -> float:
        """A client-side navigation to ``page``; seconds until its on_load handlers ran."""
        self.page, self.query = page, dict(query or {})
        return await self.call(NAVIGATE, {}, done=done, timeout=timeout)

    async def call(
        self, name: str, payload: dict[str, Any], *, done: Done, timeout: float = 30.0
    ) -> float:
        """Send one event from the current page; seconds until ``done`` holds for an update."""
        event = {
            "name": name,
            "payload": payload,
            "router_data": router_data(self.page, self.query),
        }
        return await self._round_trip(
            lambda: self.sio.emit("event", event, namespace=NAMESPACE), done, timeout
        )

    async def fire(self, name: str, payload: dict[str, Any]) -> None:
        """Send an event that answers nothing (e.g. ``stop_watching`` when leaving a page)."""
        event = {
            "name": name,
            "payload": payload,
            "router_data": router_data(self.page, self.query),
        }
        await self.sio.emit("event", event, namespace=NAMESPACE)

    async def close(self) -> None:
        """Close the websocket (the tab is closed)."""
        with contextlib.suppress(Exception):  # a broken connection is closed all the same
            await self.sio.disconnect()
