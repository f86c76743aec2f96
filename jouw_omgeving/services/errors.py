"""Errors services raise; the state layer turns them into Dutch messages."""

from jouw_omgeving.i18n import N_


class ServiceError(Exception):
    """Base for expected, user-facing failures. ``message_id`` is a catalogue msgid."""

    message_id = N_("Er ging iets mis. Probeer het zo opnieuw.")

    def __init__(self, detail: str = "") -> None:
        """Keep an English ``detail`` for logs; the user sees ``message_id`` translated."""
        super().__init__(detail or self.message_id)
        self.detail = detail


class NotLoggedIn(ServiceError):
    """No valid session: the user must log in (again)."""

    message_id = N_("Je bent niet (meer) ingelogd. Log opnieuw in.")


class AccessDenied(ServiceError):
    """The user may not do this; never shown as an empty result."""

    message_id = N_("Je hebt geen toegang tot deze gegevens.")


class NotFound(ServiceError):
    """The thing asked for does not exist (or is not visible to this user)."""

    message_id = N_("Dit bestaat niet (meer).")


class InvalidInput(ServiceError):
    """Input was refused; ``message_id`` says why in plain words."""

    def __init__(self, message_id: str, detail: str = "") -> None:
        """Use ``message_id`` as the catalogue msgid shown to the user."""
        super().__init__(detail or message_id)
        self.message_id = message_id
