"""The worker's news board: one question for every open thread, only changed pages woken."""

import asyncio
import time

import psycopg
import pytest

from jouw_omgeving.db import db_session
from jouw_omgeving.services.messages import ensure_counsellor_thread
from jouw_omgeving.state.thread_news import NewsBoard, news_board, news_marks
from tests.factories import make_counsellor, make_message, make_participant

pytestmark = pytest.mark.anyio
TICK = 0.05


@pytest.fixture
def threads(app_db):
    with db_session() as session:
        counsellor = make_counsellor(session)
        people = [make_participant(session, counsellor=counsellor) for _ in range(2)]
        found = [ensure_counsellor_thread(session, person.id) for person in people]
        for person, thread in zip(people, found, strict=True):
            make_message(session, thread=thread, sender=person, body="Hoi")
    return counsellor, found


class Asked:
    """The real query, remembering which threads each tick asked for."""

    def __init__(self, fail_first: int = 0) -> None:
        self.questions: list[list[int]] = []
        self.fail_first = fail_first

    def __call__(self, thread_ids: list[int]) -> dict[int, tuple[int, int]]:
        self.questions.append(list(thread_ids))
        if len(self.questions) <= self.fail_first:
            raise psycopg.OperationalError("connection refused")  # the database restarting
        return news_marks(thread_ids)


async def test_one_question_for_all_open_threads_wakes_only_the_changed_page(threads):
    counsellor, (first, second) = threads
    asked = Asked()
    board = NewsBoard(asked, TICK)
    with board.watching(first.id), board.watching(second.id):
        marks = [await board.next_mark(t.id, None, 2.0) for t in (first, second)]
        assert None not in marks
        quiet_second = asyncio.create_task(board.next_mark(second.id, marks[1], 0.5))
        news_for_first = asyncio.create_task(board.next_mark(first.id, marks[0], 5.0))
        with db_session() as session:
            make_message(session, thread=first, sender=counsellor, body="Nieuws")
        started = time.monotonic()
        changed = await news_for_first
        woke_after = time.monotonic() - started
        assert changed != marks[0]  # the page with news is woken
        assert woke_after < 2.0  # within a few ticks, not at its timeout
        assert await quiet_second == marks[1]  # the other page only at its timeout
    assert asked.questions  # every tick asked for both threads in one question
    assert all(sorted(q) == sorted([first.id, second.id]) for q in asked.questions)


async def test_the_board_stops_asking_when_no_page_watches(threads):
    _counsellor, (first, _second) = threads
    asked = Asked()
    board = NewsBoard(asked, TICK)
    with board.watching(first.id):
        await board.next_mark(first.id, None, 2.0)
    assert board.watched == set()
    await asyncio.sleep(4 * TICK)
    asked_when_left = len(asked.questions)
    await asyncio.sleep(6 * TICK)
    assert len(asked.questions) == asked_when_left


async def test_a_second_page_on_the_same_thread_keeps_it_on_the_board(threads):
    _counsellor, (first, _second) = threads
    board = NewsBoard(Asked(), TICK)
    with board.watching(first.id):
        with board.watching(first.id):
            pass
        assert board.watched == {first.id}
        assert await board.next_mark(first.id, None, 2.0) is not None


async def test_while_the_database_is_away_nobody_is_woken_and_the_board_asks_again(threads):
    counsellor, (first, _second) = threads
    asked = Asked(fail_first=3)
    board = NewsBoard(asked, TICK)
    with board.watching(first.id):
        assert await board.next_mark(first.id, None, 2 * TICK) is None  # no answer yet
        mark = await board.next_mark(first.id, None, 2.0)  # the database is back
        assert mark is not None
        assert len(asked.questions) > 3
        with db_session() as session:
            make_message(session, thread=first, sender=counsellor, body="Weer bereikbaar")
        assert await board.next_mark(first.id, mark, 2.0) != mark


async def test_each_event_loop_has_its_own_board():
    board = news_board()
    assert news_board() is board
    other = await asyncio.to_thread(lambda: asyncio.run(_board_of_a_new_loop()))
    assert other is not board


async def _board_of_a_new_loop() -> NewsBoard:
    return news_board()
