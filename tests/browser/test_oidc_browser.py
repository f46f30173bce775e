"""Sign-in through an OpenID Connect provider (oidc-provider-mock on loopback): st.login, the
role from [sdg16_roles] in secrets.toml, and the login in the audit log."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from sdg16.state import audit
from testkit.browser import MENU, free_port, running_app, settle
from testkit.journeys import app_cli, main_text, menu, reload, signed_in_caption, wait_for_cookie
from testkit.journeys import journey_browser as browser

EMAIL = "ana@example.org"
CLAIMS = f'{{"sub": "ana", "email": "{EMAIL}"}}'


@pytest.fixture(scope="module")
def provider():
    port = free_port()
    cmd = [sys.executable, "-m", "oidc_provider_mock", "-p", str(port), "--user-claims", CLAIMS]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    meta = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
    try:
        for _ in range(80):
            try:
                urllib.request.urlopen(meta, timeout=1).close()
                break
            except OSError:
                time.sleep(0.25)
        yield meta
    finally:
        proc.terminate()
        proc.wait(10)


def test_provider_login_maps_the_email_to_a_role(provider, store_path: Path, tmp_path: Path):
    app_port = free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret"\nclient_id = "sdg16"\n'
        f'client_secret = "sdg16-secret"\nserver_metadata_url = "{provider}"\n'
        '[sdg16_roles]\n"ana@example.org" = "analyst"\n'
    )
    state = tmp_path / "state.sqlite"
    env = {
        "SDG16_DB": str(store_path),
        "SDG16_STATE_DB": str(state),
        "STREAMLIT_SECRETS_FILES": str(secrets),
    }
    with running_app(env, port=app_port) as url, browser() as ctx:
        page = ctx.new_page()
        page.goto(url)
        settle(page)
        page.get_by_role("link", name="Sign in").click()
        page.get_by_role("button", name="Sign in with your organisation").click()
        page.get_by_role("button", name="ana", exact=True).click()  # the provider's page
        page.wait_for_url(f"{url}/**")
        page.get_by_text("Signed in as ana@example.org (analyst)").wait_for(timeout=30000)
        # The menu is drawn for the role the accounts mapping gives, in this run and after a
        # reload (the session cookie, role read again from [sdg16_roles]).
        page.locator(MENU).filter(has_text="Reports").wait_for(timeout=30000)
        wait_for_cookie(page)
        reload(page)
        page.get_by_text("Signed in as ana@example.org (analyst)").wait_for(timeout=30000)
        menu(page, "Reports")
        assert "Sign in required" not in main_text(page)
        page.locator("[data-testid='stMultiSelect']").first.wait_for()
        # Revoked from the CLI: a reload must not sign in again through the provider's own
        # login cookie; signing in by hand afterwards works.
        assert "revoked 1 session(s)" in app_cli("sessions", "revoke-user", EMAIL, env=env)
        page.reload(wait_until="commit")
        # The app ends the provider's login too (st.logout): through the provider's sign-out
        # page (the mock asks to confirm) and back to the app's home page.
        page.get_by_role("button", name="End session").click(timeout=30000)
        page.wait_for_url(re.compile(rf"^{re.escape(url)}/?$"), timeout=30000)
        page.locator(MENU).filter(has_text="Sign in").first.wait_for(timeout=30000)
        settle(page)
        assert signed_in_caption(page) == ""
        for _ in range(2):  # the provider's login ended too: still signed out, no new session
            reload(page)
            page.locator(MENU).filter(has_text="Sign in").first.wait_for(timeout=30000)
            assert signed_in_caption(page) == ""
        assert len(audit.entries(actor=EMAIL, path=state).query("action == 'login'")) == 1
        page.get_by_role("link", name="Sign in").click()
        page.get_by_role("button", name="Sign in with your organisation").click()
        page.get_by_role("button", name="ana", exact=True).click()
        page.wait_for_url(f"{url}/**")
        page.get_by_text(f"Signed in as {EMAIL} (analyst)").wait_for(timeout=30000)
    logins = audit.entries(actor=EMAIL, path=state).query("action == 'login'")
    assert len(logins) == 2
    entry = logins.iloc[0]
    assert (entry["action"], entry["role"], entry["what"]) == ("login", "analyst", "oidc")
