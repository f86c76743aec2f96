"""A user's own display settings: larger text and the interface language.

Written only for the logged-in user (the viewer): there is no argument naming someone else.
"""

from sqlmodel import Session

from jouw_omgeving.i18n import LANGUAGES, N_
from jouw_omgeving.models import User
from jouw_omgeving.services.errors import InvalidInput, NotLoggedIn, ServiceError
from jouw_omgeving.services.viewer import Viewer

UNKNOWN_LANGUAGE = N_("Kies Nederlands of English.")


def _own_user(session: Session, viewer: Viewer) -> User:
    user = session.get(User, viewer.user_id)
    if user is None or not user.active:
        raise NotLoggedIn("viewer has no active account")
    return user


def settings_set_large_text(session: Session, viewer: Viewer, *, large_text: object) -> bool:
    """Remember whether the viewer wants larger text; returns the stored value."""
    if not isinstance(large_text, bool):
        raise InvalidInput(ServiceError.message_id, "large_text must be a boolean")
    user = _own_user(session, viewer)
    user.large_text = large_text
    session.add(user)
    session.flush()
    return user.large_text


def settings_set_language(session: Session, viewer: Viewer, *, language: object) -> str:
    """Remember the viewer's interface language (one of :data:`LANGUAGES`)."""
    if not isinstance(language, str) or language not in LANGUAGES:
        raise InvalidInput(UNKNOWN_LANGUAGE, f"language {repr(language)[:20]}")
    user = _own_user(session, viewer)
    user.language = language
    session.add(user)
    session.flush()
    return user.language
