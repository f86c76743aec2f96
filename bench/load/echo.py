"""The limit to compare with: a bare socket.io server that answers every event at once.

The same python-socketio server Reflex uses, at the same path and namespace, served by the
same ASGI server (Granian), with no state, no database and no Reflex::

    .venv/bin/granian --interface asgi --port 8765 bench.load.echo:app
"""

import socketio

from bench.load.protocol import NAMESPACE

sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins="*", transports=["websocket"])
app = socketio.ASGIApp(sio, socketio_path=NAMESPACE)


@sio.on("connect", namespace=NAMESPACE)
async def connect(sid: str, _environ: dict, auth: object = None) -> None:
    """Answer the hydrate event in the CONNECT packet, as Reflex does."""
    if isinstance(auth, dict) and isinstance(auth.get("event"), dict):
        await sio.emit("event", {"delta": {"echo": auth["event"]}}, to=sid, namespace=NAMESPACE)


@sio.on("event", namespace=NAMESPACE)
async def event(sid: str, data: object) -> None:
    """Send the event straight back as an update."""
    await sio.emit("event", {"delta": {"echo": data}}, to=sid, namespace=NAMESPACE)
