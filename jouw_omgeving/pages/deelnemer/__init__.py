"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import goals, home

__all__ = ["goals", "home"]
