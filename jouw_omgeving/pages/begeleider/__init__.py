"""The counsellor's pages."""

from jouw_omgeving.pages.begeleider import caseload

__all__ = ["caseload"]
