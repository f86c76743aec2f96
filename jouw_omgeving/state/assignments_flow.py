"""The shared shape of the participant's content handlers: who asks, in which language, and
one service call whose refusal becomes a sentence in the state's ``error``.
"""

from collections.abc import Awaitable, Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from jouw_omgeving.db import db_session
from jouw_omgeving.i18n import gettext
from jouw_omgeving.services.errors import ServiceError
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.state.assignments_form import AnswerFormState
from jouw_omgeving.state.session import SessionState

ServiceCall = Callable[[Session, Viewer, str], Any]


async def run_and_show(
    state: rx.State,
    viewer: Viewer | rx.event.EventSpec,
    call: ServiceCall,
    show: Callable[[Any, str], Awaitable[None]],
    *,
    notice: str = "",
    with_answers: bool = False,
) -> rx.event.EventSpec | None:
    """With the ``viewer`` from ``authenticate``, run ``call(session, viewer, lang)`` and show it.

    A redirect from ``authenticate`` (no session, wrong role) is returned as it is.

    With ``with_answers`` the call gets the form's answers as a fourth argument. A refusal
    is shown in ``state.error`` (translated); ``notice`` (a msgid) is shown on success.
    """
    if not isinstance(viewer, Viewer):
        return viewer
    lang = (await state.get_state(SessionState)).lang
    answers = (await state.get_state(AnswerFormState))._collect() if with_answers else None
    state.notice, state.error = "", ""
    try:
        with db_session() as session:
            result = (
                call(session, viewer, lang, answers)
                if with_answers
                else call(session, viewer, lang)
            )
    except ServiceError as refusal:
        state.error = gettext(refusal.message_id, lang)
    else:
        await show(result, lang)
        state.notice = gettext(notice, lang) if notice else ""
    state.loaded = True
    return None
