"""Mijn gegevens page by page, and the file written chunk by chunk: the same data as the export."""

import json
from contextlib import nullcontext

import pytest
from sqlmodel import select

from jouw_omgeving.models import AuditEntry
from jouw_omgeving.services import my_data_file
from jouw_omgeving.services.errors import AccessDenied, NotFound
from jouw_omgeving.services.my_data import SECTIONS, my_data_section, participant_export
from jouw_omgeving.services.my_data_file import export_begin, export_chunks
from jouw_omgeving.services.viewer import Viewer
from tests.factories import (
    make_counsellor,
    make_goal,
    make_message,
    make_participant,
    make_partner,
    make_thread,
)
from tests.services.test_my_data import _full_participant


def _with_messages(session, count: int):
    counsellor = make_counsellor(session)
    participant = make_participant(session, counsellor=counsellor)
    thread = make_thread(session, participant=participant)
    for number in range(count):
        make_message(session, thread=thread, sender=counsellor, body=f"Bericht {number}")
    return participant


def test_messages_come_newest_first_fifty_at_a_time_until_the_last(session):
    participant = _with_messages(session, 120)
    other = _with_messages(session, 3)
    viewer = Viewer.of(participant)
    bodies, older_than, pages = [], None, 0
    while True:
        page = my_data_section(session, viewer, section="messages", older_than=older_than)
        bodies += [m["body"] for m in page["tables"]["message"]]
        pages += 1
        older_than = page["older_than"]
        if older_than is None:
            break
    assert pages == 3
    assert bodies == [f"Bericht {n}" for n in reversed(range(120))]
    first = my_data_section(session, viewer, section="messages")
    assert len(first["tables"]["message"]) == 50
    sender = first["tables"]["message"][0]["sender_id"]
    assert first["references"]["users"][str(sender)]["role"] == "counsellor"
    theirs = my_data_section(session, Viewer.of(other), section="messages")
    assert [m["body"] for m in theirs["tables"]["message"]] == [f"Bericht {n}" for n in (2, 1, 0)]


def test_a_goal_comes_with_its_steps_and_every_section_reads(session):
    participant = _full_participant(session)
    make_goal(session, participant=participant, title="Werk zoeken", steps=("CV maken",))
    viewer = Viewer.of(participant)
    page = my_data_section(session, viewer, section="goals")
    assert [g["title"] for g in page["tables"]["goal"]] == ["Werk zoeken", "Een eigen huis"]
    assert "CV maken" in [s["title"] for s in page["tables"]["goal_step"]]
    for section in SECTIONS:
        assert my_data_section(session, viewer, section=section)["older_than"] is None
    access = my_data_section(session, viewer, section="access")["tables"]["audit_entry"]
    assert access and all(e["outcome"] == "allowed" and e["actor_id"] for e in access)
    with pytest.raises(NotFound):
        my_data_section(session, viewer, section="password_hash")


@pytest.mark.parametrize("make", [make_counsellor, make_partner])
def test_nobody_pages_through_someone_elses_data_and_the_refusal_is_audited(session, make):
    user = make(session)
    for call in (
        lambda: my_data_section(session, Viewer.of(user), section="messages"),
        lambda: export_begin(session, Viewer.of(user)),
    ):
        with pytest.raises(AccessDenied):
            call()
    outcomes = session.exec(select(AuditEntry.outcome).where(AuditEntry.actor_id == user.id)).all()
    assert outcomes == ["refused", "refused"]


@pytest.mark.parametrize("batch", [2, 500])
def test_the_file_written_in_chunks_is_the_whole_export(session, monkeypatch, batch):
    monkeypatch.setattr(my_data_file, "BATCH", batch)
    participant = _full_participant(session)
    thread = make_thread(session, participant=participant)
    for number in range(7):
        make_message(session, thread=thread, sender=participant, body=f"Regel {number} “ü”")
    viewer = Viewer.of(participant)
    start = export_begin(session, viewer)
    chunks = list(export_chunks(lambda: nullcontext(session), start))
    assert len(chunks) > len(participant_export(session, viewer)["tables"])  # not one blob
    streamed = json.loads("".join(chunks))
    whole = json.loads(json.dumps(participant_export(session, viewer)))
    assert streamed.pop("exported_at") and whole.pop("exported_at")
    assert streamed == whole
    assert len(streamed["tables"]["message"]) == 8
