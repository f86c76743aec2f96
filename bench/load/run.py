"""Run many tabs at once for a fixed time and count, and collect what they measured.

1. Every client connects (spread over ``ramp`` seconds) and waits until its first page is
   hydrated; ``after_connect`` is then called once (the server's memory is read there).
2. All clients start together: each does its round of actions, one round trip at a time,
   with a think time between them, until ``max_events`` or ``duration`` is reached.
Failures are counted, never raised: a timeout, a dropped connection, a redirect to the login
page or an error toast from the server.
"""

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.load.protocol import Tab, any_update, hydrated


@dataclass
class Client:
    """One simulated tab: what it does (a behaviour), its cookie and its group."""

    behaviour: object
    cookie: str = ""
    group: str = "others"


@dataclass
class Stats:
    """What one run measured. Latencies in milliseconds."""

    clients: int = 0
    connected: int = 0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    by_action: dict[str, list[float]] = field(default_factory=dict)
    connect: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    window: float = 0.0

    def record(self, group: str, action: str, seconds: float) -> None:
        """One finished round trip."""
        self.latencies.setdefault(group, []).append(seconds * 1000)
        self.by_action.setdefault(action, []).append(seconds * 1000)

    def events_per_second(self, group: str = "others") -> float:
        """Finished round trips of ``group`` per second of the measured window."""
        return len(self.latencies.get(group, [])) / self.window if self.window else 0.0

    def error_count(self) -> int:
        """Every failure of any kind."""
        return sum(self.errors.values())


async def _one(
    index: int,
    client: Client,
    base_url: str,
    stats: Stats,
    go: asyncio.Event,
    settings: dict,
) -> None:
    rng = random.Random(index)
    behaviour = client.behaviour
    tab = Tab(base_url, cookie=client.cookie)
    await asyncio.sleep(settings["ramp"] * index / max(1, stats.clients))
    first_done = any_update if behaviour.first_page == "/" else hydrated
    try:
        stats.connect.append(
            1000
            * await tab.open(behaviour.first_page, done=first_done, timeout=settings["timeout"])
        )
    except Exception as error:  # counted, not raised
        stats.errors[f"connect: {type(error).__name__}"] += 1
        settings["arrived"]()
        await tab.close()
        return
    stats.connected += 1
    settings["arrived"]()
    await go.wait()
    think_low, think_high = settings["think"]
    await asyncio.sleep(rng.uniform(0, think_high))
    steps = behaviour.steps(tab)
    done = 0
    while done < settings["max_events"] and time.monotonic() < settings["end"]:
        action, start = next(steps)
        redirects, alerts = tab.redirects, tab.alerts
        try:
            seconds = await asyncio.wait_for(start(), settings["timeout"])
        except Exception as error:  # counted, not raised
            stats.errors[f"{action}: {type(error).__name__}"] += 1
            if not tab.sio.connected:
                stats.errors["disconnected"] += 1
                break
        else:
            stats.record(client.group, action, seconds)
        if tab.redirects > redirects:
            stats.errors[f"{action}: redirect"] += 1
        if tab.alerts > alerts:
            stats.errors[f"{action}: server error"] += 1
        done += 1
        await asyncio.sleep(rng.uniform(think_low, think_high))
    await tab.close()


async def run_clients(
    base_url: str,
    clients: list[Client],
    *,
    duration: float,
    max_events: int,
    think: tuple[float, float] = (1.0, 3.0),
    ramp: float = 5.0,
    timeout: float = 15.0,
    after_connect: Callable[[], None] | None = None,
) -> Stats:
    """Run ``clients`` against ``base_url``; returns the measurements."""
    stats = Stats(clients=len(clients))
    go = asyncio.Event()
    arrived = 0
    all_arrived = asyncio.Event()

    def mark_arrived() -> None:
        nonlocal arrived
        arrived += 1
        if arrived == len(clients):
            all_arrived.set()

    settings = {
        "ramp": ramp,
        "timeout": timeout,
        "think": think,
        "max_events": max_events,
        "end": float("inf"),
        "arrived": mark_arrived,
    }
    tasks = [
        asyncio.create_task(_one(i, c, base_url, stats, go, settings))
        for i, c in enumerate(clients)
    ]
    await asyncio.wait_for(all_arrived.wait(), ramp + timeout + 30)
    await asyncio.sleep(1.0)  # let the on_load work of the last connects settle
    if after_connect is not None:
        after_connect()
    started = time.monotonic()
    settings["end"] = started + duration
    go.set()
    await asyncio.gather(*tasks)
    stats.window = min(time.monotonic(), settings["end"]) - started
    return stats
