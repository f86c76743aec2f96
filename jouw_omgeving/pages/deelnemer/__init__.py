"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import (
    access_log,
    goal,
    goal_new,
    goals,
    help,
    home,
    settings,
)

__all__ = [
    "access_log",
    "goal",
    "goal_new",
    "goals",
    "help",
    "home",
    "settings",
]
