"""The login page's organisation links and its explanation of a refused OIDC login."""

import dataclasses
import json

import pytest
import reflex as rx
from reflex.istate.data import ReflexURL, RouterData

from jouw_omgeving.components.login_organisation import organisation_login_section
from jouw_omgeving.i18n import gettext
from jouw_omgeving.settings import get_settings
from jouw_omgeving.state.oidc_login import REFUSAL_MESSAGES, OidcLoginState

pytestmark = pytest.mark.anyio

PROVIDERS = [
    {
        "organisation": "Leger des Heils",
        "label": "Leger des Heils",
        "issuer": "https://login.legerdesheils.example",
        "client_id": "jouw-omgeving",
        "client_secret": "nooit-naar-de-browser",
    },
    {
        "organisation": "GGZ Noord",
        "label": "GGZ Noord",
        "slug": "ggz",
        "issuer": "https://idp.ggz.example/realms/staff",
        "client_id": "client-id-ggz-noord",
        "client_secret": "ook-geheim",
    },
]


@pytest.fixture
def providers(monkeypatch):
    """Two configured providers (settings re-read for this test)."""
    monkeypatch.setenv("JO_OIDC_PROVIDERS", json.dumps(PROVIDERS))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_one_real_link_per_provider_and_no_secrets(providers):
    rendered = str(organisation_login_section())
    # Document navigation (a full page load to the server route), not client-side routing.
    assert 'reloadDocument:true,to:"/auth/oidc/leger-des-heils/login"' in rendered
    assert 'reloadDocument:true,to:"/auth/oidc/ggz/login"' in rendered
    assert "Inloggen via Leger des Heils" in rendered and "Log in with GGZ Noord" in rendered
    for entry in PROVIDERS:
        assert entry["client_secret"] not in rendered and entry["client_id"] not in rendered


def test_nothing_without_providers(monkeypatch):
    monkeypatch.delenv("JO_OIDC_PROVIDERS", raising=False)
    get_settings.cache_clear()
    try:
        assert "organisation-login" not in str(organisation_login_section())
    finally:
        get_settings.cache_clear()


def test_every_refusal_has_a_dutch_and_an_english_message():
    for msgid in REFUSAL_MESSAGES.values():
        assert gettext(msgid, "en") != msgid


async def _state_at(url: str) -> OidcLoginState:
    state = await rx.State().get_state(OidcLoginState)
    state.router = dataclasses.replace(RouterData(), url=ReflexURL(url))
    state.show_callback_error()
    return state


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?fout=onbekend", "onbekend"),
        ("?fout=geen-medewerker", "geen-medewerker"),
        ("?fout=provider", "provider"),
        ("?fout=<script>alert(1)</script>", ""),
        ("?fout=Je+account+is+geblokkeerd", ""),
        ("", ""),
    ],
)
async def test_only_known_codes_are_shown(query, expected):
    state = await _state_at(f"http://127.0.0.1:3000/inloggen{query}")
    assert state.error_code == expected
