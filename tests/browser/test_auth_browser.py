"""In a real browser: the menu follows the role, restricted URLs show a login prompt and never
data, and an analyst who signs in on a shared link gets the view and a report."""

from __future__ import annotations

from pathlib import Path

from sdg16.state import audit
from testkit.auth import PASSWORDS
from testkit.browser import MENU, browser, create_report, exceptions_on, open_page, settle, sign_in

LINK = "/reports?series=VC_IHR_PSRC&geo=EGY,MEX,HND&from=2012&to=2014"


def _nav(page) -> list[str]:
    return page.locator(MENU).all_inner_texts()


def test_anonymous_menu_and_restricted_urls(analyst_app, artifacts: Path) -> None:
    url, _ = analyst_app
    with browser() as ctx:
        page, watch = open_page(ctx, url)
        page.get_by_role("link", name="Overview").wait_for(timeout=30000)
        menu = " ".join(_nav(page))
        assert "Overview" in menu and "Sign in" in menu
        assert "Reports" not in menu and "Administration" not in menu
        for path in ("/reports?series=VC_IHR_PSRC&geo=EGY", "/admin"):
            page.goto(url + path)
            settle(page)
            page.get_by_text("Sign in required").wait_for(timeout=30000)
            assert page.locator("[data-testid='stDataFrame']").count() == 0
        page.screenshot(path=str(artifacts / "auth-admin-anonymous.png"))
        assert not watch.offsite and not exceptions_on(page)


def test_analyst_signs_in_on_a_link_and_gets_a_report(analyst_app, artifacts: Path) -> None:
    url, state = analyst_app
    with browser() as ctx:
        page = ctx.new_page()
        page.goto(url + LINK)
        settle(page)
        sign_in(page, "ana", PASSWORDS["ana"])
        page.get_by_text("Data for these filters (8 rows)").wait_for(timeout=30000)
        download = create_report(page)
        page.screenshot(path=str(artifacts / "auth-reports-analyst.png"), full_page=True)
        assert download.suggested_filename.endswith(".xlsx")
        assert not exceptions_on(page)
    log = audit.entries(action="report", actor="ana", path=state)
    assert sorted(log["format"]) == ["html", "pdf", "xlsx"]
