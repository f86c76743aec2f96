"""One "anything newer?" question per worker for all the thread pages open on it.

Every open thread page waits for news of its thread. Instead of each page asking the
database once a second, the worker keeps one :class:`NewsBoard`: the threads its open pages
watch, and one loop that asks for all of them in a single indexed query each tick
(:func:`news_marks`), then wakes only the pages whose thread changed. A woken page still
checks its session and access and reads the news itself; the board only tells it when.

Nothing on the board is needed by another worker: each worker asks the database for the
threads open on it, so one worker or many behind Redis work the same. While the database
is unreachable the board keeps asking at each tick and wakes nobody.
"""

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

import reflex as rx

from jouw_omgeving.db import db_session
from jouw_omgeving.services.messages_read import thread_news_marks
from jouw_omgeving.state.outage import is_database_outage

logger = logging.getLogger(__name__)

TICK_SECONDS = 1.0

Mark = tuple[int, int]


def news_marks(thread_ids: list[int]) -> dict[int, Mark]:
    """The "anything newer?" answer of every thread in ``thread_ids`` (read-only)."""
    with db_session(write=False) as session:
        return thread_news_marks(session, thread_ids=thread_ids)


class NewsBoard:
    """The threads watched on one event loop, asked for together once per tick."""

    def __init__(
        self,
        fetch: Callable[[list[int]], dict[int, Mark]] = news_marks,
        tick_seconds: float = TICK_SECONDS,
    ) -> None:
        self._fetch = fetch
        self._tick = tick_seconds
        self._watchers: Counter[int] = Counter()
        self._marks: dict[int, Mark] = {}
        self._wakers: dict[int, asyncio.Event] = {}
        self._task: asyncio.Task | None = None

    @property
    def watched(self) -> set[int]:
        """The threads some page on this loop is waiting on."""
        return set(self._watchers)

    @contextmanager
    def watching(self, thread_id: int) -> Iterator[None]:
        """Put ``thread_id`` on the board for the duration of the block."""
        self._watchers[thread_id] += 1
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())
        try:
            yield
        finally:
            self._watchers[thread_id] -= 1
            if self._watchers[thread_id] <= 0:
                del self._watchers[thread_id]
                self._marks.pop(thread_id, None)
                self._wakers.pop(thread_id, None)

    async def next_mark(self, thread_id: int, seen: Mark | None, timeout: float) -> Mark | None:
        """The thread's mark as soon as it differs from ``seen``, or after ``timeout`` seconds
        whatever the board knows (``None`` before the first answer)."""
        deadline = time.monotonic() + timeout
        while True:
            mark = self._marks.get(thread_id)
            if mark is not None and mark != seen:
                return mark
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return mark
            waker = self._wakers.setdefault(thread_id, asyncio.Event())
            try:
                await asyncio.wait_for(waker.wait(), remaining)
            except TimeoutError:
                return self._marks.get(thread_id)

    async def _run(self) -> None:
        """Ask for every watched thread each tick while any page watches one."""
        while True:
            await asyncio.sleep(self._tick)
            if not self._watchers:
                return  # the next page to watch starts the loop again
            thread_ids = sorted(self._watchers)
            try:
                marks = await rx.run_in_thread(partial(self._fetch, thread_ids))
            except Exception as error:
                if not is_database_outage(error):
                    logger.exception("the thread news board could not ask the database")
                continue  # wake nobody; ask again at the next tick
            for thread_id, mark in marks.items():
                if thread_id in self._watchers and self._marks.get(thread_id) != mark:
                    self._marks[thread_id] = mark
                    waker = self._wakers.pop(thread_id, None)
                    if waker is not None:
                        waker.set()


_boards: dict[int, tuple[asyncio.AbstractEventLoop, NewsBoard]] = {}


def news_board() -> NewsBoard:
    """The board of the running event loop (one per backend worker)."""
    loop = asyncio.get_running_loop()
    for key in [key for key, (other, _board) in _boards.items() if other.is_closed()]:
        del _boards[key]  # loops of finished tests or of a restarted worker
    found = _boards.get(id(loop))
    if found is None or found[0] is not loop:
        found = (loop, NewsBoard())
        _boards[id(loop)] = found
    return found[1]
