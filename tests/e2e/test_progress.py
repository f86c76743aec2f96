"""Mijn voortgang in a real browser, as deelnemer03, deelnemer09 and deelnemer25 (reserved)."""

import re

import pytest
from playwright.sync_api import Page, expect

from jouw_omgeving.demo.accounts import DEMO_PARTICIPANT_PIN
from tests.e2e.login import log_in

pytestmark = pytest.mark.e2e
DOMAINS = 8  # the open instrument


def _open_progress(page: Page, username: str) -> None:
    log_in(page, username, DEMO_PARTICIPANT_PIN)
    expect(page).to_have_url(re.compile(r"/deelnemer/?$"))
    page.locator("#tile-progress").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/voortgang/?$"))
    expect(page.get_by_role("heading", name="Mijn voortgang", level=1)).to_be_visible()


def test_self_assessment_domain_by_domain_updates_the_chart(page: Page):
    _open_progress(page, "deelnemer03")
    # The chart library loads on this page only, after "Bekijk grafiek"; every chart has
    # its sentences.
    page.get_by_role("button", name="Bekijk grafiek").click()
    expect(page.locator("#chart-over-time .js-plotly-plot")).to_be_visible()
    expect(page.locator("#chart-over-time figcaption li").first).to_contain_text("Je score voor")
    page.get_by_role("link", name="Hoe gaat het nu?").click()
    expect(page.locator("#domain-name")).to_have_text("Wonen")
    # Housing with the keyboard: focus the face and press Enter.
    face = page.get_by_role("button", name="Het gaat goed", exact=True)
    face.focus()
    page.keyboard.press("Enter")
    expect(face).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Volgende").click()
    for number in range(2, DOMAINS + 1):
        expect(page.get_by_text(f"Vraag {number} van {DOMAINS}")).to_be_visible()
        page.get_by_role("button", name="Het gaat best goed", exact=True).click()
        page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", name="Klopt dit?")).to_be_visible()
    summary = page.locator("#assessment-summary .summary-row")
    expect(summary).to_have_count(DOMAINS)
    expect(summary.first).to_contain_text("Het gaat goed")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(r"/deelnemer/voortgang/?$"))
    expect(page.locator("#progress-notice")).to_contain_text("opgeslagen")
    expect(page.locator("#progress-summary")).to_contain_text("Jij: 5 van 5")
    page.get_by_role("button", name="Bekijk grafiek").click()
    expect(page.locator("#chart-over-time figcaption")).to_contain_text(
        re.compile(r"Je score voor Wonen (ging van \d naar 5|bleef 5)")
    )
    page.get_by_role("button", name="Jij en je begeleider").click()
    expect(page.locator("#chart-side-by-side .js-plotly-plot")).to_be_visible()
    side = page.locator("#chart-side-by-side figcaption")
    expect(side).to_contain_text("Wonen: jij 5")
    expect(side).to_contain_text("Geld: jij 4")


def test_the_summary_comes_first_and_the_chart_library_only_after_a_tap(page: Page):
    chart_library: list[str] = []
    page.on("request", lambda r: chart_library.append(r.url) if "plotly" in r.url else None)
    _open_progress(page, "deelnemer25")
    summary = page.locator("#progress-summary")
    expect(summary.get_by_role("heading", name="Zo gaat het nu")).to_be_visible()
    expect(summary.locator(".summary-row").first).to_contain_text(
        re.compile(r"Jij: (\d van 5|nog)")
    )
    show = page.get_by_role("button", name="Bekijk grafiek")
    expect(show).to_have_attribute("aria-expanded", "false")
    assert chart_library == []  # nothing of plotly downloaded for the summary
    show.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#chart-over-time .js-plotly-plot")).to_be_visible()
    assert chart_library, "the chart library loads once the chart is asked for"
    page.get_by_role("button", name="Stappen", exact=True).click()
    expect(page.locator("#chart-steps figcaption")).to_contain_text("stappen gezet")
    hide = page.get_by_role("button", name="Verberg grafiek")
    expect(hide).to_have_attribute("aria-expanded", "true")
    hide.click()
    expect(page.locator("#progress-charts")).to_have_count(0)
    expect(page.get_by_role("button", name="Bekijk grafiek")).to_be_visible()


def test_weekly_check_in_then_a_second_one_updates_it(page: Page):
    _open_progress(page, "deelnemer09")
    page.get_by_role("link", name="Check-in van deze week").click()
    expect(page.get_by_text("Hoe gaat het deze week met je?")).to_be_visible()
    page.get_by_role("button", name="Goed", exact=True).click()
    page.get_by_label("Wil je er iets over vertellen?").fill("Ik heb gewandeld.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#progress-notice")).to_contain_text(
        re.compile("opgeslagen|aangepast")  # demo data may hold a check-in of this week
    )
    page.get_by_role("link", name="Check-in van deze week").click()
    expect(page.locator("#already-this-week")).to_be_visible()
    expect(page.get_by_role("button", name="Goed", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.get_by_label("Wil je er iets over vertellen?")).to_have_value("Ik heb gewandeld.")
    page.get_by_role("button", name="Heel goed", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#progress-notice")).to_have_text("Je check-in van deze week is aangepast.")
