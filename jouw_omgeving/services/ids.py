"""Public ids arrive from browsers: parse them strictly, whatever their type."""

import uuid

# A UUID in any of its spellings is at most 45 characters ("urn:uuid:" + 36).
_MAX_PUBLIC_ID_LENGTH = 45


def parse_public_id(value: object) -> uuid.UUID | None:
    """A UUID from a browser-supplied value, or ``None`` for anything else (any type)."""
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str) or not value or len(value) > _MAX_PUBLIC_ID_LENGTH:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
