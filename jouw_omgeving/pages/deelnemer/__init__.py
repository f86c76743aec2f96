"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import access_log, appointments, goals, home

__all__ = ["access_log", "appointments", "goals", "home"]
