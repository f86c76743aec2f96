"""One-time activation codes: how a participant without e-mail or phone gets a login.

A counsellor creates the code (see :mod:`jouw_omgeving.services.accounts`) and hands it over
on a card. The participant opens ``/activeren`` with it, chooses a username and a PIN or a
password, and is logged in. Codes are 10 characters of Crockford's base32 (50 bits), shown
as ``ABCDE-FGHJK``; typing ``O`` for ``0`` or ``I``/``L`` for ``1`` works too. Only a
SHA-256 hash is stored. Codes are single use and expire; a new code ends older ones.
Guessing codes is throttled per client address.
"""

import hashlib
import itertools
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from jouw_omgeving.auth.passwords import hash_secret
from jouw_omgeving.auth.sessions import session_revoke_all
from jouw_omgeving.auth.throttle import TooManyAttempts, throttle_begin, throttle_succeeded
from jouw_omgeving.i18n import N_
from jouw_omgeving.models import ActivationCode, User
from jouw_omgeving.models.base import utcnow
from jouw_omgeving.models.enums import Role
from jouw_omgeving.services.errors import InvalidInput
from jouw_omgeving.services.network_accept import network_invites_accept

ACTIVATION_CODE_LIFETIME = timedelta(days=14)
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
CODE_LENGTH = 10
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})

_ACTIVATED_ROLES = frozenset({Role.PARTICIPANT, Role.NETWORK_MEMBER})

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.-]{1,28}[a-z0-9]$")
PIN_MIN_LENGTH = 5
PASSWORD_MIN_LENGTH = 10
SECRET_MAX_LENGTH = 128

CODE_INVALID = N_(
    "Deze code werkt niet. Misschien is hij al gebruikt of te oud. "
    "Vraag wie je de code gaf om een nieuwe."
)
USERNAME_RULES = N_(
    "Een gebruikersnaam heeft 3 tot 30 tekens: kleine letters, cijfers, een punt of een "
    "streepje. Begin en eindig met een letter of cijfer."
)
USERNAME_TAKEN = N_("Deze gebruikersnaam is al bezet. Kies een andere.")
PIN_TOO_SHORT = N_("Een pincode heeft minstens 5 cijfers.")
PIN_TOO_EASY = N_("Kies een pincode die niet makkelijk te raden is, dus niet 12345 of 11111.")
PASSWORD_TOO_SHORT = N_(
    "Een wachtwoord heeft minstens 10 tekens. Een pincode heeft alleen cijfers."
)
SECRET_TOO_LONG = N_("Dit is te lang. Gebruik hoogstens 128 tekens.")
SECRET_PROBLEMS = frozenset({PIN_TOO_SHORT, PIN_TOO_EASY, PASSWORD_TOO_SHORT, SECRET_TOO_LONG})
USERNAME_PROBLEMS = frozenset({USERNAME_RULES, USERNAME_TAKEN})


def activation_code_new() -> str:
    """A fresh random code of 10 characters (50 bits), without the dash."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """``ABCDEFGHJK`` -> ``ABCDE-FGHJK``, easier to read out and to type."""
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_code(raw: str) -> str | None:
    """The canonical code for what someone typed, or ``None`` when it cannot be a code."""
    code = "".join(raw.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return None
    return code


def _code_hash(code: str) -> str:
    return hashlib.sha256(f"activation:{code}".encode()).hexdigest()


def activation_code_create(
    session: Session, *, user_id: int, created_by_id: int | None, now: datetime | None = None
) -> str:
    """Store a new code for ``user_id`` (ending their unused ones); return it formatted."""
    now = now or utcnow()
    for old in session.exec(
        select(ActivationCode).where(
            ActivationCode.user_id == user_id,
            ActivationCode.used_at.is_(None),
            ActivationCode.expires_at > now,
        )
    ).all():
        old.expires_at = now
        session.add(old)
    code = activation_code_new()
    session.add(
        ActivationCode(
            code_hash=_code_hash(code),
            user_id=user_id,
            created_by_id=created_by_id,
            created_at=now,
            expires_at=now + ACTIVATION_CODE_LIFETIME,
        )
    )
    session.flush()
    return format_code(code)


def username_problem(username: str) -> str | None:
    """The msgid saying what is wrong with a chosen username, or ``None``."""
    return None if USERNAME_PATTERN.fullmatch(username) else USERNAME_RULES


def _easy_pin(pin: str) -> bool:
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return steps in ({0}, {1}, {-1})


def secret_problem(secret: str) -> str | None:
    """What is wrong with a new PIN (digits only) or password, as a msgid; or ``None``."""
    if len(secret) > SECRET_MAX_LENGTH:
        return SECRET_TOO_LONG
    if secret.isascii() and secret.isdigit():
        if len(secret) < PIN_MIN_LENGTH:
            return PIN_TOO_SHORT
        return PIN_TOO_EASY if _easy_pin(secret) else None
    return PASSWORD_TOO_SHORT if len(secret) < PASSWORD_MIN_LENGTH else None


def username_available(session: Session, username: str, *, user_id: int) -> bool:
    """Is ``username`` free (or already this user's own)?"""
    taken = session.exec(
        select(User.id).where(User.username == username, User.id != user_id)
    ).first()
    return taken is None


def username_suggestion(session: Session, display_name: str, *, user_id: int) -> str:
    """The user's current username, else the first name in ASCII plus a few digits."""
    current = session.exec(select(User.username).where(User.id == user_id)).first()
    if current and username_problem(current) is None:
        return current
    folded = unicodedata.normalize("NFKD", display_name).encode("ascii", "ignore").decode()
    words = folded.lower().split()
    base = re.sub(r"[^a-z0-9]", "", words[0] if words else "")[:20]
    if len(base) < 2:
        base = "deelnemer"
    for digits in (2, 2, 2, 3, 3, 3, 4, 4, 4):
        candidate = f"{base}{secrets.randbelow(10**digits):0{digits}d}"
        if username_available(session, candidate, user_id=user_id):
            return candidate
    return f"deelnemer{secrets.token_hex(5)}"


@dataclass(frozen=True)
class ActivationCheck:
    """A code that works: whose it is and the username we suggest."""

    user_id: int
    suggested_username: str


def _valid_code(session: Session, code: str, now: datetime) -> tuple[ActivationCode, User] | None:
    canonical = normalise_code(code)
    if canonical is None:
        return None
    row = session.exec(
        select(ActivationCode).where(ActivationCode.code_hash == _code_hash(canonical))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    # A participant's card from a counsellor, or a participant's invite to their network.
    if user is None or not user.active or user.role not in _ACTIVATED_ROLES:
        return None
    return row, user


def _checked_code(
    session: Session, code: str, client_address: str, now: datetime
) -> tuple[ActivationCode, User]:
    """Throttled lookup: the code's row and user, or raise (the failure stays counted)."""
    verdict, attempt = throttle_begin(session, key=None, client_address=client_address, now=now)
    if attempt is None:
        raise TooManyAttempts(verdict)
    found = _valid_code(session, code, now)
    if found is None:
        raise InvalidInput(CODE_INVALID, "activation code unknown, used or expired")
    throttle_succeeded(session, attempt)
    session.commit()
    return found


def activation_check(
    session: Session, *, code: str, client_address: str, now: datetime | None = None
) -> ActivationCheck:
    """Does ``code`` work? Raises ``InvalidInput`` (one message for unknown, used or
    expired) or ``TooManyAttempts``."""
    now = now or utcnow()
    _row, user = _checked_code(session, code, client_address, now)
    return ActivationCheck(
        user_id=user.id,
        suggested_username=username_suggestion(session, user.display_name, user_id=user.id),
    )


def activation_complete(
    session: Session,
    *,
    code: str,
    username: str,
    secret: str,
    client_address: str,
    now: datetime | None = None,
) -> User:
    """Use ``code``: set the username and PIN/password (argon2: run in a thread).

    Ends every session the participant still had. Raises ``InvalidInput`` or
    ``TooManyAttempts``; the caller then starts a session for the returned user.
    """
    now = now or utcnow()
    username = username.strip().lower()
    problem = username_problem(username) or secret_problem(secret)
    if problem is not None:
        raise InvalidInput(problem)
    # Hashed before the first query: no transaction (nor SQLite's lock) waits for argon2.
    secret_hash = hash_secret(secret)
    row, user = _checked_code(session, code, client_address, now)
    if not username_available(session, username, user_id=user.id):
        raise InvalidInput(USERNAME_TAKEN)
    # Conditional update: of two uses at the same moment, only one changes the row.
    used = session.exec(
        sa.update(ActivationCode)
        .where(ActivationCode.id == row.id, ActivationCode.used_at.is_(None))
        .values(used_at=now)
    )
    if used.rowcount != 1:
        raise InvalidInput(CODE_INVALID, "activation code used concurrently")
    user.username = username
    user.password_hash = secret_hash
    session.add(user)
    session_revoke_all(session, user_id=user.id, now=now)
    if user.role == Role.NETWORK_MEMBER:
        network_invites_accept(session, member_id=user.id, now=now)
    try:
        session.flush()
    except IntegrityError as error:  # chosen at the same moment by someone else
        session.rollback()
        raise InvalidInput(USERNAME_TAKEN) from error
    return user


def activation_codes_open(session: Session, *, user_id: int, now: datetime | None = None) -> int:
    """How many unused, unexpired codes ``user_id`` has (0 or 1)."""
    now = now or utcnow()
    return session.exec(
        select(sa.func.count())
        .select_from(ActivationCode)
        .where(
            ActivationCode.user_id == user_id,
            ActivationCode.used_at.is_(None),
            ActivationCode.expires_at > now,
        )
    ).one()
