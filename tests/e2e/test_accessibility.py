"""axe-core in the real browser on every participant page: no WCAG 2.2 A/AA violations.

axe-core comes from ``.tools`` (npm, pinned in ``.tools/package.json``) and is injected into
the page after the websocket delivered its data, so what is checked is what a person sees.
"""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving import routes
from tests.e2e.login import log_in, log_in_staff
from tests.e2e.server import REPO

pytestmark = pytest.mark.e2e

AXE = REPO / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Read-only visits: the pages as a participant with ten months of demo history sees them.
PARTICIPANT_PAGES = [
    routes.PARTICIPANT_HOME,
    routes.PARTICIPANT_MESSAGES,
    routes.PARTICIPANT_GOALS,
    routes.PARTICIPANT_GOAL_NEW,
    routes.PARTICIPANT_PROGRESS,
    routes.PARTICIPANT_SELF_ASSESSMENT,
    routes.PARTICIPANT_CHECK_IN,
    routes.PARTICIPANT_CONSENT,
    routes.PARTICIPANT_MY_DATA,
    routes.PARTICIPANT_ACCESS_LOG,
    routes.PARTICIPANT_APPOINTMENTS,
    routes.PARTICIPANT_HELP,
    routes.PARTICIPANT_NETWORK,
    routes.PARTICIPANT_SETTINGS,
    routes.PARTICIPANT_ASSIGNMENTS,
    routes.PARTICIPANT_LIBRARY,
    routes.PARTICIPANT_DIGITAL_SKILLS,
]
# Pages behind a tap on a list: the first link of each kind (the list's page, link prefix).
DETAIL_PAGES = [
    (routes.PARTICIPANT_GOALS, routes.PARTICIPANT_GOAL_BASE),
    (routes.PARTICIPANT_LIBRARY, routes.PARTICIPANT_CONTENT_BASE),
    (routes.PARTICIPANT_DIGITAL_SKILLS, routes.PARTICIPANT_LESSON_BASE),
    (routes.PARTICIPANT_ASSIGNMENTS, routes.PARTICIPANT_ASSIGNMENT_BASE),
    (routes.PARTICIPANT_MESSAGES, routes.PARTICIPANT_THREAD_BASE),
]


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page as it is now; the violations, shortened for a readable failure."""
    # Data arrives over the websocket: wait until no spinner is left in <main>.
    expect(page.locator("main")).to_be_visible()
    page.wait_for_function("!document.querySelector('main .rt-Spinner')")
    page.add_script_tag(content=Path(AXE).read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "nodes": [node["target"] for node in violation["nodes"][:3]],
        }
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("path", [routes.LOGIN, routes.ACTIVATE])
def test_the_pages_before_login_have_no_accessibility_violations(page: Page, path: str):
    page.goto(path)
    assert axe_violations(page) == []


def test_every_participant_page_has_no_accessibility_violations(page: Page):
    log_in(page, "deelnemer01", "12345")
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    found = {}
    for path in PARTICIPANT_PAGES:
        page.goto(path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, json.dumps(found, indent=1)


def test_detail_pages_and_opened_parts_have_no_accessibility_violations(page: Page):
    """A goal (with a step's form open), an item, a lesson, an assignment, a thread; charts."""
    log_in(page, "deelnemer25", "12345")
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    found, seen = {}, []
    for list_path, prefix in DETAIL_PAGES:
        page.goto(list_path)
        expect(page.locator("main")).to_be_visible()
        page.wait_for_function("!document.querySelector('main .rt-Spinner')")
        links = page.locator(f"main a[href^='{prefix}/']")
        if links.count() == 0:
            continue  # this demo person has none of these (assignments, threads vary)
        links.first.click()
        expect(page).to_have_url(re.compile(re.escape(prefix) + "/[0-9a-f-]{36}"))
        seen.append(prefix)
        if violations := axe_violations(page):
            found[page.url] = violations
    # The goal page with a step's change form open, and the progress page with a chart.
    page.goto(routes.PARTICIPANT_GOALS)
    page.locator(f"main a[href^='{routes.PARTICIPANT_GOAL_BASE}/']").first.click()
    edit = page.locator(".step-edit-button")
    if edit.count():
        edit.first.click()
        expect(page.locator(".step-form")).to_be_visible()
        if violations := axe_violations(page):
            found["goal with a step's form"] = violations
    page.goto(routes.PARTICIPANT_PROGRESS)
    page.get_by_role("button", name="Bekijk grafiek").click()
    expect(page.locator(".js-plotly-plot")).to_be_visible()
    if violations := axe_violations(page):
        found["progress with a chart"] = violations
    assert found == {}, json.dumps(found, indent=1)
    assert {
        routes.PARTICIPANT_GOAL_BASE,
        routes.PARTICIPANT_CONTENT_BASE,
        routes.PARTICIPANT_LESSON_BASE,
    } <= set(seen)


def test_the_evaluator_pages_have_no_accessibility_violations(page: Page):
    log_in_staff(page, "evaluator")
    expect(page).to_have_url(re.compile(r"/evaluator/?$"))
    found = {}
    for path in (routes.EVALUATOR_HOME, routes.EVALUATOR_REPORT):
        page.goto(path)
        # The charts are built in the background: wait for the last one (generously: this
        # test is about accessibility, and a loaded CI machine once needed more than 60 s).
        expect(page.locator("#chart-check_ins")).to_be_visible(timeout=150_000)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, json.dumps(found, indent=1)
