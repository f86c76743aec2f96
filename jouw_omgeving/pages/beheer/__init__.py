"""The admin's pages."""

from jouw_omgeving.pages.beheer import (
    account,
    accounts,
    audit,
    caseloads,
    erasure,
    instrument_edit,
    instruments,
    organisations,
    overview,
    participants,
    settings,
)

__all__ = [
    "account",
    "accounts",
    "audit",
    "caseloads",
    "erasure",
    "instrument_edit",
    "instruments",
    "organisations",
    "overview",
    "participants",
    "settings",
]
