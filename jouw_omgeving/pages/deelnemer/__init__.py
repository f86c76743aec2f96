"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import access_log, goals, home, messages

__all__ = ["access_log", "goals", "home", "messages"]
