"""The evaluator's pages."""

from jouw_omgeving.pages.evaluator import overview, report

__all__ = ["overview", "report"]
