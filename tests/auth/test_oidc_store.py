"""Pending OIDC logins, identity mapping and OIDC settings (SQLite and PostgreSQL)."""

import json
from datetime import timedelta

import pytest
from pydantic import ValidationError
from sqlmodel import select

from jouw_omgeving.auth.oidc_accounts import provider_organisation, staff_user_for_subject
from jouw_omgeving.auth.oidc_pending import (
    LOGIN_REQUEST_LIFETIME,
    new_browser_id,
    pending_login_start,
    pending_login_take,
    safe_return_path,
)
from jouw_omgeving.auth.sessions import lifetime_for, session_resolve, session_start
from jouw_omgeving.models import LoginSession, OidcLoginRequest
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.settings import OidcProviderSettings, Settings
from tests.factories import (
    make_admin,
    make_counsellor,
    make_evaluator,
    make_network_member,
    make_organisation,
    make_participant,
    make_partner,
)


def provider_for(organisation: str) -> OidcProviderSettings:
    return OidcProviderSettings(
        organisation=organisation,
        label="Leger des Heils",
        issuer="https://login.example.org",
        client_id="jouw-omgeving",
        client_secret="geheim",
    )


# --- pending logins -------------------------------------------------------------------------


def test_pending_login_is_taken_once_by_the_browser_that_started_it(session):
    browser = new_browser_id()
    pending = pending_login_start(session, provider_slug="lgh", browser_id=browser)
    stored = session.exec(select(OidcLoginRequest)).all()
    assert [row.provider_slug for row in stored] == ["lgh"]
    # Only a hash of state and of the browser id is stored.
    assert pending.state not in {stored[0].state_hash, stored[0].browser_hash}
    assert browser not in {stored[0].state_hash, stored[0].browser_hash}
    assert 43 <= len(pending.code_verifier) <= 128

    taken = pending_login_take(session, state=pending.state, browser_id=browser)
    assert taken == pending
    assert pending_login_take(session, state=pending.state, browser_id=browser) is None


def test_pending_login_of_another_browser_is_refused_and_burnt(session):
    pending = pending_login_start(session, provider_slug="lgh", browser_id=new_browser_id())
    assert pending_login_take(session, state=pending.state, browser_id=new_browser_id()) is None
    assert pending_login_take(session, state=pending.state, browser_id=None) is None
    assert session.exec(select(OidcLoginRequest)).all() == []


def test_pending_login_expires_after_ten_minutes(session):
    start = utcnow()
    browser = new_browser_id()
    pending = pending_login_start(session, provider_slug="lgh", browser_id=browser, now=start)
    later = start + LOGIN_REQUEST_LIFETIME + timedelta(seconds=1)
    assert pending_login_take(session, state=pending.state, browser_id=browser, now=later) is None


def test_starting_a_login_clears_expired_ones(session):
    start = utcnow()
    pending_login_start(session, provider_slug="a", browser_id="b", now=start)
    pending_login_start(session, provider_slug="b", browser_id="b", now=start + timedelta(hours=1))
    assert [r.provider_slug for r in session.exec(select(OidcLoginRequest)).all()] == ["b"]


def test_odd_state_values_are_refused(session):
    assert pending_login_take(session, state="", browser_id="x") is None
    assert pending_login_take(session, state="s" * 5000, browser_id="x") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/begeleider", "/begeleider"),
        ("/beheer/audit", "/beheer/audit"),
        ("//evil.example", None),
        ("https://evil.example", None),
        ("/\\evil.example", None),
        ("/auth/logout", None),
        ("/begeleider?x=1", None),
        ("", None),
        (None, None),
    ],
)
def test_only_local_pages_are_return_targets(value, expected):
    assert safe_return_path(value) == expected


# --- identity mapping -----------------------------------------------------------------------


def test_staff_roles_are_mapped_by_subject_within_the_organisation(session):
    organisation = make_organisation(session)
    provider = provider_for(str(organisation.public_id))
    for make in (make_counsellor, make_partner, make_evaluator, make_admin):
        user = make(session, organisation=organisation, oidc_subject=f"sub-{make.__name__}")
        assert staff_user_for_subject(session, provider, user.oidc_subject) == (user, None)


def test_other_identities_are_refused(session):
    organisation = make_organisation(session)
    provider = provider_for(str(organisation.public_id))
    participant = make_participant(session, organisation=organisation, with_counsellor=False)
    participant.oidc_subject = "sub-deelnemer"
    member = make_network_member(session, organisation=organisation, oidc_subject="sub-netwerk")
    make_counsellor(session, organisation=organisation, oidc_subject="sub-weg", active=False)
    make_counsellor(session, oidc_subject="sub-elders")  # another organisation
    session.flush()
    assert member.role == Role.NETWORK_MEMBER
    cases = {
        "sub-deelnemer": "geen-medewerker",
        "sub-netwerk": "geen-medewerker",
        "sub-weg": "inactief",
        "sub-elders": "onbekend",
        "sub-niemand": "onbekend",
        "": "onbekend",
    }
    for subject, reason in cases.items():
        assert staff_user_for_subject(session, provider, subject) == (None, reason), subject


def test_organisation_by_public_id_or_exact_unique_name(session):
    organisation = make_organisation(session, name="Stichting Uniek 4821")
    assert provider_organisation(session, provider_for(str(organisation.public_id))).id == (
        organisation.id
    )
    assert provider_organisation(session, provider_for("Stichting Uniek 4821")).id == (
        organisation.id
    )
    assert provider_organisation(session, provider_for("stichting uniek 4821")) is None
    make_organisation(session, name="Stichting Dubbel 4821")
    make_organisation(session, name="Stichting Dubbel 4821")
    assert provider_organisation(session, provider_for("Stichting Dubbel 4821")) is None


def test_session_start_creates_a_full_session_at_once(session):
    user = make_counsellor(session)
    now = utcnow()
    token = session_start(session, user=user, client_address="127.0.0.1", now=now)
    assert session_resolve(session, token=token, now=now).id == user.id
    row = session.exec(select(LoginSession).where(LoginSession.user_id == user.id)).one()
    assert token not in row.token_hash
    assert row.expires_at == now + timedelta(seconds=lifetime_for(session, user).absolute_seconds)
    assert row.idle_timeout_seconds == lifetime_for(session, user).idle_seconds


# --- settings -------------------------------------------------------------------------------


def _settings(monkeypatch, providers: list[dict]) -> Settings:
    monkeypatch.setenv("JO_OIDC_PROVIDERS", json.dumps(providers))
    return Settings()


ENTRY = {
    "organisation": "Leger des Heils",
    "label": "Leger des Heils",
    "issuer": "https://login.legerdesheils.example",
    "client_id": "jouw-omgeving",
    "client_secret": "heel-geheim",
}


def test_providers_are_read_from_json(monkeypatch):
    settings = _settings(monkeypatch, [ENTRY, dict(ENTRY, organisation="GGZ", label="GGZ Noord")])
    assert [p.slug for p in settings.oidc_providers] == ["leger-des-heils", "ggz-noord"]
    assert settings.oidc_provider("ggz-noord").organisation == "GGZ"
    assert settings.oidc_provider("nope") is None
    assert "heel-geheim" not in repr(settings)
    assert settings.oidc_providers[0].client_secret.get_secret_value() == "heel-geheim"


def test_no_providers_by_default(monkeypatch):
    monkeypatch.delenv("JO_OIDC_PROVIDERS", raising=False)
    assert Settings().oidc_providers == []


@pytest.mark.parametrize(
    "changes",
    [
        {"issuer": "http://login.example.org"},  # plain http off loopback
        {"issuer": "https://login.example.org?x=1"},
        {"slug": "Met Spaties"},
        {"client_secret": ""},
        {"extra": "unknown key"},
    ],
)
def test_bad_provider_entries_are_refused(monkeypatch, changes):
    with pytest.raises(ValidationError):
        _settings(monkeypatch, [dict(ENTRY, **changes)])


def test_one_provider_per_organisation(monkeypatch):
    with pytest.raises(ValidationError):
        _settings(monkeypatch, [ENTRY, dict(ENTRY, label="Tweede")])
    with pytest.raises(ValidationError):
        _settings(monkeypatch, [ENTRY, dict(ENTRY, organisation="Ander")])  # same slug


def test_http_issuer_allowed_on_loopback_for_tests(monkeypatch):
    settings = _settings(monkeypatch, [dict(ENTRY, issuer="http://127.0.0.2:4000")])
    assert settings.oidc_providers[0].issuer == "http://127.0.0.2:4000"
