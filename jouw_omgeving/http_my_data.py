"""The "Mijn gegevens" file as a plain HTTP download, in front of Reflex.

The browser sends its HttpOnly session cookie with the request. The same checks as every
handler (a valid session, not a forced password change, the participant role) decide before
a byte is sent; a refusal is audited (also without a session) and answered with 403. The
file is then written chunk by chunk in the export pool (:mod:`jouw_omgeving.slow_work`),
never whole in memory and never on the event loop.
"""

from collections.abc import AsyncIterator, Iterator
from functools import partial

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from jouw_omgeving.auth.cookies import session_token_from_header
from jouw_omgeving.auth.sessions import session_resolve
from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.routes import MY_DATA_FILE
from jouw_omgeving.services.access import Action, Category
from jouw_omgeving.services.audit import audit_refused_without_session
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.my_data_file import FILENAME, ExportStart, export_begin, export_chunks
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.slow_work import run_export

REFUSED = N_("Je kunt dit bestand nu niet downloaden. Log in en probeer het opnieuw.")


def _begin(token: str | None, address: str | None) -> ExportStart | None:
    """Check the session and the role (refusals audited); the export that may start."""
    with db_session() as session:
        user = session_resolve(session, token=token)
        if user is None or user.must_change_password:
            audit_refused_without_session(
                session,
                client_address=address,
                action=Action.READ,
                category=Category.PROFILE,
                detail="my data file without a valid session",
            )
            return None
        return export_begin(session, Viewer.of(user, address))


async def _off_loop(chunks: Iterator[str]) -> AsyncIterator[bytes]:
    done = object()
    while (chunk := await run_export(partial(next, chunks, done))) is not done:
        yield chunk.encode()


async def download(request: Request) -> Response:
    """Stream the logged-in participant's own export; 403 for anyone else."""
    token = session_token_from_header(request.headers.get("cookie"))
    address = request.client.host if request.client else None
    try:
        start = await run_export(partial(_begin, token, address))
    except ServiceError:
        start = None
    if start is None:
        return PlainTextResponse(gettext(REFUSED, "nl"), status_code=403)
    return StreamingResponse(
        _off_loop(export_chunks(db_session, start)),
        media_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{FILENAME}"'},
    )  # secure_http adds no-store, nosniff and the CSP around every response


def my_data_routes() -> Starlette:
    """The Starlette app with the download route, mounted in front of Reflex."""
    return Starlette(routes=[Route(MY_DATA_FILE, download, methods=["GET"])])
