"""The sign-in form (local accounts) or, where an OpenID Connect provider is configured in
``.streamlit/secrets.toml`` ([auth]), the provider's sign-in button."""

from __future__ import annotations

import streamlit as st

from sdg16 import accounts, audit
from sdg16.roles import Role
from sdg16.ui import session
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
    """After st.login returns, give the session the role mapped to the provider's e-mail."""
    # getattr: outside a real server (AppTest) st.user has no is_logged_in at all.
    if (
        not oidc_configured()
        or session.current_user()
        or not getattr(st.user, "is_logged_in", False)
    ):
        return
    email = str(st.user.get("email", ""))
    role = oidc_role(email)
    session.login(accounts.User(email, role, ""), local=False)
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
            st.error(result.message)
            return
        session.login(result.user)
        st.rerun()
