"""Small helpers the admin states share: untrusted form values, refusals in words."""

import reflex as rx

from jouw_omgeving.i18n import N_, gettext
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.state.session import SessionState

FORM_RULES = N_("Vul het formulier opnieuw in.")


def form_text(form_data: object, name: str, *, max_length: int = 200) -> str:
    """A text field of a submitted form (empty when absent); refuses other types or sizes."""
    if not isinstance(form_data, dict):
        raise InvalidInput(FORM_RULES, "form data is not a dict")
    value = form_data.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > max_length:
        raise InvalidInput(FORM_RULES, f"field {name[:40]}")
    return value


def is_short_text(value: object, max_length: int = 45) -> bool:
    """Whether a handler argument is a string of at most ``max_length`` characters."""
    return isinstance(value, str) and len(value) <= max_length


async def language(state: rx.State) -> str:
    """The language of this view."""
    return (await state.get_state(SessionState)).lang


async def message(state: rx.State, message_id: str) -> str:
    """A catalogue message in the language of this view."""
    return gettext(message_id, await language(state))
