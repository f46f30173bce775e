"""The overview page in headless Chromium: renders, no exception, nothing fetched off-machine."""

from __future__ import annotations

from pathlib import Path

from testkit.browser import browser, exceptions_on, open_page


def test_home_renders_offline_with_real_values(app_url: str, artifacts: Path) -> None:
    with browser() as ctx:
        page, watch = open_page(ctx, f"{app_url}/?geo=MEX")
        page.get_by_text("Homicide rate").first.wait_for()
        page.screenshot(path=str(artifacts / "home-mex.png"), full_page=True)
        assert exceptions_on(page) == []
        assert watch.offsite == [], f"requests left the machine: {watch.offsite}"
        assert watch.failed == []
        body = page.inner_text("body")
        assert "Latest values: Mexico" in body
        assert "28.2 per 100k" in body
