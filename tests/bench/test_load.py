"""The load generator itself (bench/load), so it does not rot: a few seconds against the echo.

The full benchmark (the app at 50/200/500 clients) is not part of the suite; run
``.venv/bin/python -m bench.load``.
"""

import asyncio
import random

import pytest

from bench.load import actions
from bench.load.actions import Echo
from bench.load.protocol import HYDRATE, NAVIGATE, ROOT
from bench.load.run import Client, run_clients
from bench.load.servers import start_echo


@pytest.fixture(scope="module")
def echo(tmp_path_factory):
    server = start_echo(tmp_path_factory.mktemp("echo"))
    yield server
    server.stop()


def test_three_clients_against_the_echo_count_their_round_trips(echo):
    memory = {}
    clients = [Client(Echo(None, random.Random(i))) for i in range(3)]
    stats = asyncio.run(
        run_clients(
            echo.base_url,
            clients,
            duration=2.0,
            max_events=10,
            think=(0.05, 0.1),
            ramp=0.2,
            timeout=5.0,
            after_connect=lambda: memory.setdefault("rss", echo.rss_bytes()),
        )
    )
    assert stats.connected == 3 and len(stats.connect) == 3
    assert stats.error_count() == 0, stats.errors
    assert len(stats.latencies["others"]) == 30  # every client reached its event count
    assert set(stats.by_action) == {"echo navigate", "echo click"}
    assert stats.events_per_second() > 0 and memory["rss"] > 0
    assert max(stats.latencies["others"]) < 5_000


def test_the_event_names_are_the_apps_state_paths():
    from reflex.state import OnLoadInternalState, State

    from jouw_omgeving.state.caseload import CaseloadState
    from jouw_omgeving.state.goals import GoalState
    from jouw_omgeving.state.messages import ThreadState
    from jouw_omgeving.state.my_data import MyDataState
    from jouw_omgeving.state.session import SessionState

    assert State.get_full_name() == ROOT
    assert f"{ROOT}.hydrate_and_load" == HYDRATE and hasattr(State, "hydrate_and_load")
    assert f"{OnLoadInternalState.get_full_name()}.on_load_internal" == NAVIGATE
    assert GoalState.get_full_name() == actions.GOAL_STATE
    assert ThreadState.get_full_name() == actions.THREAD_STATE
    assert CaseloadState.get_full_name() == actions.CASELOAD_STATE
    assert SessionState.get_full_name() == actions.SESSION_STATE
    assert MyDataState.get_full_name() == actions.MY_DATA_STATE
    for handler in ("mark_step", "send", "stop_watching"):
        assert hasattr(GoalState if handler == "mark_step" else ThreadState, handler)
    assert hasattr(CaseloadState, "set_sort") and hasattr(MyDataState, "download")
    assert hasattr(SessionState, "set_language")  # the Floor client's no-database handler
