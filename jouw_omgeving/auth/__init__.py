"""Login flows, sessions and password hashing."""
