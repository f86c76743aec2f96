"""The partner's (ketenpartner's) pages: read-only, only what participants consented."""

from jouw_omgeving.pages.ketenpartner import home, participant

__all__ = ["home", "participant"]
