"""The login page's "Inloggen via je organisatie" links, one per configured provider.

The providers are known when the app is compiled (settings). Each link is a real link to
the server route (a full page load): a client-side redirect would stay in the frontend
router. Only the label and the URL slug reach the browser, never a client secret.
"""

import reflex as rx

from jouw_omgeving.auth.oidc import login_path
from jouw_omgeving.components.text import t
from jouw_omgeving.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext
from jouw_omgeving.settings import OidcProviderSettings, get_settings
from jouw_omgeving.state.oidc_login import REFUSAL_MESSAGES, OidcLoginState
from jouw_omgeving.state.session import SessionState


def _link_text(label: str) -> rx.Var | str:
    """ "Inloggen via <label>" in the user's language."""
    texts = {
        lang: gettext("Inloggen via {organisatie}", lang).format(organisatie=label)
        for lang in LANGUAGES
    }
    dutch = texts.pop(DEFAULT_LANGUAGE)
    return rx.match(SessionState.lang, *texts.items(), dutch) if texts else dutch


def _provider_link(provider: OidcProviderSettings) -> rx.Component:
    return rx.button(
        rx.el.a(
            rx.icon("building-2", aria_hidden="true"),
            _link_text(provider.label),
            href=login_path(provider.slug),
            # rx.el.a is a router link in Reflex 0.10: force a real page load to the route.
            reload_document=True,
            id=f"oidc-{provider.slug}",
        ),
        as_child=True,
        size="4",
        variant="outline",
        width="100%",
    )


def _refusal() -> rx.Component:
    """The catalogue message for the refusal code in the URL (nothing for other values)."""
    cases = [
        (
            str(code),
            rx.callout(t(msgid), icon="triangle-alert", color_scheme="red", role="alert"),
        )
        for code, msgid in REFUSAL_MESSAGES.items()
    ]
    return rx.match(OidcLoginState.error_code, *cases, rx.fragment())


def organisation_login_section() -> rx.Component:
    """Staff log in through their organisation; empty when no provider is configured."""
    providers = get_settings().oidc_providers
    if not providers:
        return rx.fragment()
    return rx.vstack(
        rx.separator(size="4"),
        rx.heading(t("Inloggen via je organisatie"), as_="h2", size="4"),
        rx.text(t("Voor medewerkers van een organisatie met een eigen inlogsysteem.")),
        _refusal(),
        *[_provider_link(provider) for provider in providers],
        spacing="3",
        width="100%",
        id="organisation-login",
        on_mount=OidcLoginState.show_callback_error,
    )
