"""The counsellor's pages."""

from jouw_omgeving.pages.begeleider import (
    activation_card,
    caseload,
    inbox,
    new_participant,
    participant,
    team,
)

__all__ = ["activation_card", "caseload", "inbox", "new_participant", "participant", "team"]
