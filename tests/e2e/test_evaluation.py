"""The evaluator's dashboard in a real browser: filters change the charts, CSV downloads.

Read-only on the shared demo data: the demo evaluator only looks (its looks are audited).
"""

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving import routes
from tests.e2e.login import log_in_staff

pytestmark = pytest.mark.e2e


def _wait_for_charts(page: Page) -> None:
    expect(page.locator("#chart-check_ins")).to_be_visible(timeout=60_000)
    expect(page.locator("#filter-apply")).to_be_enabled(timeout=60_000)


def _open_dashboard(page: Page) -> None:
    log_in_staff(page, "evaluator")
    expect(page).to_have_url(re.compile(r"/evaluator/?$"))
    _wait_for_charts(page)


def _words(page: Page, chart: str) -> str:
    return page.locator(f"#chart-{chart} figcaption").inner_text()


def test_period_and_team_filters_change_the_charts(page: Page):
    _open_dashboard(page)
    reach_before = _words(page, "reach")
    goals_before = _words(page, "goals")
    assert "deelnemers per week actief" in reach_before
    start = (date.today() - timedelta(days=60)).isoformat()
    page.locator("#filter-start").fill(start)
    page.locator("#filter-team").select_option(label="Team Utrecht")
    page.locator("#filter-apply").click()
    expect(page.locator("#chart-reach figcaption")).not_to_have_text(reach_before)
    _wait_for_charts(page)
    assert _words(page, "goals") != goals_before or _words(page, "reach") != reach_before
    # The plotly chart itself is drawn from the new figures.
    expect(page.locator("#chart-reach .main-svg").first).to_be_visible()
    page.locator("#report-link").click()
    expect(page).to_have_url(re.compile(r"/evaluator/rapport/?$"))
    expect(page.locator("#report-team")).to_have_text("Team Utrecht")
    expect(page.locator("#report-period")).to_contain_text(start)
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()


def test_a_chart_downloads_as_csv_with_small_groups_hidden(page: Page):
    _open_dashboard(page)
    button = page.locator("#chart-goals .download-csv")
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.startswith("evaluatie-goals-")
    text = Path(download.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, "the CSV has the domains"
    assert set(rows[0]) == {
        "domain_key",
        "domain_name",
        "participants",
        "goals_set",
        "goals_achieved",
        "steps_done",
        "suppressed",
    }
    for row in rows:
        if row["suppressed"] == "True":
            assert row["participants"] == row["goals_set"] == ""
        else:
            assert row["participants"] == "0" or float(row["participants"]) >= 5


def test_the_evaluator_pages_are_not_for_others(page: Page):
    log_in_staff(page, "beheerder")
    expect(page).to_have_url(re.compile(r"/beheer/?$"))
    page.goto(routes.EVALUATOR_REPORT)
    expect(page).to_have_url(re.compile(r"/beheer/?$"))
