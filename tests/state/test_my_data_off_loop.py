"""A large "Mijn gegevens" is read off the event loop, so others are not kept waiting.

The load test (bench/load) showed one participant's export of a long history blocking every
other user of the worker for seconds while it ran on the event loop. The page now reads a
page per section in a worker thread; the whole file is streamed by its own route.
"""

import threading

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.state import my_data
from jouw_omgeving.state.my_data import SECTION_TITLES, MyDataState
from tests.factories import make_participant
from tests.state.helpers import login_cookie, run_handler, state_for

pytestmark = pytest.mark.anyio


async def test_the_sections_are_read_in_a_worker_thread(app_db, monkeypatch):
    with db_session() as session:
        participant = make_participant(session, display_name="Naima K.")
    loop_thread = threading.current_thread()
    threads = []
    real_section = my_data.my_data_section

    def section(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_section(*args, **kwargs)

    monkeypatch.setattr(my_data, "my_data_section", section)
    state = await state_for(MyDataState, cookie=login_cookie(participant))
    await run_handler(state.load)
    assert state.name == "Naima K."
    assert len(threads) == len(SECTION_TITLES)
    await run_handler(state.download)  # only sends the browser to the file
    assert len(threads) == len(SECTION_TITLES)
    assert all(thread is not loop_thread for thread in threads)
