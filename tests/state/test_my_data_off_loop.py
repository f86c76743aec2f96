"""A large "Mijn gegevens" export is built off the event loop, so others are not kept waiting.

The load test (bench/load) showed one participant's export of a long history blocking every
other user of the worker for seconds while it ran on the event loop.
"""

import threading

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.state import my_data
from jouw_omgeving.state.my_data import MyDataState
from tests.factories import make_participant
from tests.state.helpers import login_cookie, run_handler, state_for

pytestmark = pytest.mark.anyio


async def test_the_export_and_its_json_are_made_in_a_worker_thread(app_db, monkeypatch):
    with db_session() as session:
        participant = make_participant(session, display_name="Naima K.")
    loop_thread = threading.current_thread()
    threads = []
    real_export, real_sections = my_data.participant_export, my_data.readable_sections

    def export(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_export(*args, **kwargs)

    def sections(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_sections(*args, **kwargs)

    monkeypatch.setattr(my_data, "participant_export", export)
    monkeypatch.setattr(my_data, "readable_sections", sections)
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    await run_handler(state.load)
    assert state.name == "Naima K."
    await run_handler(state.download)
    assert len(threads) == 3  # load: export + sections; download: export
    assert all(thread is not loop_thread for thread in threads)
