"""Sign a test in: a server-side session of the account's role (no bcrypt, no login page), or
through the real login page when the sign-in itself is what a test checks."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from sdg16.state.roles import Role
from testkit.paths import ROOT

PASSWORDS = {
    "vic": "viewer-password-1",
    "ana": "analyst-password-1",
    "root": "admin-password-12",
}
ROLES = {"vic": Role.VIEWER, "ana": Role.ANALYST, "root": Role.ADMIN}  # of the accounts above


def signed_in(
    user: str | None, page: str | None = None, *, real_login: bool = False, **params: str
) -> AppTest:
    """The app as ``user`` (None: anonymous), then at ``views/<page>.py`` with URL params.

    The session is made directly (``as_role``): a bcrypt check and a run of the login page per
    test cost seconds across the suite. ``real_login`` types the password into the login page
    instead, for the tests of signing in (and of its audit entry)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if user and not real_login:
        as_role(at, ROLES[user], user)
    elif user:
        at.switch_page("views/login.py").run()
        at.text_input(key="login_name").input(user)
        at.text_input(key="login_password").input(PASSWORDS[user])
        at.button[0].click().run()
        assert not at.exception
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        go(at, page)
    return at.run()


def go(at: AppTest, page: str) -> AppTest:
    """Switch to ``views/<page>.py``, listed or not: the way a typed URL reaches it."""
    return at.switch_page(f"views/{page}.py")


def as_role(at: AppTest, role, name: str | None = None) -> AppTest:
    """Give the AppTest a real server-side session of an account with ``role`` (created in the
    state DB if missing), as a sign-in would, without typing the password (bcrypt is slow)."""
    from sdg16.state import accounts, sessions
    from sdg16.ui.session import IDENTITY_KEY, Identity

    if role is Role.ANONYMOUS:
        return at
    name = name or f"test-{role.label}"
    if accounts.get_user(name) is None:
        accounts.add_user(name, role, "a-test-password-1")
    else:
        accounts.set_role(name, role)
    found, _grant = sessions.create(name)
    at.session_state[IDENTITY_KEY] = Identity(session_id=found.id)
    return at
