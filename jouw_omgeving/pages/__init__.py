"""Pages, grouped by role. Importing this package registers them all."""

from jouw_omgeving.pages import begeleider, beheer, deelnemer, evaluator, login, others

__all__ = ["begeleider", "beheer", "deelnemer", "evaluator", "login", "others"]
