"""A backend worker that dies is replaced, so the other workers' users are not cut off."""

import granian.server

import rxconfig  # noqa: F401  (what the Reflex command imports before it starts Granian)
from jouw_omgeving.serving import respawn_failed_workers


def test_granian_servers_reflex_creates_respawn_failed_workers():
    server = granian.server.Server(target="jouw_omgeving.jouw_omgeving:app", workers=2)
    assert server.respawn_failed_workers is True


def test_an_explicit_choice_is_kept_and_applying_twice_changes_nothing():
    respawn_failed_workers()
    before = granian.server.Server
    respawn_failed_workers()
    assert granian.server.Server is before
    server = granian.server.Server(target="x:y", respawn_failed_workers=False)
    assert server.respawn_failed_workers is False
