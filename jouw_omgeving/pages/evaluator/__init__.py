"""The evaluator's pages."""

from jouw_omgeving.pages.evaluator import overview

__all__ = ["overview"]
