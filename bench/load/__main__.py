"""Load test: simulated participants and counsellors against the app, beside a bare echo.

    .venv/bin/python -m bench.load                       # both set-ups, 50/200/500 clients
    .venv/bin/python -m bench.load --setups sqlite --clients 50 --duration 20
    .venv/bin/python -m bench.load --postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Set-ups: ``sqlite`` (the embedded default: one worker, memory state) and ``scaled``
(PostgreSQL in a scratch database, a private password-protected Redis, ``--workers``
Granian workers). Per set-up and client count it runs the bare socket.io echo server with
the same client and the same number of workers first, then the app, and prints events per
second, p50/p95/p99 round-trip latency, errors and server memory per connected client, and
the ratio app/echo. With ``--floor`` (the default) it also runs, on the app's own server,
clients whose only event is a handler without database work (``Floor``): Reflex's own
per-event cost, the fair lower bound for the app. With ``--slow-clients`` it then runs the
app again at ``--slow-at`` clients while a few extra clients log in with a PIN (argon2)
and open and download a large "Mijn gegevens" export over and over, and compares the
others' p95 with and without them.
Everything runs on loopback, is bounded by ``--duration`` and ``--events`` per client, and
removes its databases and Redis afterwards.
"""

import argparse
import asyncio
import os
import random
import secrets
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import percentile, print_table, scratch_database
from bench.load.actions import Counsellor, Echo, Floor, Participant, SlowExport, SlowLogin
from bench.load.prepare import Cast, prepare
from bench.load.run import Client, Stats, run_clients
from bench.load.servers import Server, start_app, start_echo, start_redis

COUNSELLOR_SHARE = 7  # one counsellor tab per seven clients


def mixed_clients(cast: Cast, count: int) -> list[Client]:
    """``count`` tabs: six participants to one counsellor, users reused when there are few."""
    clients = []
    for i in range(count):
        if i % COUNSELLOR_SHARE == COUNSELLOR_SHARE - 1:
            plan = cast.counsellors[(i // COUNSELLOR_SHARE) % len(cast.counsellors)]
            clients.append(Client(Counsellor(plan, random.Random(i)), plan.cookie))
        else:
            plan = cast.participants[i % len(cast.participants)]
            clients.append(Client(Participant(plan, random.Random(i)), plan.cookie))
    return clients


def slow_clients(cast: Cast, count: int) -> list[Client]:
    """Half log in over and over, half open and download the heavy participants' export."""
    clients = []
    for i in range(count):
        if i % 2 == 0:
            login = cast.logins[(i // 2) % len(cast.logins)]
            clients.append(Client(SlowLogin(login, random.Random(i)), "", group="slow"))
        else:
            plan = cast.heavy[(i // 2) % len(cast.heavy)]
            clients.append(Client(SlowExport(plan, random.Random(i)), plan.cookie, group="slow"))
    return clients


def measure(server: Server, clients: list[Client], args, label: str) -> dict:
    """One bounded run against ``server``; a row of numbers."""
    memory = {"before": server.rss_bytes()}
    errors_before = server.tracebacks()
    load = os.getloadavg()[0]

    cpu = {}

    def after_connect() -> None:
        memory["after"] = server.rss_bytes()
        cpu["server"], cpu["client"] = server.cpu_seconds(), time.process_time()

    stats: Stats = asyncio.run(
        run_clients(
            server.base_url,
            clients,
            duration=args.duration,
            max_events=args.events,
            think=args.think,
            ramp=args.ramp,
            timeout=args.timeout,
            after_connect=after_connect,
        )
    )
    others = stats.latencies.get("others", [])
    tracebacks = server.tracebacks() - errors_before
    done = max(1, len(stats.latencies.get("others", [])) + len(stats.latencies.get("slow", [])))
    server_cpu = 1000 * (server.cpu_seconds() - cpu.get("server", 0.0)) / done
    client_cpu = 1000 * (time.process_time() - cpu.get("client", 0.0)) / done
    row = {
        "label": label,
        "clients": len(clients),
        "connected": stats.connected,
        "events/s": stats.events_per_second(),
        "p50": percentile(others, 50) if others else float("nan"),
        "p95": percentile(others, 95) if others else float("nan"),
        "p99": percentile(others, 99) if others else float("nan"),
        "errors": stats.error_count(),
        "tracebacks": tracebacks,
        "cpu/event": server_cpu,
        "client cpu/event": client_cpu,
        "KiB/client": (memory.get("after", 0) - memory["before"]) / 1024 / max(1, stats.connected),
        "load": load,
        "stats": stats,
    }
    print(
        f"  {label}: {len(clients)} clients, {len(others)} round trips, "
        f"p95 {row['p95']:.1f} ms, errors {dict(stats.errors) or 0}, "
        f"server tracebacks {tracebacks}, server CPU {server_cpu:.1f} ms/event, "
        f"load {load:.2f}",
        flush=True,
    )
    return row


def warm_up(server: Server, clients: list[Client], args) -> None:
    """A short run that is not reported: imports, caches and pools are warm afterwards."""
    short = argparse.Namespace(**{**vars(args), "duration": 5.0, "events": 5, "ramp": 1.0})
    measure(server, clients, short, "warm-up")


def slow_pair(server: Server, cast: Cast, args, name: str) -> tuple[dict, dict]:
    """The others at ``--slow-at`` clients alone, then with the slow clients beside them."""
    count = args.slow_at
    quiet = measure(server, mixed_clients(cast, count), args, f"{name} app, no slow")
    busy = measure(
        server,
        mixed_clients(cast, count) + slow_clients(cast, args.slow_clients),
        args,
        f"{name} app + slow",
    )
    return quiet, busy


def slow_change(quiet: dict, busy: dict) -> float:
    """How much the slow clients raised the others' p95, in percent."""
    return 100 * (busy["p95"] / quiet["p95"] - 1) if quiet["p95"] else float("nan")


def run_setup(name: str, args, log_dir: Path) -> list[tuple[dict, dict]]:
    """Echo and app rows for every client count of one set-up (and the slow-action rows)."""
    workers = 1 if name == "sqlite" else args.workers
    rows = []
    with ExitStack() as stack:
        kind = "sqlite" if name == "sqlite" else "postgresql"
        db_url = stack.enter_context(scratch_database(kind, args.postgres_url))
        cast = prepare(db_url, max(args.clients))
        redis_url = None
        if name == "scaled":
            redis, redis_url = start_redis(log_dir, secrets.token_urlsafe(16))
            stack.callback(redis.wait, 10)
            stack.callback(redis.terminate)
        echo = start_echo(log_dir, workers=workers)
        echo_rows = {}
        try:
            warm_up(echo, [Client(Echo(None, random.Random(0))) for _ in range(10)], args)
            for count in args.clients:
                clients = [Client(Echo(None, random.Random(0))) for _ in range(count)]
                echo_rows[count] = measure(echo, clients, args, f"{name} echo")
        finally:
            echo.stop()
        app = start_app(db_url, log_dir, workers=workers, redis_url=redis_url)
        try:
            warm_up(app, mixed_clients(cast, 14), args)
            for count in args.clients:
                if args.floor:
                    floor = [Client(Floor(None, random.Random(i))) for i in range(count)]
                    echo_rows[count]["floor"] = measure(app, floor, args, f"{name} floor")
                row = measure(app, mixed_clients(cast, count), args, f"{name} app")
                rows.append((echo_rows[count], row))
            if args.slow_clients and args.slow_at:
                for _pair in range(args.slow_pairs):
                    rows.append(slow_pair(app, cast, args, name))
        finally:
            app.stop()
    return rows


def print_results(name: str, workers: int, rows: list[tuple[dict, dict]], pairs: int) -> None:
    """The table of one set-up; the last ``pairs`` rows are the slow-action pairs."""
    table_rows, slow_rows = (rows[:-pairs], rows[-pairs:]) if pairs else (rows, [])
    print(f"\n{name} ({workers} worker{'s' if workers > 1 else ''}): echo vs app")
    headers = [
        "clients",
        "server",
        "connected",
        "ev/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "tracebacks",
        "CPU ms/ev",
        "KiB/client",
        "p95 ratio",
        "load",
    ]
    out = []
    for echo, app in table_rows:
        floor = echo.get("floor")
        for row in (echo, floor, app) if floor else (echo, app):
            ratio = row["p95"] / echo["p95"] if row is not echo and echo["p95"] else ""
            out.append(
                [
                    row["clients"],
                    "echo" if row is echo else "floor" if row is floor else "app",
                    row["connected"],
                    row["events/s"],
                    row["p50"],
                    row["p95"],
                    row["p99"],
                    row["errors"],
                    row["tracebacks"],
                    row["cpu/event"],
                    row["KiB/client"],
                    f"{ratio:.1f}x" if ratio else "",
                    row["load"],
                ]
            )
    print_table(headers, out)
    if slow_rows:
        print_slow_pairs(slow_rows)
    for _echo, app in table_rows:
        actions = app["stats"].by_action
        print(
            f"  {app['clients']} clients, app p50/p95 per action (ms): "
            + ", ".join(
                f"{a} {percentile(v, 50):.0f}/{percentile(v, 95):.0f}"
                for a, v in sorted(actions.items())
                if len(v) > 1
            )
        )


def print_slow_pairs(pairs: list[tuple[dict, dict]]) -> None:
    """Each pair's change of the others' p95 and the median over the pairs."""
    changes = [slow_change(quiet, busy) for quiet, busy in pairs]
    quiet, busy = pairs[0]
    print(
        f"\nslow actions at {quiet['clients']} clients "
        f"({busy['clients'] - quiet['clients']} slow clients beside them), {len(pairs)} pairs:"
    )
    for index, ((quiet, busy), change) in enumerate(zip(pairs, changes, strict=True), 1):
        print(
            f"  pair {index}: others' p95 {quiet['p95']:.1f} ms without, {busy['p95']:.1f} ms "
            f"with ({change:+.0f} %); errors {quiet['errors']} / {busy['errors']}, "
            f"load {quiet['load']:.1f} / {busy['load']:.1f}"
        )
        for action, values in sorted(busy["stats"].by_action.items()):
            if action.startswith("slow"):
                print(
                    f"    {action}: {len(values)} done, p50 {percentile(values, 50):.0f} ms, "
                    f"p95 {percentile(values, 95):.0f} ms"
                )
    print(f"  median change of the others' p95: {statistics.median(changes):+.0f} %")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--setups", default="sqlite,scaled")
    parser.add_argument("--clients", default="50,200,500")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per run")
    parser.add_argument("--events", type=int, default=100, help="round trips per client at most")
    parser.add_argument("--think", default="2,8", help="seconds between clicks: min,max")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds to connect everyone")
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=2, help="workers of the scaled set-up")
    parser.add_argument("--slow-clients", type=int, default=2)
    parser.add_argument("--log-dir", default="", help="keep the servers' logs here")
    parser.add_argument("--slow-at", type=int, default=200)
    parser.add_argument(
        "--slow-pairs",
        type=int,
        default=3,
        help="runs without and with the slow clients (one run pair is noisy; the median counts)",
    )
    parser.add_argument(
        "--floor",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also measure a no-database handler on the app's server (Reflex's own cost)",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "JO_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args(argv)
    args.setups = [s for s in args.setups.split(",") if s]
    args.clients = [int(c) for c in args.clients.split(",")]
    low, high = (float(x) for x in args.think.split(","))
    args.think = (low, high)
    return args


def main(argv: list[str] | None = None) -> None:
    """Run every set-up and print its table."""
    args = parse_args(argv)
    print(
        f"load test: {args.clients} clients, {args.duration:.0f} s or {args.events} events each, "
        f"think {args.think[0]:g}-{args.think[1]:g} s, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="jo-load-") as tmp:
        log_dir = Path(args.log_dir or tmp)
        log_dir.mkdir(parents=True, exist_ok=True)
        results = {}
        for name in args.setups:
            results[name] = run_setup(name, args, log_dir)
        for name, rows in results.items():
            workers = 1 if name == "sqlite" else args.workers
            pairs = args.slow_pairs if args.slow_clients and args.slow_at else 0
            print_results(name, workers, rows, pairs)


if __name__ == "__main__":
    main()
