"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import (
    access_log,
    appointments,
    consent,
    goal,
    goal_new,
    goals,
    help,
    home,
    messages,
    my_data,
    network,
    progress,
    progress_assessment,
    progress_check_in,
    settings,
)

__all__ = [
    "access_log",
    "appointments",
    "consent",
    "goal",
    "goal_new",
    "goals",
    "help",
    "home",
    "messages",
    "my_data",
    "network",
    "progress",
    "progress_assessment",
    "progress_check_in",
    "settings",
]
