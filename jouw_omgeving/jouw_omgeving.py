"""The Reflex app: registers the pages and mounts the auth routes in front of Reflex."""

import reflex as rx

import jouw_omgeving.models
import jouw_omgeving.pages  # noqa: F401  (registers every page)
from jouw_omgeving.auth.routes import auth_routes

app = rx.App(
    html_lang="nl",
    api_transformer=auth_routes(),
    head_components=[rx.el.meta(name="theme-color", content="#3e63dd")],
)
