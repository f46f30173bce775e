"""In a real browser: the menu follows the role, restricted URLs show a login prompt and never
data, and an analyst who signs in on a shared link gets the view and a report."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.state import accounts, audit
from sdg16.state.roles import Role
from testkit.browser import MENU, PageWatch, browser, exceptions_on, running_app, settle

LINK = "/reports?series=VC_IHR_PSRC&geo=EGY,MEX,HND&from=2012&to=2014"


@pytest.fixture(scope="module")
def auth_app(store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    state = tmp_path_factory.mktemp("state") / "app_state.sqlite"
    accounts.add_user("ana", Role.ANALYST, "analyst-password-1", path=state)
    env = {"SDG16_DB": str(store_path), "SDG16_STATE_DB": str(state)}
    with running_app(env) as url:
        yield url, state


def _nav(page) -> list[str]:
    return page.locator(MENU).all_inner_texts()


def test_anonymous_menu_and_restricted_urls(auth_app, artifacts: Path) -> None:
    url, _ = auth_app
    with browser() as ctx:
        page = ctx.new_page()
        watch = PageWatch()
        watch.attach(page)
        page.goto(url)
        settle(page)
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


def test_analyst_signs_in_on_a_link_and_gets_a_report(auth_app, artifacts: Path) -> None:
    url, state = auth_app
    with browser() as ctx:
        page = ctx.new_page()
        page.goto(url + LINK)
        settle(page)
        page.get_by_label("User name").fill("ana")
        page.get_by_role("textbox", name="Password").fill("analyst-password-1")
        page.get_by_role("button", name="Sign in").click()
        page.get_by_text("Data for these filters (8 rows)").wait_for(timeout=30000)
        page.get_by_role("button", name="Create report").click()
        page.get_by_text("Report ready").wait_for(timeout=90000)
        settle(page)
        page.screenshot(path=str(artifacts / "auth-reports-analyst.png"), full_page=True)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download").filter(has_text=".xlsx").click()
        assert download.value.suggested_filename.endswith(".xlsx")
        assert not exceptions_on(page)
    log = audit.entries(action="report", actor="ana", path=state)
    assert sorted(log["format"]) == ["html", "pdf", "xlsx"]
