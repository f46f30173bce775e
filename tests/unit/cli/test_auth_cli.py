"""``python -m sdg16 users``: accounts from the command line, no default account, audited.
And the switch to the organisation's OpenID Connect provider when secrets.toml configures one."""

from __future__ import annotations

import subprocess
import sys

from streamlit.testing.v1 import AppTest

from sdg16.state import accounts, audit
from sdg16.state.roles import Role
from sdg16.state.statedb import Target
from testkit.paths import ROOT
from tests.conftest import state_vars


def _cli(state: Target, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", **state_vars(state)}
    return subprocess.run(
        [sys.executable, "-m", "sdg16", "users", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )


def test_users_add_list_set_role_remove(state_target: Target) -> None:
    state = state_target
    assert _cli(state, "list").stdout == ""  # no account ships with the app
    done = _cli(state, "add", "Bea", "--role", "viewer", "--password-stdin", stdin="pw-of-bea-1\n")
    assert done.returncode == 0 and done.stdout.strip() == "added bea (viewer)"
    assert accounts.authenticate("bea", "pw-of-bea-1", path=state).user.role is Role.VIEWER
    assert _cli(state, "set-role", "bea", "--role", "analyst").returncode == 0
    assert _cli(state, "list").stdout.startswith("bea\tanalyst\t")
    short = _cli(state, "add", "cy", "--role", "admin", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    assert _cli(state, "remove", "bea").returncode == 0
    assert _cli(state, "remove", "bea").stderr.strip() == "error: no user 'bea'"
    actions = audit.entries(actor="system:cli", path=state)["action"].tolist()
    assert actions == ["user_remove", "user_role", "user_add"]


def test_login_page_uses_the_provider_when_configured() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "test-secret",
        "client_id": "sdg16",
        "client_secret": "s",
        "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
    }
    at.switch_page("views/login.py").run()
    assert [b.label for b in at.button] == ["Sign in with your organisation"]
    assert not at.text_input  # no local password form


def test_local_login_form_without_a_provider() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("views/login.py").run()
    assert [t.label for t in at.text_input] == ["User name", "Password"]
