"""The sign-in form (local accounts) or, where an OpenID Connect provider is configured in
``.streamlit/secrets.toml`` ([auth]), the provider's sign-in button; and the hand-over of the
session cookie to the browser (``sdg16.ui.cookie_route``)."""

from __future__ import annotations

import json

import streamlit as st

from sdg16.state import accounts, audit, sessions
from sdg16.state.roles import Role
from sdg16.ui import session
from sdg16.ui.cookie_route import SESSION_PATH, SIGNOUT_PATH
from sdg16.ui.i18n import _


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml at all: local accounts
        return False


def oidc_role(email: str | None) -> Role:
    """Roles for provider accounts come from [sdg16_roles] in secrets.toml (email = "role")."""
    try:
        mapping = dict(st.secrets.get("sdg16_roles", {}))
    except Exception:
        mapping = {}
    name = mapping.get((email or "").lower())
    return Role.parse(name) if name else Role.ANONYMOUS


def adopt_oidc_user() -> None:
    """After st.login returns, start a session for the provider's e-mail (once)."""
    # getattr: outside a real server (AppTest) st.user has no is_logged_in at all.
    if (
        not oidc_configured()
        or session.current_user()
        or not getattr(st.user, "is_logged_in", False)
    ):
        return
    if session.identity().ended:
        # Signed out, revoked (CLI, another tab) or expired while the provider's login lives
        # on in Streamlit's cookie: end that too, or a later reload would sign in again.
        st.logout()
        return
    email = str(st.user.get("email", ""))
    role = oidc_role(email)
    session.login(accounts.User(email, role, ""), provider="oidc")
    audit.record(email, role, "login", "oidc")


def client_address() -> str | None:
    """The client's network address for the per-address login limit. Streamlit listens on
    loopback only (.streamlit/config.toml), so a loopback peer is a local proxy (nginx,
    deploy/) or a local browser: then the proxy's own last X-Forwarded-For entry counts, since
    entries before it are whatever the client sent."""
    try:
        direct = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For", "")
    except Exception:  # no request context (bare runs): no per-address limit
        return None
    if isinstance(direct, str) and direct:
        return direct
    last = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
    return last or "127.0.0.1"


def sync_cookie() -> None:
    """Have the browser fetch its session cookie (after sign-in) or drop it (after sign-out).

    The page's JavaScript only ever holds the one-time grant, never the cookie (HttpOnly)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    grant = st.session_state.get(session.GRANT_KEY)
    if grant and not sessions.grant_open(grant):
        st.session_state.pop(session.GRANT_KEY, None)  # exchanged (or too old to be)
        grant = None
    calls = []
    if grant:
        calls.append((prefix + SESSION_PATH, grant))
    if st.session_state.pop(session.SIGNOUT_KEY, False):
        calls.append((prefix + SIGNOUT_PATH, ""))
    for url, body in calls:
        st.html(
            f"<script>fetch({json.dumps(url)}, {{method: 'POST', body: {json.dumps(body)},"
            " credentials: 'same-origin'})</script>",
            unsafe_allow_javascript=True,
        )


def login_form(key: str = "login") -> None:
    if oidc_configured():
        st.button(_("Sign in with your organisation"), on_click=st.login, key=f"{key}_oidc")
        return
    with st.form(key, border=True):
        name = st.text_input(_("User name"), key=f"{key}_name")
        password = st.text_input(_("Password"), type="password", key=f"{key}_password")
        submitted = st.form_submit_button(_("Sign in"), type="primary")
    if submitted:
        result = accounts.authenticate(name, password, address=client_address())
        if result.user is None:
            minutes = accounts.FAILURE_WINDOW_S // 60
            known = {accounts.WRONG_PASSWORD, accounts.BLOCKED.format(minutes=minutes)}
            wrong = result.message == accounts.WRONG_PASSWORD
            text = _(accounts.WRONG_PASSWORD) if wrong else _(accounts.BLOCKED)
            st.error(text.format(minutes=minutes) if result.message in known else result.message)
            return
        session.login(result.user)
        st.rerun()
