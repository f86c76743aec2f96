"""Argon2id hashing for passwords and PINs. Slow on purpose: call it off the event loop."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile.
_hasher = PasswordHasher()

# A real hash of a random secret: verifying against it when a user does not exist costs
# the same time as a real check, so response time does not reveal which usernames exist.
_DUMMY_HASH = _hasher.hash("no-such-user-dummy-secret")


def hash_secret(secret: str) -> str:
    """Return the argon2id hash of a password or PIN."""
    return _hasher.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """Check ``secret`` against ``stored_hash``; a missing hash still costs a full check."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, secret) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
