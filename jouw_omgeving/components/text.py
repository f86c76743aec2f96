"""Translated text for pages: ``t("Mijn doelen")`` follows the user's language."""

import reflex as rx

from jouw_omgeving.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext
from jouw_omgeving.state.session import SessionState


def t(msgid: str) -> rx.Var:
    """A text that switches with the user's language; only the used strings ship."""
    translations = [(lang, gettext(msgid, lang)) for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
    differing = [(lang, text) for lang, text in translations if text != msgid]
    if not differing:
        return rx.Var.create(msgid)
    return rx.match(SessionState.lang, *differing, msgid)


def visually_hidden(*children) -> rx.Component:
    """Text for screen readers only (e.g. which step or person a short button is for)."""
    return rx.el.span(
        *children,
        position="absolute",
        width="1px",
        height="1px",
        overflow="hidden",
        clip="rect(0 0 0 0)",
        white_space="nowrap",
    )
