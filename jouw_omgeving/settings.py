"""Application settings from the environment (prefix ``JO_``), read lazily once."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


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
    # Seed of the demo data generator.
    demo_seed: int = 7


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings, read from the environment on first use."""
    return Settings()
