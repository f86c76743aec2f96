"""Why a login via an organisation's OpenID provider ended on the login page.

The code travels in the login page's URL (``/inloggen?fout=<code>``); the page maps it to a
message from the catalogue and never shows the raw query text.
"""

from enum import StrEnum


class OidcRefusal(StrEnum):
    """The reasons, as short Dutch URL codes."""

    UNKNOWN_PROVIDER = "organisatie-onbekend"
    PROVIDER_FAILED = "provider"
    INVALID_RESPONSE = "ongeldig"
    EXPIRED = "verlopen"
    DENIED = "geweigerd"
    UNKNOWN_ACCOUNT = "onbekend"
    NOT_STAFF = "geen-medewerker"
    INACTIVE = "inactief"


class OidcError(Exception):
    """A login at a provider could not be completed; ``code`` says why (for the user)."""

    def __init__(self, code: OidcRefusal, detail: str) -> None:
        """Keep the code for the user and the detail for the log."""
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
