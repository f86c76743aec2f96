"""Plain functions on a database session: authorize, read, write, audit. No Reflex here."""
