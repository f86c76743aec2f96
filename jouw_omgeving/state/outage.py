"""The one place that turns "the database is away" into a calm message, for every handler.

Registered as the app's ``backend_exception_handler``: Reflex calls it with any exception an
event handler did not catch. A lost or refused database connection (PostgreSQL restarting,
the network gone, SQLite busy for too long) becomes a Dutch "probeer het zo opnieuw" toast;
every other error keeps Reflex's default handling (logged, a neutral toast in production).

Nothing is half-written: a handler's writes run in one ``db_session()`` block, which rolls
back when the connection fails, and the engine's ``pool_pre_ping`` replaces dead pooled
connections, so the same action works again once the database is back, without a restart.
"""

import logging
import sqlite3

import psycopg
import reflex as rx
import sqlalchemy.exc
from reflex.app import default_backend_exception_handler

from jouw_omgeving.i18n import N_, gettext

logger = logging.getLogger(__name__)

TRY_AGAIN = N_(
    "Het lukt nu even niet om je gegevens op te halen of op te slaan. Probeer het zo opnieuw."
)
# SQLite reports a missing table as an OperationalError too: only these are passing trouble.
_SQLITE_PASSING = ("database is locked", "database is busy", "unable to open", "disk i/o")


def is_database_outage(exception: BaseException) -> bool:
    """True when ``exception`` (or what caused it) means the database could not be reached."""
    seen: set[int] = set()
    current: BaseException | None = exception
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _is_outage(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _is_outage(exception: BaseException) -> bool:
    if isinstance(exception, sqlalchemy.exc.DBAPIError) and exception.connection_invalidated:
        return True
    if isinstance(exception, sqlalchemy.exc.TimeoutError):  # no pooled connection came free
        return True
    if isinstance(exception, psycopg.OperationalError | psycopg.InterfaceError):
        return True
    if isinstance(exception, sqlite3.OperationalError):
        return any(words in str(exception).lower() for words in _SQLITE_PASSING)
    return False


def try_again_toast() -> rx.event.EventSpec:
    """The message a person sees while the database is away."""
    return rx.toast.error(
        gettext(TRY_AGAIN),
        position="top-center",
        duration=8000,
        fallback_to_alert=True,
    )


def backend_exception_handler(exception: Exception) -> rx.event.EventSpec | None:
    """Reflex's hook for uncaught handler errors: database outages get the calm message."""
    if is_database_outage(exception):
        logger.warning("database unavailable during an event: %s", exception.__class__.__name__)
        return try_again_toast()
    return default_backend_exception_handler(exception)
