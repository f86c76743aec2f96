"""Pages, grouped by role. Importing this package registers them all."""

from jouw_omgeving.pages import (
    activation,
    begeleider,
    beheer,
    content,
    deelnemer,
    evaluator,
    ketenpartner,
    login,
    network_messages,
    others,
)

__all__ = [
    "activation",
    "begeleider",
    "beheer",
    "content",
    "deelnemer",
    "evaluator",
    "ketenpartner",
    "login",
    "network_messages",
    "others",
]
