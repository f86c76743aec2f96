"""The admin's pages."""

from jouw_omgeving.pages.beheer import audit, overview

__all__ = ["audit", "overview"]
