"""The admin's pages."""

from jouw_omgeving.pages.beheer import overview

__all__ = ["overview"]
