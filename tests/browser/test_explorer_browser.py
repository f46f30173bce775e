"""Trends and Table in headless Chromium: they render, raise nothing and fetch nothing from
another host."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit.browser import browser, exceptions_on, open_page, settle


@pytest.mark.parametrize(
    ("path", "expect", "shot"),
    [
        ("/trends?series=VC_IHR_PSRC&geo=MEX,HND,SLV", "Homicide rate", "trends-mex-hnd-slv.png"),
        ("/table?series=VC_IHR_PSRC&geo=MEX,HND,SLV", "66 rows", "table-mex-hnd-slv.png"),
    ],
)
def test_explorer_page_renders_offline(
    app_url: str, artifacts: Path, path: str, expect: str, shot: str
) -> None:
    with browser() as ctx:
        page, watch = open_page(ctx, app_url + path)
        page.get_by_text(expect).first.wait_for()
        if path.startswith("/trends"):
            # Three country lines drawn by plotly.js in the browser.
            page.locator(".js-plotly-plot .scatterlayer .trace").nth(2).wait_for()
            assert page.locator(".js-plotly-plot .scatterlayer .trace").count() == 3
        settle(page)
        page.screenshot(path=str(artifacts / shot), full_page=True)
        assert exceptions_on(page) == []
        assert watch.offsite == [], f"requests left the machine: {watch.offsite}"
        assert watch.failed == []
