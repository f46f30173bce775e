"""A link to a page works as the very first request a fresh server sees."""

from __future__ import annotations

from pathlib import Path

from testkit.browser import MENU, PageWatch, browser, exceptions_on, running_app, settle


def test_first_visit_by_deep_link_opens_that_page(store_path: Path) -> None:
    with running_app({"SDG16_DB": str(store_path)}) as url, browser() as ctx:
        page = ctx.new_page()
        watch = PageWatch()
        watch.attach(page)
        page.goto(f"{url}/country?geo=MEX")
        settle(page)
        body = page.inner_text("body")
        assert "does not seem to exist" not in body
        assert "Mexico" in body
        assert page.title() == "SDG 16 dashboard"  # set by app.py, so app.py ran
        nav = " ".join(page.locator(MENU).all_inner_texts())
        assert "Overview" in nav and "app" not in nav.split()  # registry titles, not file names
        assert exceptions_on(page) == [] and watch.offsite == []
