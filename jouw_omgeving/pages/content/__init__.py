"""Content authoring pages (admins and counsellors with the editor right)."""

from jouw_omgeving.pages.content import editor, overview

__all__ = ["editor", "overview"]
