"""The Key findings tab in headless Chromium: findings, hotspot map and band drawn offline at
phone, laptop and presenter sizes; switching tabs and language back and forth keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.browser import (
    browser,
    exceptions_on,
    open_page,
    painted,
    settle,
    wait_for_charts,
    wait_for_drawn_canvas,
)

SIZES = {"phone": (390, 844), "laptop": (1280, 720), "wide": (1920, 1080)}


def _open_findings(page, label: str = "Key findings") -> None:
    page.get_by_role("tab", name=label).click()
    settle(page)
    page.locator("canvas").first.wait_for()
    page.locator(".js-plotly-plot").first.wait_for()
    wait_for_charts(page)
    wait_for_drawn_canvas(page)  # deck.gl draws after the script settles


@pytest.mark.parametrize("size", list(SIZES))
def test_findings_tab_draws_offline(incident_url: str, artifacts: Path, size: str) -> None:
    with browser(SIZES[size]) as ctx:
        page, watch = open_page(ctx, f"{incident_url}/incidents?geo=EGY")
        _open_findings(page)
        for part, where in (
            ("text", page.get_by_role("heading", name="Key findings")),
            ("map", page.locator("canvas").first),
            ("band", page.locator(".js-plotly-plot").first),
        ):
            where.scroll_into_view_if_needed()
            painted(page)
            page.screenshot(path=str(artifacts / f"incidents-findings-{size}-{part}.png"))
        body = page.inner_text("body")
        assert "reports in Egypt from" in body and "Hot spot, 99 % confidence" in body
        assert "What it does not show" in body
        assert exceptions_on(page) == []
        assert watch.offsite == [], f"requests left the machine: {watch.offsite}"


def test_tabs_and_language_back_and_forth(incident_url: str, artifacts: Path) -> None:
    with browser(SIZES["laptop"]) as ctx:
        page, watch = open_page(ctx, f"{incident_url}/incidents?geo=EGY&admin1=EG-C&lang=fr")
        _open_findings(page, "Constats clés")
        assert "signalements à Cairo" in page.inner_text("body")
        for tab in ("Carte", "Constats clés", "Chronologie", "Constats clés"):
            page.get_by_role("tab", name=tab).click()
            settle(page)
        page.locator(".js-plotly-plot").first.wait_for()
        body = page.inner_text("body")
        assert "Points chauds (Getis-Ord Gi*)" in body and "Key findings" not in body
        page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "incidents-findings-fr.png"))
        assert exceptions_on(page) == [] and watch.offsite == []
