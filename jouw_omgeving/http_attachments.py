"""The download route for message attachments, in front of Reflex (a real HTTP response).

The browser sends its HttpOnly session cookie with the request; the service decides (and
audits) whether this user may read the attachment's thread. Anything refused or unknown is
a plain 404, so the answer never tells whether a file exists.
"""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from jouw_omgeving.auth.cookies import session_token_from_header
from jouw_omgeving.auth.sessions import session_resolve
from jouw_omgeving.db import db_session
from jouw_omgeving.routes import ATTACHMENT_BASE
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.messages_attachments import attachment_download
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.settings import get_settings


def _not_found() -> Response:
    return PlainTextResponse(
        "Niet gevonden", status_code=404, headers={"Cache-Control": "no-store"}
    )


async def download(request: Request) -> Response:
    """Send the attachment to a user who may read its thread."""
    token = session_token_from_header(request.headers.get("cookie"))
    address = request.client.host if request.client else None
    try:
        with db_session() as session:
            user = session_resolve(session, token=token)
            if user is None or user.must_change_password:
                return _not_found()
            found = attachment_download(
                session,
                Viewer.of(user, address),
                attachment_public_id=request.path_params.get("public_id"),
                data_dir=get_settings().data_dir,
            )
    except ServiceError:
        return _not_found()
    if not found.path.is_file():
        return _not_found()
    inline = found.content_type.startswith("image/")
    return FileResponse(
        found.path,
        media_type=found.content_type,
        filename=found.filename,
        content_disposition_type="inline" if inline else "attachment",
    )  # secure_http adds no-store, nosniff and the CSP around every response


def attachment_routes() -> Starlette:
    """The Starlette app with the download route, mounted in front of Reflex."""
    return Starlette(routes=[Route(f"{ATTACHMENT_BASE}/{{public_id}}", download, methods=["GET"])])
