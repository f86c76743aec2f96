"""A message the other side sends between two polls is not skipped by one's own send.

Found by the worker-kill browser test (tests/e2e/test_faults_scaled.py): the page showed
only the sender's own new message and moved its poll position past the counsellor's, which
then never appeared until a reload.
"""

import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.state.messages import ROUTE_PARAMETER, ThreadState
from tests.factories import make_counsellor, make_message, make_participant
from tests.state.helpers import login_cookie, run_handler, state_for

pytestmark = pytest.mark.anyio


async def test_a_message_between_polls_shows_before_ones_own(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session, display_name="Kees")
        participant = make_participant(session, counsellor=counsellor, display_name="Mustafa")
        thread = ensure_counsellor_thread(session, participant.id)
        make_message(session, thread=thread, sender=participant, body="Eerste")
    state = await state_for(
        ThreadState,
        cookie=login_cookie(participant),
        path="/deelnemer/berichten/[thread_public_id]",
        query={ROUTE_PARAMETER: str(thread.public_id)},
    )
    await run_handler(state.load_for_participant)
    with db_session() as session:  # the counsellor answers; no poll has run yet
        make_message(session, thread=thread, sender=counsellor, body="Antwoord van Kees")

    await run_handler(state.send, {"text": "Mijn tweede", "key": "a" * 32})

    assert [m["body"] for m in state.messages] == ["Eerste", "Antwoord van Kees", "Mijn tweede"]
    assert [m["mine"] for m in state.messages] == [True, False, True]
