"""Pages, grouped by role. Importing this package registers them all."""

from jouw_omgeving.pages import (
    activation,
    begeleider,
    beheer,
    choose_password,
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
    "choose_password",
    "content",
    "deelnemer",
    "evaluator",
    "ketenpartner",
    "login",
    "network_messages",
    "others",
]
