"""The participant's pages."""

from jouw_omgeving.pages.deelnemer import (
    access_log,
    goals,
    home,
    progress,
    progress_assessment,
    progress_check_in,
)

__all__ = [
    "access_log",
    "goals",
    "home",
    "progress",
    "progress_assessment",
    "progress_check_in",
]
