"""Progress as a person sees it: badges on the profile open their numbers; the region page and
the status map draw; three screen sizes, network closed."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.browser import PageWatch, browser, exceptions_on, settle, wait_for_charts

SIZES = [(390, 844), (1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def page(app_url: str):
    with browser((1280, 720)) as ctx:
        yield ctx.new_page()


def _open(page, url: str, size) -> PageWatch:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    watch = PageWatch()
    watch.attach(page)
    page.goto(url)
    settle(page)
    return watch


def _clean(page, watch: PageWatch) -> None:
    assert exceptions_on(page) == [] and watch.offsite == [] and watch.failed == []


@pytest.mark.parametrize("size", SIZES)
def test_badge_click_shows_the_numbers(page, app_url: str, artifacts: Path, size) -> None:
    watch = _open(page, f"{app_url}/country?geo=MEX", size)
    badge = page.get_by_role("button", name="Homicide rate").first
    badge.scroll_into_view_if_needed()
    assert "Deterioration" in badge.inner_text()
    badge.click()
    popup = page.locator("[data-testid='stPopoverBody']")
    popup.get_by_text("17.28 (2015)").wait_for()
    text = popup.inner_text()
    assert "28.18 (2021)" in text and "-8.49 % a year" in text
    assert "How is this computed?" in text
    page.screenshot(path=str(artifacts / f"progress-badge-{size[0]}x{size[1]}.png"))
    _clean(page, watch)
    popup.get_by_text("How is this computed?").click()
    page.wait_for_url("**/progress_method*")
    settle(page)
    assert "Method 2, numeric target" in page.inner_text("body")


@pytest.mark.parametrize("size", SIZES)
def test_region_page_and_status_map(page, app_url: str, artifacts: Path, size) -> None:
    region = "region=un-latin-america-and-the-caribbean"
    watch = _open(page, f"{app_url}/progress?{region}&lang=es", size)
    page.locator(".js-plotly-plot").first.wait_for()
    body = page.inner_text("[data-testid='stMain']")
    assert "Progreso hacia 2030: América Latina y el Caribe" in body and "Deterioro" in body
    page.screenshot(path=str(artifacts / f"progress-region-es-{size[0]}x{size[1]}.png"))
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"progress-grid-es-{size[0]}x{size[1]}.png"))
    _clean(page, watch)
    watch = _open(page, f"{app_url}/map?series=VC_IHR_PSRC&{region}", size)
    page.get_by_text("Colour by progress status").click()
    page.get_by_text("Open SDG progress measure, base year 2015").wait_for()
    legend = page.locator(".legendtext", has_text="Deterioration (")
    legend.first.wait_for()
    legend.first.scroll_into_view_if_needed()
    wait_for_charts(page)  # MapLibre paints after the script
    page.screenshot(path=str(artifacts / f"progress-map-{size[0]}x{size[1]}.png"))
    _clean(page, watch)


def test_views_switch_back_and_forth_and_survive_a_reload(page, app_url: str) -> None:
    watch = _open(page, f"{app_url}/progress?region=income-low-income", (1280, 720))
    main = page.locator("[data-testid='stMain']")
    legend = main.locator("[data-testid='stCaptionContainer']", has_text="Deterioration")
    legend.first.wait_for()
    for label, shows in [
        ("Anticipated Progress (ESCAP)", "Needs acceleration"),
        ("Progress measure (Open SDG)", "Moderate progress"),
        ("Anticipated Progress (ESCAP)", "Regressing"),
    ]:
        page.get_by_text(label, exact=True).click()
        settle(page)
        main.locator("[data-testid='stCaptionContainer']", has_text=shows).first.wait_for()
    page.reload()
    settle(page)
    assert "Progress to 2030: Low income" in main.inner_text()
    _clean(page, watch)
