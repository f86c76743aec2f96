"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import access_log, consent, goals, home, my_data

__all__ = ["access_log", "consent", "goals", "home", "my_data"]
