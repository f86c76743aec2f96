"""How the production server treats its worker processes.

Reflex 0.10.1 starts Granian with ``respawn_failed_workers`` off: when one backend worker
dies (killed, out of memory), Granian stops the whole app, and every user is cut off. With
several workers behind Redis the others could carry on, so a dead worker is replaced
instead. ``rxconfig.py`` calls :func:`respawn_failed_workers` because the Reflex command
imports it in the process that starts Granian, before the server is made.
"""

import importlib


def respawn_failed_workers() -> None:
    """Make Granian servers that Reflex creates replace a worker that died (idempotent)."""
    try:
        granian_server = importlib.import_module("granian.server")
    except ImportError:  # uvicorn set-up: nothing to change
        return
    base = granian_server.Server
    if getattr(base, "respawns_failed_workers", False):
        return

    class RespawningServer(base):
        """Granian's server with failed workers respawned (Reflex passes no such option)."""

        respawns_failed_workers = True

        def __init__(self, *args, **kwargs) -> None:
            kwargs.setdefault("respawn_failed_workers", True)
            super().__init__(*args, **kwargs)

    granian_server.Server = RespawningServer
