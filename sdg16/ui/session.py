"""The signed-in user of this browser session. Checked on the server for every page and export.

The role lives only in server-side session state: a browser cannot set it. Sessions end after
``IDLE_S`` without activity or ``LIFETIME_S`` after login, whichever comes first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st

from sdg16.state import accounts, audit
from sdg16.state.accounts import User
from sdg16.state.roles import Role

ROLE_KEY = "sdg16_role"
USER_KEY = "sdg16_user"
LOGIN_AT_KEY = "sdg16_login_at"
SEEN_KEY = "sdg16_last_seen"
NOTICE_KEY = "sdg16_session_notice"
IDENTITY_KEY = "sdg16_identity"
IDLE_S = 30 * 60
LIFETIME_S = 8 * 60 * 60


@dataclass
class Identity:
    """This session's sign-in, as one mutable object. Deferred downloads run outside the
    script (no session state there), so they keep a reference to it and check it when the
    file is made: a logout or expiry in the meantime is seen."""

    user: str | None = None
    role: Role = Role.ANONYMOUS
    login_at: float = 0.0
    last_seen: float = 0.0
    local: bool = True  # a local account (re-checked in the accounts table) or an OIDC one

    def role_now(self, now: float | None = None) -> Role:
        """The role this session holds at this moment, checked against expiry and the
        accounts table (a removed user or a lowered role takes effect at once)."""
        now = time.time() if now is None else now
        if not self.user or now - self.last_seen > IDLE_S or now - self.login_at > LIFETIME_S:
            return Role.ANONYMOUS
        if self.local:
            found = accounts.get_user(self.user)
            return min(self.role, found.role) if found else Role.ANONYMOUS
        return self.role


def identity() -> Identity:
    if IDENTITY_KEY not in st.session_state:
        st.session_state[IDENTITY_KEY] = Identity()
    return st.session_state[IDENTITY_KEY]


def current_role() -> Role:
    """Anonymous unless a login put a role in this session's server-side state."""
    return st.session_state.get(ROLE_KEY, Role.ANONYMOUS)


def current_user() -> str | None:
    return st.session_state.get(USER_KEY)


def login(user: User, now: float | None = None, local: bool = True) -> None:
    now = time.time() if now is None else now
    ident = identity()
    ident.user, ident.role, ident.login_at, ident.last_seen = user.name, user.role, now, now
    ident.local = local
    st.session_state[ROLE_KEY] = user.role
    st.session_state[USER_KEY] = user.name
    st.session_state[LOGIN_AT_KEY] = now
    st.session_state[SEEN_KEY] = now


def _clear() -> None:
    ident = identity()
    ident.user, ident.role = None, Role.ANONYMOUS
    for key in (ROLE_KEY, USER_KEY, LOGIN_AT_KEY, SEEN_KEY):
        st.session_state.pop(key, None)


def logout() -> None:
    user, provider = current_user(), not identity().local
    if user:
        audit.record(user, current_role(), "logout", "logout")
    _clear()
    if provider:
        st.logout()  # also drop the provider's cookie, or the next run signs in again


def refresh(now: float | None = None) -> None:
    """Called once per rerun (app.py): end an expired session, else mark it active."""
    if current_user() is None:
        return
    now = time.time() if now is None else now
    idle = now - st.session_state.get(SEEN_KEY, now)
    age = now - st.session_state.get(LOGIN_AT_KEY, now)
    if idle > IDLE_S or age > LIFETIME_S:
        audit.record(current_user() or "?", current_role(), "session_expired", "session")
        _clear()
        st.session_state[NOTICE_KEY] = "Your session expired. Please sign in again."
        return
    st.session_state[SEEN_KEY] = now
    identity().last_seen = now


def take_notice() -> str | None:
    return st.session_state.pop(NOTICE_KEY, None)
