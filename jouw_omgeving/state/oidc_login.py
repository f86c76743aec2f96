"""The login page's message after a failed login via an organisation's provider.

The callback route sends the browser to ``/inloggen?fout=<code>``. Only known codes are
kept; the page shows the catalogue text for a code, never the query text itself.
"""

import reflex as rx

from jouw_omgeving.auth.oidc_errors import OidcRefusal
from jouw_omgeving.i18n import N_

REFUSAL_MESSAGES: dict[str, str] = {
    OidcRefusal.UNKNOWN_PROVIDER: N_("Inloggen via deze organisatie is niet mogelijk."),
    OidcRefusal.PROVIDER_FAILED: N_(
        "Je organisatie is nu niet bereikbaar. Probeer het later opnieuw of log in met je"
        " gebruikersnaam en wachtwoord."
    ),
    OidcRefusal.INVALID_RESPONSE: N_(
        "Inloggen via je organisatie is niet gelukt. Probeer het opnieuw."
    ),
    OidcRefusal.EXPIRED: N_(
        "Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw met inloggen."
    ),
    OidcRefusal.DENIED: N_("Het inloggen bij je organisatie is afgebroken."),
    OidcRefusal.UNKNOWN_ACCOUNT: N_(
        "Je account bij je organisatie is niet gekoppeld aan Jouw Omgeving. Vraag de beheerder"
        " om je account te koppelen."
    ),
    OidcRefusal.NOT_STAFF: N_(
        "Inloggen via je organisatie is alleen voor medewerkers. Log in met je gebruikersnaam"
        " en pincode."
    ),
    OidcRefusal.INACTIVE: N_("Je account is niet actief. Neem contact op met de beheerder."),
}


class OidcLoginState(rx.State):
    """Which refusal (a known code, or empty) the login page explains."""

    error_code: str = ""

    @rx.event
    def show_callback_error(self):
        """Read ``?fout=`` from the page URL and keep it only when it is a known code."""
        raw = self.router.url.query_parameters.get("fout", "")
        self.error_code = raw if isinstance(raw, str) and raw in REFUSAL_MESSAGES else ""
