"""The OpenID provider the browser tests' app server is started with.

The app must know its providers when it starts (the login page is compiled from the
settings), and the provider must know the app's callback URL: so the app's port is chosen
first, the provider started for it, and ``app_server`` starts the app on that port with
``JO_OIDC_PROVIDERS`` naming the provider for the demo's own organisation.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from jouw_omgeving.demo.staff import OWN_ORGANISATION_NAME
from tests.e2e.server import free_port
from tests.oidc_provider.fixture import RunningProvider, start_provider

PROVIDER_LABEL = "Leger des Heils"


@dataclass(frozen=True)
class E2EProvider:
    """A provider started for an app that will listen on ``app_port``."""

    provider: RunningProvider
    app_port: int

    @property
    def app_env(self) -> dict[str, str]:
        """The environment that makes the app offer this provider on its login page."""
        return {
            "JO_OIDC_PROVIDERS": self.provider.settings_json(OWN_ORGANISATION_NAME, PROVIDER_LABEL)
        }


@pytest.fixture(scope="session")
def e2e_oidc_provider() -> Iterator[E2EProvider]:
    """The test provider, registered for the callback of the app's (pre-chosen) port."""
    port = free_port()
    provider = start_provider([f"http://127.0.0.1:{port}/auth/oidc/callback"])
    yield E2EProvider(provider, port)
    provider.stop()
    provider.log_path.unlink(missing_ok=True)
