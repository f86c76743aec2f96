"""Benchmark: Lighthouse (mobile emulation) on the participant pages of the production build.

Starts the app once (production build, demo data, a scratch SQLite database), logs a demo
participant in on the server side (the session cookie goes to Lighthouse as an extra header)
and runs Lighthouse 12.2.3 (from ``.tools``; the last version that runs on Node 20) with
Debian's Chromium against every participant page. The login page, a page without login and
without charts, is measured in the same run as the baseline. Prints performance,
accessibility and best-practices scores, the bytes downloaded, the number of page elements
(DOM) and whether the chart library was loaded, with the targets of issue 4.

    .venv/bin/python -m bench.lighthouse                     # every participant page
    .venv/bin/python -m bench.lighthouse --pages /deelnemer/voortgang
    .venv/bin/python -m bench.lighthouse --runs 3 --reports /tmp/lh   # median of 3, keep JSON

Nothing leaves the machine: the app listens on loopback, Lighthouse's error reporting is off
and Chromium runs with background networking disabled. Scores vary with the machine's load
(the 1-minute load average is printed before and after): run it on a quiet machine, and use
``--runs 3`` (each page's row is its median run; "perf runs" lists every run's score).
The chart page is measured as it first appears (summary only, no chart library); the
library's cost after "Bekijk grafiek" is not part of the page load.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlmodel import select

from bench.common import print_table
from jouw_omgeving import routes
from jouw_omgeving.auth.cookies import session_cookie_name
from jouw_omgeving.auth.sessions import session_exchange, session_start_pending
from jouw_omgeving.db import db_session
from jouw_omgeving.models import User
from jouw_omgeving.models.enums import Role
from tests.e2e.server import REPO, start_app

LIGHTHOUSE = REPO / ".tools" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CHART_PAGES = {routes.PARTICIPANT_PROGRESS}
FAST_PAGES = {routes.PARTICIPANT_HOME, routes.PARTICIPANT_GOALS}
PAGES = (
    routes.PARTICIPANT_HOME,
    routes.PARTICIPANT_GOALS,
    routes.PARTICIPANT_PROGRESS,
    routes.PARTICIPANT_SELF_ASSESSMENT,
    routes.PARTICIPANT_CHECK_IN,
    routes.PARTICIPANT_ACCESS_LOG,
)
BASELINE = routes.LOGIN


def participant_cookie(db_url: str, username: str) -> str:
    """A ``Cookie`` header value with a fresh session of ``username`` in the app's database."""
    with db_session(db_url) as session:
        user = session.exec(select(User).where(User.username == username)).one()
        code = session_start_pending(session, user=user, client_address="127.0.0.1")
        token = session_exchange(session, code=code)
    return f"{session_cookie_name()}={token}"


def first_normal_text_participant(db_url: str) -> str:
    """The first demo participant (by username) who did not choose larger text."""
    with db_session(db_url) as session:
        return session.exec(
            select(User.username)
            .where(User.role == Role.PARTICIPANT, User.large_text.is_(False))
            .order_by(User.username)
        ).first()


def run_lighthouse(url: str, cookie: str | None) -> dict:
    """One Lighthouse run (mobile, the three categories); returns the parsed JSON report."""
    node = shutil.which("node") or "/usr/bin/node"
    command = [
        node,
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--only-categories=performance,accessibility,best-practices",
        "--quiet",
        "--no-enable-error-reporting",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    env = dict(os.environ, CHROME_PATH=os.environ.get("JO_CHROMIUM", "/usr/bin/chromium"))
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if not result.stdout.strip():
        raise RuntimeError(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def summarise(path: str, report: dict) -> dict:
    """Scores (0-100), KiB downloaded, chart library loaded, and where the page ended up."""
    categories = report["categories"]
    audits = report["audits"]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    return {
        "page": path,
        "ended at": report.get("finalDisplayedUrl", "").split("//", 1)[-1].split("/", 1)[-1],
        "perf": _score(categories, "performance"),
        "a11y": _score(categories, "accessibility"),
        "best": _score(categories, "best-practices"),
        "KiB": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "FCP s": _seconds(audits, "first-contentful-paint"),
        "LCP s": _seconds(audits, "largest-contentful-paint"),
        "TBT ms": round(audits.get("total-blocking-time", {}).get("numericValue") or 0),
        "CLS": round(audits.get("cumulative-layout-shift", {}).get("numericValue") or 0, 3),
        "DOM": round(audits.get("dom-size", {}).get("numericValue") or 0),  # elements
        "plotly": any("plotly" in item.get("url", "") for item in requests),
        "target": _target(path, categories),
        "a11y failures": " ".join(_failed(report, "accessibility")) or "-",
    }


def _failed(report: dict, category: str) -> list[str]:
    """Ids of the category's audits that failed (e.g. ``color-contrast``)."""
    refs = report["categories"].get(category, {}).get("auditRefs", [])
    audits = report["audits"]
    return [
        ref["id"]
        for ref in refs
        if ref.get("weight") and audits.get(ref["id"], {}).get("score") not in (None, 1)
    ]


def _seconds(audits: dict, key: str) -> float:
    return round((audits.get(key, {}).get("numericValue") or 0) / 1000, 1)


def _score(categories: dict, key: str) -> int | None:
    score = categories.get(key, {}).get("score")
    return None if score is None else round(score * 100)


def _target(path: str, categories: dict) -> str:
    if path == BASELINE:
        return "baseline"
    perf, a11y = _score(categories, "performance"), _score(categories, "accessibility")
    need = 90 if path in FAST_PAGES else 75 if path in CHART_PAGES else None
    ok = a11y == 100 and (need is None or (perf or 0) >= need)
    return ("ok" if ok else "MISSED") + f" (a11y 100{f', perf >= {need}' if need else ''})"


def _measure(base_url: str, cookie: str | None, path: str, args: argparse.Namespace) -> list[dict]:
    """``args.runs`` Lighthouse runs of one page, summarised (full reports kept if asked)."""
    rows = []
    for run in range(max(1, args.runs)):
        report = run_lighthouse(base_url + path, cookie)
        if args.reports:
            args.reports.mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "_") or "root"
            (args.reports / f"{name}-{run + 1}.json").write_text(json.dumps(report))
        rows.append(summarise(path, report))
    return rows


def _median_row(page_runs: list[dict]) -> dict:
    """The run with the median performance score, with every run's score beside it."""
    ordered = sorted(page_runs, key=lambda row: row["perf"] or 0)
    row = dict(ordered[(len(ordered) - 1) // 2])
    row["perf runs"] = "/".join(str(r["perf"]) for r in page_runs)
    return row


def _load_average() -> str:
    """The machine's 1-minute load average (scores fall when other work shares the CPU)."""
    return f"{os.getloadavg()[0]:.2f}"


def main(argv: list[str] | None = None) -> None:
    """Start the app, run Lighthouse on each page, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument(
        "--user",
        default="",
        help="a demo participant (default: the first with normal text size; one with larger "
        "text, e.g. deelnemer15, shows the first visit on a new device, when the page grows "
        "once the account's setting arrives)",
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="runs per page; the row with the median score"
    )
    parser.add_argument("--reports", type=Path, help="a folder for every run's full JSON report")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is missing: cd .tools && npm install")
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="jo-lighthouse-") as tmp:
        app = start_app(Path(tmp))
        try:
            user = args.user or first_normal_text_participant(app.db_url)
            cookie = participant_cookie(app.db_url, user)
            runs = {BASELINE: _measure(app.base_url, None, BASELINE, args)}
            for path in args.pages:
                runs[path] = _measure(app.base_url, cookie, path, args)
        finally:
            app.stop()
    rows = [_median_row(page_runs) for page_runs in runs.values()]
    print(
        f"user {user}; load average before/after: {load_before} / {_load_average()}; "
        f"runs per page: {args.runs}"
    )
    headers = list(rows[0])
    print_table(headers, [[row[h] for h in headers] for row in rows])


if __name__ == "__main__":
    main()
