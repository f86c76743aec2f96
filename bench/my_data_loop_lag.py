"""How long does one large "Mijn gegevens" export stall the event loop? (one process, no network)

A ticker on the event loop wakes every 5 ms and records how late it woke: that lateness is
what every other user of the worker waits extra. Measured while one export of a participant
with ``--messages`` messages runs:

- ``whole``: the former way: the export dict and its JSON (indent 2) built in a worker
  thread, then base64-encoded for ``rx.download`` and serialised as one websocket event on
  the loop;
- ``streamed``: the file as :mod:`jouw_omgeving.http_my_data` sends it, chunk by chunk from
  the export pool, each chunk handed to the loop;
- ``hashes``: four argon2 checks at once through :func:`jouw_omgeving.slow_work.run_hashing`.

    .venv/bin/python -m bench.my_data_loop_lag --messages 20000
"""

import argparse
import asyncio
import base64
import json
import tempfile
import time
from contextlib import contextmanager
from functools import partial

from sqlmodel import Session, SQLModel

import jouw_omgeving.models  # noqa: F401  (every table on the metadata)
from bench.common import percentile, print_table
from jouw_omgeving.auth.passwords import hash_secret, verify_secret
from jouw_omgeving.db import make_engine
from jouw_omgeving.models import Message
from jouw_omgeving.services.my_data import participant_export
from jouw_omgeving.services.my_data_file import export_begin, export_chunks
from jouw_omgeving.services.viewer import Viewer
from jouw_omgeving.slow_work import run_export, run_hashing
from tests.factories import make_counsellor, make_participant, make_thread

TICK = 0.005


async def _lag_while(work) -> tuple[list[float], float]:
    """Run ``work()`` while ticking; the ticks' lateness (ms) and the work's duration (s)."""
    late, done = [], asyncio.Event()

    async def tick() -> None:
        while not done.is_set():
            planned = time.perf_counter() + TICK
            await asyncio.sleep(TICK)
            late.append(max(0.0, time.perf_counter() - planned) * 1000)

    ticker = asyncio.create_task(tick())
    began = time.perf_counter()
    await work()
    took = time.perf_counter() - began
    done.set()
    await ticker
    return late, took


def main() -> None:
    """Fill a scratch SQLite database, then measure each way once."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=20_000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="jo-lag-")
    engine = make_engine(f"sqlite:///{folder}/lag.db")
    SQLModel.metadata.create_all(engine)
    with Session(engine, expire_on_commit=False) as session:
        counsellor = make_counsellor(session)
        participant = make_participant(session, counsellor=counsellor)
        thread = make_thread(session, participant=participant)
        session.add_all(
            Message(
                thread_id=thread.id,
                sender_id=counsellor.id,
                idempotency_key=f"lag-{n}",
                body=f"Bericht {n}: hoe ging het vandaag met de afspraak bij de woningcorporatie?",
            )
            for n in range(args.messages)
        )
        session.commit()
    viewer = Viewer.of(participant)

    @contextmanager
    def open_session():
        with Session(engine, expire_on_commit=False) as session:
            yield session
            session.commit()

    def build_whole() -> str:
        with open_session() as session:
            return json.dumps(participant_export(session, viewer), ensure_ascii=False, indent=2)

    async def whole() -> None:
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(None, build_whole)
        url = "data:application/json;base64," + base64.b64encode(data.encode()).decode()
        json.dumps({"name": "_download", "payload": {"url": url}})  # the event, on the loop

    async def streamed() -> None:
        with open_session() as session:
            start = export_begin(session, viewer)
        chunks, end = export_chunks(open_session, start), object()
        while (chunk := await run_export(partial(next, chunks, end))) is not end:
            chunk.encode()

    stored = hash_secret("48151")

    async def hashes() -> None:
        checks = [run_hashing(partial(verify_secret, stored, "48151")) for _ in range(4)]
        await asyncio.gather(*checks)

    rows = []
    for name, work in (("whole", whole), ("streamed", streamed), ("hashes", hashes)):
        late, took = asyncio.run(_lag_while(work))
        rows.append([name, took, percentile(late, 50), percentile(late, 99), max(late)])
    print(f"\none export of {args.messages} messages (SQLite), the loop ticking every 5 ms:")
    print_table(["way", "took s", "lag p50 ms", "lag p99 ms", "lag max ms"], rows)


if __name__ == "__main__":
    main()
