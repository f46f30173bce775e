"""Who sees what: every role against every page, through the real login page."""

from __future__ import annotations

import pytest

from sdg16.state import accounts, audit
from sdg16.state.roles import Role
from sdg16.ui.registry import PAGES
from testkit.auth import go, signed_in
from testkit.fixtures import module_state_db
from testkit.paths import ROOT

ROLES = {None: Role.ANONYMOUS, "vic": Role.VIEWER, "ana": Role.ANALYST, "root": Role.ADMIN}


state_db = module_state_db("vic", "ana", "root")


def _text(at) -> str:
    parts = [
        e.value
        for kind in ("title", "markdown", "info", "warning", "caption")
        for e in getattr(at, kind)
    ]
    return " ".join(str(p) for p in parts)


PAGE_CASES = [(user, spec) for user in ROLES for spec in PAGES if spec.file != "login.py"]


@pytest.mark.parametrize(
    ("user", "spec"), PAGE_CASES, ids=[f"{u or 'anon'}-{s.url_path}" for u, s in PAGE_CASES]
)
def test_role_page_matrix(user: str | None, spec) -> None:
    at = signed_in(user, spec.file.removesuffix(".py"), series="VC_IHR_PSRC", geo="EGY")
    assert not at.exception
    allowed = ROLES[user].allows(spec.role)
    prompt = any(t.value == "Sign in required" for t in at.title)
    assert prompt is not allowed, f"{user} on {spec.url_path}"
    if allowed and spec.url_path in ("reports", "admin"):
        assert at.dataframe, "the page's own content is shown"
    if not allowed:
        # Never the data: no tables, no charts, no download buttons.
        assert not at.dataframe and not at.get("download_button") and not at.get("plotly_chart")


def test_anonymous_gets_a_login_form_on_a_restricted_url() -> None:
    at = signed_in(None, "reports")
    assert "This page needs the analyst role" in _text(at)
    assert at.text_input(key="guard_login_password").proto.type == 1  # a password field


def test_viewer_is_told_the_role_is_missing() -> None:
    at = signed_in("vic", "admin")
    assert "signed in as vic (viewer); this page needs the admin role" in _text(at)


def test_login_is_audited_and_logout_clears_the_role() -> None:
    at = signed_in("ana", "login", real_login=True)
    assert any("Signed in as ana (analyst)" in s.value for s in at.success)
    at.button(key="page_logout").click().run()
    go(at, "reports").run()
    assert any(t.value == "Sign in required" for t in at.title)
    actions = audit.entries(actor="ana")["action"].tolist()
    assert "login" in actions and "logout" in actions


def test_wrong_password_is_refused_and_logged() -> None:
    at = signed_in(None, "login")
    at.text_input(key="login_name").input("vic")
    at.text_input(key="login_password").input("not the password")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Wrong user name or password."]
    assert not audit.entries(action="login_failed", actor="vic").empty


def test_admin_sees_users_and_the_audit_log() -> None:
    at = signed_in("root", "admin", real_login=True)
    users = at.dataframe[0].value
    assert set(users["user"]) >= {"vic", "ana", "root"}
    log = at.dataframe[1].value
    assert {"login"} <= set(log["action"]) and "root" in set(log["actor"])


def test_admin_adds_a_user_who_can_then_sign_in() -> None:
    at = signed_in("root", "admin")
    name, password = (t for t in at.text_input if t.label in ("User name", "Initial password"))
    name.input("dana")
    password.input("dana-password-1")
    next(b for b in at.button if b.label == "Add user").click().run()
    assert "Added dana (viewer)." in [s.value for s in at.success]
    assert accounts.authenticate("dana", "dana-password-1").user.role is Role.VIEWER
    entry = audit.entries(action="user_add").iloc[0]
    assert (entry["actor"], entry["what"], entry["detail"]) == ("root", "dana", "viewer")


def test_every_restricted_page_guards_itself_first() -> None:
    """A direct URL runs the page file: its first statement must be the role check."""
    import ast

    for spec in PAGES:
        if spec.role == Role.ANONYMOUS:
            continue
        tree = ast.parse((ROOT / "views" / spec.file).read_text())
        calls = [n for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom)]
        first = (
            calls[1]
            if isinstance(calls[0], ast.Expr) and isinstance(calls[0].value, ast.Constant)
            else calls[0]
        )
        assert ast.unparse(first) == f"guard.require(Role.{spec.role.name})", spec.file
