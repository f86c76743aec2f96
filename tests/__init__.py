"""Test suite of Jouw Omgeving."""
