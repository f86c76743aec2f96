"""Thread pools for slow work, apart from the event loop and from the shared default pool.

Reflex's ``rx.run_in_thread`` uses asyncio's default executor: one pool per worker of
``min(32, cores + 4)`` threads (6 on a 2-core machine) that every handler shares, the
message and caseload polls included. A burst of logins (argon2, ~0.2 s of CPU each) or a
few large exports there would hold all of its threads, and everyone's poll would wait.

So slow work gets pools of its own, each with few threads: a login storm queues behind
:data:`HASH_THREADS` hashes per worker, and never takes a thread the polls need. Their
threads also run at a lower CPU priority (Linux: a nice value per thread), so on a busy
machine the event loops and the short queries get the CPU first and the slow work fills
the gaps. The slow work itself holds no database transaction while it computes (see
:func:`jouw_omgeving.auth.local_login.login_check`), so a low priority delays nobody else.
"""

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import TypeVar

T = TypeVar("T")

# Argon2 hashes and verifications (login, activation, own password, new staff accounts).
HASH_THREADS = 2
# Building the "Mijn gegevens" file, chunk by chunk.
EXPORT_THREADS = 2
# How much lower the slow threads' CPU priority is (0 = as the rest, 19 = lowest).
SLOW_NICENESS = 10


def _lower_priority() -> None:
    """Lower this thread's CPU priority (Linux threads have their own nice value)."""
    # Not Linux, or not allowed: the same priority as the rest then.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), SLOW_NICENESS)


@cache
def _pool(name: str, threads: int) -> ThreadPoolExecutor:
    # One pool per process and kind: made on first use, so a forked worker builds its own.
    return ThreadPoolExecutor(
        max_workers=threads, thread_name_prefix=f"jo-{name}", initializer=_lower_priority
    )


async def run_hashing(func: Callable[[], T]) -> T:
    """Run ``func`` (which hashes or verifies a password or PIN) in the hashing pool."""
    return await asyncio.get_running_loop().run_in_executor(_pool("hash", HASH_THREADS), func)


async def run_export(func: Callable[[], T]) -> T:
    """Run ``func`` (a step of a large export) in the export pool."""
    return await asyncio.get_running_loop().run_in_executor(_pool("export", EXPORT_THREADS), func)
