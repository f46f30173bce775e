"""Log in through the real login page in AppTest, with users in a throwaway state DB."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from testkit.paths import ROOT

PASSWORDS = {
    "vic": "viewer-password-1",
    "ana": "analyst-password-1",
    "root": "admin-password-12",
}


def signed_in(user: str | None, page: str | None = None, **params: str) -> AppTest:
    """The app as ``user`` (None: anonymous), then at ``views/<page>.py`` with URL params."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if user:
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
