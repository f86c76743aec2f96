"""The suite runs with ``REFLEX_PERF_MODE=raise`` and a small ``REFLEX_STATE_SIZE_LIMIT``,
and every handler test checks the size of every state of its tab afterwards.

These tests show that both guards are live: a state that grows past the limit fails.
"""

import pytest
import reflex as rx
from reflex.state import TOO_LARGE_SERIALIZED_STATE
from reflex_base.environment import PerformanceMode, environment

from jouw_omgeving.state.goals import GoalState
from tests.state.helpers import check_state_sizes, state_size_limit

pytestmark = pytest.mark.anyio


def test_the_suite_runs_with_the_strict_state_size_settings():
    assert environment.REFLEX_PERF_MODE.get() == PerformanceMode.RAISE
    assert TOO_LARGE_SERIALIZED_STATE == state_size_limit() <= 256 * 1024


async def test_a_state_past_the_limit_fails_the_handler_test():
    root = rx.State()
    state = await root.get_state(GoalState)
    state.notice = "Goed gedaan!"
    assert 0 < check_state_sizes(state)[state.get_full_name()] < state_size_limit()

    # A message kept in state that grew past the limit (what must not happen by accident).
    state.notice = "x" * (state_size_limit() + 1)
    with pytest.raises(AssertionError, match="state larger than"):
        check_state_sizes(state)
