"""Reference data the platform ships with (not demo data): the open life-domain instrument."""

from jouw_omgeving.seed.instrument import (
    OPEN_INSTRUMENT_KEY,
    OPEN_INSTRUMENT_VERSION,
    ensure_open_instrument,
    find_open_instrument,
)

__all__ = [
    "OPEN_INSTRUMENT_KEY",
    "OPEN_INSTRUMENT_VERSION",
    "ensure_open_instrument",
    "find_open_instrument",
]
