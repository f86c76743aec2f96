"""Does one participant downloading a large "Mijn gegevens" file slow the others down?

``bench.load``'s slow-action mode opens the page and asks for the download over the
websocket. Since the file became a plain HTTP download (``/mijn-gegevens.json``, streamed),
that request no longer carries the file, so this runs the same scaled set-up and the same
mixed clients as ``bench.load`` twice: quiet, and while slow clients work — one logs in
with a PIN over and over, one opens "Mijn gegevens" over and over, and ``curl`` downloads
the heavy participant's whole file (20,000 messages) over and over — and prints the
others' p95 with and without.

    flock /tmp/jo-bench.lock .venv/bin/python -m bench.my_data_download --clients 200
"""

import argparse
import random
import secrets
import subprocess
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from bench.common import percentile, scratch_database
from bench.load.__main__ import measure, mixed_clients, parse_args, warm_up
from bench.load.actions import SlowExport, SlowLogin
from bench.load.prepare import prepare
from bench.load.run import Client
from bench.load.servers import start_app, start_redis
from jouw_omgeving.routes import MY_DATA_FILE


def _download_loop(
    url: str, cookie: str, think: tuple[float, float], stop: threading.Event, seconds: list[float]
) -> None:
    """Fetch the file again and again with curl (its own process: no load on this one).

    Between two downloads it waits as long as a simulated user thinks (``--think``), as
    bench.load's slow clients do; ``--think 0,0`` downloads back to back.
    """
    rng = random.Random(3)
    while not stop.wait(rng.uniform(*think)):
        began = time.perf_counter()
        done = subprocess.run(
            ["curl", "-sf", "-o", "/dev/null", "-H", f"Cookie: {cookie}", url],
            check=False,
            timeout=120,
        )
        if done.returncode == 0:
            seconds.append(time.perf_counter() - began)


def main() -> None:
    """Quiet run, busy run, the others' p95 of both."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think", default="2,8", help="seconds between downloads: min,max")
    own = parser.parse_args()
    args = parse_args(["--duration", str(own.duration)])
    low, high = (float(x) for x in own.think.split(","))
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="jo-mydata-") as tmp:
        log_dir = Path(tmp)
        db_url = stack.enter_context(scratch_database("postgresql", args.postgres_url))
        cast = prepare(db_url, own.clients)
        redis, redis_url = start_redis(log_dir, secrets.token_urlsafe(16))
        stack.callback(redis.wait, 10)
        stack.callback(redis.terminate)
        app = start_app(db_url, log_dir, workers=own.workers, redis_url=redis_url)
        stack.callback(app.stop)
        warm_up(app, mixed_clients(cast, 14), args)
        quiet = measure(app, mixed_clients(cast, own.clients), args, "app, no slow")
        slow = [
            Client(SlowLogin(cast.logins[0], random.Random(1)), "", group="slow"),
            Client(SlowExport(cast.heavy[0], random.Random(2)), cast.heavy[0].cookie, "slow"),
        ]
        stop, seconds = threading.Event(), []
        loop = threading.Thread(
            target=_download_loop,
            args=(app.base_url + MY_DATA_FILE, cast.heavy[1].cookie, (low, high), stop, seconds),
        )
        loop.start()
        try:
            busy = measure(app, mixed_clients(cast, own.clients) + slow, args, "app + slow")
        finally:
            stop.set()
            loop.join()
    increase = 100 * (busy["p95"] / quiet["p95"] - 1)
    print(
        f"\n{own.clients} clients, {own.workers} workers: others' p95 {quiet['p95']:.1f} ms "
        f"without, {busy['p95']:.1f} ms with the slow clients ({increase:+.0f} %); "
        f"p50 {quiet['p50']:.1f} / {busy['p50']:.1f} ms; errors {quiet['errors']} / "
        f"{busy['errors']}; load {quiet['load']:.1f} / {busy['load']:.1f}"
    )
    if seconds:
        print(
            f"  file downloads: {len(seconds)} done, p50 {percentile(seconds, 50):.2f} s, "
            f"max {max(seconds):.2f} s"
        )
    for action, values in sorted(busy["stats"].by_action.items()):
        if action.startswith("slow"):
            print(f"  {action}: {len(values)} done, p50 {percentile(values, 50):.0f} ms")


if __name__ == "__main__":
    main()
