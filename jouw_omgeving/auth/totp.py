"""Time-based one-time codes (RFC 6238, pyotp): the second factor of staff's local login.

Staff (counsellor, partner, evaluator, admin) enter a 6-digit code from an authenticator app
after their password. Participants and network members never use one.
"""

from datetime import datetime

import pyotp

from jouw_omgeving.models import User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import STAFF_ROLES, Role

TOTP_ISSUER = "Jouw Omgeving"
TOTP_DIGITS = 6
# One 30-second step either side: a clock that is a little off still works.
TOTP_VALID_WINDOW = 1


def needs_second_factor(user: User) -> bool:
    """Staff log in locally with a second factor; participants and network members do not."""
    return Role(user.role) in STAFF_ROLES


def totp_new_secret() -> str:
    """A fresh random base32 secret (160 bits)."""
    return pyotp.random_base32()


def totp_uri(secret: str, account_name: str) -> str:
    """The ``otpauth://`` URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=account_name, issuer_name=TOTP_ISSUER)


def totp_secret_for_reading(secret: str) -> str:
    """The secret in groups of four, for typing it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def normalise_totp_code(code: str) -> str | None:
    """The digits of a typed code (spaces allowed), or ``None`` when it cannot be one."""
    digits = "".join(code.split())
    if len(digits) != TOTP_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def totp_code_ok(secret: str | None, code: str, now: datetime | None = None) -> bool:
    """Is ``code`` valid for ``secret`` now (one step of clock drift allowed either side)?"""
    digits = normalise_totp_code(code)
    if not secret or digits is None:
        return False
    moment = (now or utcnow()).timestamp()
    try:
        totp = pyotp.TOTP(secret)
    except ValueError:  # a stored secret pyotp no longer accepts (too short): never a match
        return False
    return totp.verify(digits, for_time=moment, valid_window=TOTP_VALID_WINDOW)
