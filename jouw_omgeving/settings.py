"""Application settings from the environment (prefix ``JO_``), read lazily once."""

import ipaddress
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class OidcProviderSettings(BaseModel):
    """One organisation's OpenID Connect provider (staff log in there).

    ``organisation`` is the organisation's ``public_id`` or its exact name. The
    ``client_secret`` stays on the server: it is a ``SecretStr`` (hidden in reprs and logs)
    and only the token request ever uses it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    organisation: str = Field(min_length=1, max_length=200)
    label: str = Field(min_length=1, max_length=80)
    issuer: str = Field(min_length=1, max_length=300)
    client_id: str = Field(min_length=1, max_length=200)
    client_secret: SecretStr = Field(min_length=1, max_length=500)
    # The URL part of /auth/oidc/<slug>/login; made from the label when not given.
    slug: str = ""

    @field_validator("issuer")
    @classmethod
    def _https_issuer(cls, issuer: str) -> str:
        parts = urlsplit(issuer)
        if parts.query or parts.fragment or not parts.hostname:
            raise ValueError("issuer must be a plain URL without query or fragment")
        if parts.scheme != "https" and not (
            parts.scheme == "http" and _is_loopback(parts.hostname)
        ):
            raise ValueError("issuer must use https (http only on loopback, for tests)")
        return issuer

    @model_validator(mode="after")
    def _slug(self) -> "OidcProviderSettings":
        slug = self.slug or re.sub(r"[^a-z0-9]+", "-", self.label.lower()).strip("-")
        if not _SLUG.match(slug) or len(slug) > 60:
            raise ValueError(f"provider slug {slug!r}: use a-z, 0-9 and dashes")
        object.__setattr__(self, "slug", slug)
        return self


class Settings(BaseSettings):
    """Everything configurable about a deployment that is not Reflex's own config."""

    model_config = SettingsConfigDict(env_prefix="JO_", extra="ignore")

    # Where attachments and other uploaded files live (never under assets/).
    data_dir: Path = Path("data")
    # Session lifetimes in seconds: idle timeout and absolute lifetime.
    staff_idle_seconds: int = 15 * 60
    staff_absolute_seconds: int = 8 * 3600
    participant_idle_seconds: int = 30 * 60
    participant_absolute_seconds: int = 12 * 3600
    # Set when the app is served over HTTPS: cookies become Secure and __Host- prefixed.
    secure_cookies: bool = False
    # Where the quick-exit button sends a participant: a neutral, harmless page.
    quick_exit_url: str = "https://www.weeronline.nl"
    # The largest request the upload endpoint accepts (a 10 MB file plus form overhead).
    max_upload_bytes: int = 10 * 1024 * 1024 + 512 * 1024
    # Seed of the demo data generator.
    demo_seed: int = 7
    # Staff login via their organisation's OpenID Connect provider, one per organisation.
    # JO_OIDC_PROVIDERS='[{"organisation": "Leger des Heils", "label": "Leger des Heils",
    #   "issuer": "https://login.example.org", "client_id": "...", "client_secret": "..."}]'
    oidc_providers: list[OidcProviderSettings] = []
    # How long a provider's discovery document and signing keys are trusted before refetching.
    oidc_metadata_ttl_seconds: int = 3600
    # Timeout of each HTTP request to a provider (discovery, keys, token endpoint).
    oidc_http_timeout_seconds: float = 10.0

    @field_validator("oidc_providers")
    @classmethod
    def _one_provider_per_organisation(
        cls, providers: list[OidcProviderSettings]
    ) -> list[OidcProviderSettings]:
        for attribute in ("organisation", "slug"):
            values = [getattr(provider, attribute) for provider in providers]
            if len(values) != len(set(values)):
                raise ValueError(f"oidc_providers: every provider needs its own {attribute}")
        return providers

    def oidc_provider(self, slug: str) -> OidcProviderSettings | None:
        """The configured provider with this slug, if any."""
        return next((p for p in self.oidc_providers if p.slug == slug), None)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings, read from the environment on first use."""
    return Settings()
