"""The Reflex app: registers the pages, mounts the auth routes and the security middleware."""

import reflex as rx

import jouw_omgeving.models
import jouw_omgeving.pages  # noqa: F401  (registers every page)
from jouw_omgeving.auth.routes import auth_routes
from jouw_omgeving.components.layout import LARGE_TEXT_HEAD_SCRIPT
from jouw_omgeving.http_attachments import attachment_routes
from jouw_omgeving.http_my_data import my_data_routes
from jouw_omgeving.http_pages import pages_without_redirect
from jouw_omgeving.http_security import secure_http
from jouw_omgeving.state.outage import backend_exception_handler

app = rx.App(
    html_lang="nl",
    # Applied in order: the /auth, /bijlage and /mijn-gegevens.json routes in front of Reflex,
    # pages served without the trailing-slash redirect, then headers around everything.
    api_transformer=[
        auth_routes(),
        attachment_routes(),
        my_data_routes(),
        pages_without_redirect,
        secure_http,
    ],
    # A database outage becomes "probeer het zo opnieuw" for every handler (state/outage.py).
    backend_exception_handler=backend_exception_handler,
    head_components=[
        rx.el.meta(name="theme-color", content="#3e63dd"),
        # Neutral on purpose: it may show on a shared phone's lock screen or history.
        rx.el.meta(name="description", content="Jouw Omgeving"),
        rx.el.link(rel="icon", href="/favicon.ico", sizes="32x32"),
        # Larger text from the first paint for whoever chose it last on this device.
        rx.el.script(LARGE_TEXT_HEAD_SCRIPT),
    ],
)
