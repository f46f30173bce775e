"""Map, country profile and coverage pages in headless Chromium with the network closed."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from testkit.browser import PageWatch, browser, exceptions_on, open_page, settle, wait_for_charts

# Where a lon/lat lands on the MapLibre canvas, from the map plotly drew.
PROJECT = """([lon, lat]) => {
  const gd = document.querySelector('.js-plotly-plot');
  const p = gd._fullLayout.map._subplot.map.project([lon, lat]);
  const box = gd.querySelector('.maplibregl-canvas').getBoundingClientRect();
  return [box.left + p.x, box.top + p.y];
}"""


@pytest.fixture(scope="module")
def ctx(app_url: str):
    with browser((1400, 1000)) as context:
        yield context


def assert_clean(page, watch: PageWatch) -> None:
    assert exceptions_on(page) == []
    assert watch.offsite == [], f"requests left the machine: {watch.offsite}"
    assert watch.failed == []


def colour_counts(png: bytes) -> tuple[int, int, int]:
    """(filled with a colour, no-data grey, all) pixels of a screenshot."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int).reshape(-1, 3)
    grey = int((np.abs(pixels - 212) <= 6).all(axis=1).sum())
    coloured = int((pixels.max(axis=1) - pixels.min(axis=1) > 40).sum())
    return coloured, grey, len(pixels)


def test_map_draws_a_filled_world_choropleth_offline(ctx, app_url: str, artifacts: Path) -> None:
    page, watch = open_page(ctx, f"{app_url}/map?series=VC_IHR_PSRC&year=2019")
    canvas = page.locator(".maplibregl-canvas")
    canvas.wait_for()
    wait_for_charts(page)  # MapLibre paints after the script has finished
    page.screenshot(path=str(artifacts / "map-homicide-2019.png"))
    coloured, grey, total = colour_counts(canvas.screenshot())
    assert coloured > total * 0.10, "countries with data are filled with colour"
    assert grey > total * 0.03, "countries without data are drawn grey"
    assert "Homicide rate (per 100,000 population), 2019: 135 countries" in page.inner_text("body")
    assert_clean(page, watch)


def test_clicking_a_country_opens_its_profile(ctx, app_url: str, artifacts: Path) -> None:
    page, watch = open_page(ctx, f"{app_url}/map?series=VC_IHR_PSRC&year=2019")
    page.locator(".maplibregl-canvas").wait_for()
    wait_for_charts(page)
    x, y = page.evaluate(PROJECT, [-51.0, -10.0])  # the middle of Brazil
    page.mouse.click(x, y)
    page.wait_for_url("**/country?*geo=BRA*", timeout=30000)  # with the shared filter
    settle(page)
    page.get_by_text("Brazil:").first.wait_for()
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    page.screenshot(path=str(artifacts / "country-bra.png"))
    assert "series have data" in page.inner_text("body")
    assert_clean(page, watch)


@pytest.mark.parametrize(
    ("path", "expect", "drawn"),
    [
        ("/country?geo=EGY", "Egypt: ", "[data-testid='stDataFrame']"),
        (
            "/coverage?region=un-northern-africa",
            "data for 6 countries",
            ".js-plotly-plot .hm image",
        ),
    ],
)
def test_profile_and_coverage_render_offline(
    ctx, app_url: str, artifacts: Path, path: str, expect: str, drawn: str
) -> None:
    page, watch = open_page(ctx, app_url + path)
    page.get_by_text(expect).first.wait_for()
    page.locator(drawn).first.wait_for()
    page.screenshot(path=str(artifacts / f"{path.strip('/').split('?')[0]}.png"))
    assert_clean(page, watch)
