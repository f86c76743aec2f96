"""Jouw Omgeving: blended guidance for ex-homeless people and their counsellors."""
