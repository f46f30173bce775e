"""Sign-in journeys in Chromium: the sign-in survives a reload, a new tab and a pasted link; a
sign-out ends it in every tab; a role changed or an account removed from the command line
(``python -m sdg16 users ...``) shows on that person's next click, on every page.

One server and state database for the module; each journey its own browser profile (cookies).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.state import accounts
from sdg16.state.roles import Role
from testkit import journeys as j
from testkit.browser import running_app

PASSWORD = "a-journey-password-1"
LINK = "/trends?series=VC_IHR_PSRC&geo=MEX,HND&from=2012"


@pytest.fixture(scope="module")
def auth(store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    state = tmp_path_factory.mktemp("journey-state") / "app_state.sqlite"
    env = {"SDG16_DB": str(store_path), "SDG16_STATE_DB": str(state)}
    with running_app(env) as url:
        yield url, env, state


def _account(state: Path, name: str, role: Role) -> str:
    if accounts.get_user(name, path=state) is None:
        accounts.add_user(name, role, PASSWORD, path=state)
    else:
        accounts.set_role(name, role, path=state)
    return name


@pytest.fixture
def profile():
    """A fresh browser profile: its own cookies, like another person's machine."""
    with j.journey_browser((1400, 1000)) as ctx:
        yield ctx


def _signed_in(ctx, url: str, user: str, path: str = LINK, page_name: str = "Trends"):
    """Open ``path``, sign in from the menu, come back through the menu (the link carries the
    shared filter there and back)."""
    page, watch = j.watched(ctx)
    j.open_page(page, url + path)
    j.menu(page, "Sign in")
    j.sign_in(page, user, PASSWORD)
    j.menu(page, page_name)
    return page, watch


def test_sign_in_survives_reload_new_tab_and_pasted_link_and_sign_out_ends_all(auth, profile):
    url, _env, state = auth
    ana = _account(state, "ana-tabs", Role.ANALYST)
    page, watch = _signed_in(profile, url, ana)
    assert "Reports" in j.menu_names(page)
    j.open_page(page, url + LINK)  # the shared link again, in the same tab
    j.reload(page)
    assert j.signed_in_caption(page) == f"Signed in as {ana} (analyst)"
    j.expect_url(page, "/trends", {"geo": "MEX,HND", "from": "2012"})
    other, other_watch = j.watched(profile)  # a new tab: same browser, same cookie
    j.open_page(other, url + "/reports?series=VC_IHR_PSRC&geo=EGY")  # a pasted link
    assert j.signed_in_caption(other) == f"Signed in as {ana} (analyst)"
    assert "Sign in required" not in j.main_text(other)
    j.sign_out(page)
    assert j.signed_in_caption(page) == "" and "Reports" not in j.menu_names(page)
    j.pick(other, "Indicator", "16.3.2 · Unsentenced detainees")  # the other tab's next click
    assert "Sign in required" in j.main_text(other)
    assert j.signed_in_caption(other) == ""
    j.reload(other)
    assert "Sign in required" in j.main_text(other)
    j.clean(page, watch)
    j.clean(other, other_watch)


def test_demoted_from_the_cli_the_next_click_shows_the_lower_role(auth, profile):
    url, env, state = auth
    ana = _account(state, "ana-demoted", Role.ANALYST)
    page, watch = _signed_in(profile, url, ana, "/?series=VC_IHR_PSRC&geo=MEX", "Reports")
    assert "Sign in required" not in j.main_text(page)
    out = j.app_cli("users", "set-role", ana, "--role", "viewer", env=env)
    assert out.strip() == f"{ana} is now viewer"
    j.pick(page, "Indicator", "16.3.2 · Unsentenced detainees")  # the next click
    assert "Sign in required" in j.main_text(page)
    assert f"signed in as {ana} (viewer)" in j.main_text(page)
    assert j.signed_in_caption(page) == f"Signed in as {ana} (viewer)"
    assert "Reports" not in j.menu_names(page)
    j.menu(page, "Trends")  # and on every other page
    assert "Reports" not in j.menu_names(page) and "(viewer)" in j.signed_in_caption(page)
    j.clean(page, watch)


def test_promoted_from_the_cli_the_next_click_opens_reports(auth, profile):
    url, env, state = auth
    vic = _account(state, "vic-promoted", Role.VIEWER)
    page, watch = _signed_in(profile, url, vic)
    assert "Reports" not in j.menu_names(page)
    j.app_cli("users", "set-role", vic, "--role", "analyst", env=env)
    j.remove_tag(page, "Honduras")
    assert "Reports" in j.menu_names(page)
    j.menu(page, "Reports")
    j.expect_url(page, "/reports", {"geo": "MEX"})  # the selection travelled
    assert "Sign in required" not in j.main_text(page)
    j.clean(page, watch)


def test_removed_admin_is_refused_on_the_next_click(auth, profile):
    url, env, state = auth
    root = _account(state, "root-removed", Role.ADMIN)
    page, watch = _signed_in(profile, url, root, "/", "Administration")
    assert j.heading(page) == "Administration"
    assert j.app_cli("users", "remove", root, env=env).strip() == f"removed {root}"
    j.menu(page, "Administration")  # the next click (its tabs switch in the browser only)
    assert "Sign in required" in j.main_text(page)
    assert "Administration" not in j.menu_names(page) and j.signed_in_caption(page) == ""
    j.reload(page)
    assert "Sign in required" in j.main_text(page) and j.signed_in_caption(page) == ""
    j.clean(page, watch)


def test_sessions_revoked_from_the_cli_end_on_the_next_click(auth, profile):
    url, env, state = auth
    ana = _account(state, "ana-revoked", Role.ANALYST)
    page, watch = _signed_in(profile, url, ana)
    listed = j.app_cli("sessions", "list", env=env)
    assert ana in listed
    assert (
        j.app_cli("sessions", "revoke-user", ana, env=env).strip()
        == f"revoked 1 session(s) of {ana}"
    )
    j.remove_tag(page, "Honduras")
    assert j.signed_in_caption(page) == "" and "Reports" not in j.menu_names(page)
    assert "You were signed out." in j.main_text(page)
    j.expect_url(page, "/trends", {"geo": "MEX"})  # the view itself is kept
    j.clean(page, watch)


def test_viewer_menu_and_refused_pages(auth, profile):
    url, _env, state = auth
    vic = _account(state, "vic-menu", Role.VIEWER)
    page, watch = _signed_in(profile, url, vic, "/", "Overview")
    names = j.menu_names(page)
    assert "Overview" in names and "Reports" not in names and "Administration" not in names
    assert "Sign in" not in names
    assert page.locator(j.SIDEBAR).get_by_text("Save view", exact=True).first.is_visible()
    for path in ("/reports?series=VC_IHR_PSRC", "/admin"):
        j.open_page(page, url + path)
        assert f"signed in as {vic} (viewer)" in j.main_text(page)
    j.clean(page, watch)


def test_anonymous_link_to_reports_signs_in_and_keeps_the_link(auth, profile):
    url, _env, state = auth
    ana = _account(state, "ana-prompt", Role.ANALYST)
    page, watch = j.watched(profile)
    j.open_page(page, url + "/reports?series=VC_IHR_PSRC&geo=EGY,MEX")
    assert "Sign in required" in j.main_text(page) and "Reports" not in j.menu_names(page)
    j.sign_in(page, ana, PASSWORD)
    j.expect_url(page, "/reports", {"series": "VC_IHR_PSRC", "geo": "EGY,MEX"})
    assert "Sign in required" not in j.main_text(page)
    j.reload(page)
    assert j.heading(page) == "Reports" and j.signed_in_caption(page).endswith("(analyst)")
    j.clean(page, watch)
