"""Who is this, and what may they do: the one answer, checked on the server on every rerun.

The browser holds only the session cookie (``sdg16.state.sessions``); this module turns it into
an ``Identity`` at each rerun by reading the session table (revoked? idle? too old?) and the
accounts table (removed? demoted?). Nothing about the role is kept from one click to the next,
so a removal or demotion takes effect on that person's next click, on every page and export.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

import streamlit as st

from sdg16.state import accounts, audit, sessions
from sdg16.state.accounts import User
from sdg16.state.roles import Role

IDENTITY_KEY = "sdg16_identity"
NOTICE_KEY = "sdg16_session_notice"
GRANT_KEY = "sdg16_session_grant"  # a grant the browser has still to exchange for the cookie
SIGNOUT_KEY = "sdg16_session_signout"  # the browser has still to drop the cookie
IDLE_S, LIFETIME_S = sessions.IDLE_S, sessions.LIFETIME_S


@dataclass
class Identity:
    """This tab's sign-in. One mutable object per browser tab: deferred downloads (made outside
    the script run) keep a reference and call ``role_now`` when the file is made."""

    session_id: str | None = None
    user: str | None = None
    provider: str = "local"
    role: Role = Role.ANONYMOUS
    dead_cookie: str | None = None  # a cookie already found ended: not adopted again
    # This tab's session ended (sign-out here or elsewhere, revoked, expired): a provider
    # login still in st.user must not start a new one by itself.
    ended: bool = False

    def role_now(self, now: float | None = None) -> Role:
        """The role at this moment, read from the session and accounts tables."""
        return _check(self.session_id, now)[1] if self.session_id else Role.ANONYMOUS


def _role_of(found: sessions.Session) -> Role | None:
    if found.provider == "oidc":
        from sdg16.ui.login import oidc_role  # here: login imports this module

        return oidc_role(found.user)
    account = accounts.get_user(found.user)
    return account.role if account else None


def _check(session_id: str, now: float | None = None) -> tuple[str | None, Role, str | None]:
    """(user, role, why it ended) for a session id; an ended session is revoked everywhere."""
    now = time.time() if now is None else now
    found = sessions.get(session_id)
    if found is None:
        return None, Role.ANONYMOUS, "unknown"
    why = found.ended(now)
    role = _role_of(found) if why is None else None
    if why is None and role is None:
        why = "account removed"
    if why is not None:
        if found.revoked_at is None:
            sessions.revoke(found.id, why, now)
            if why in ("idle", "lifetime"):
                audit.record(found.user, Role.ANONYMOUS, "session_expired", "session", detail=why)
        return found.user, Role.ANONYMOUS, why
    sessions.touch(found, now)
    return found.user, role, None


def identity() -> Identity:
    if IDENTITY_KEY not in st.session_state:
        st.session_state[IDENTITY_KEY] = Identity()
    return st.session_state[IDENTITY_KEY]


def _cookie_session() -> sessions.Session | None:
    """The session a valid cookie names (a reload, a new tab, a pasted link)."""
    try:
        value = st.context.cookies.get(sessions.COOKIE)
    except Exception:  # no browser context (AppTest, bare scripts)
        return None
    if not value or value == identity().dead_cookie:
        return None
    token = sessions.token_of(value)
    found = sessions.from_token(token) if token else None
    if found is None or found.ended(time.time()):
        identity().dead_cookie = value
        if found is not None and found.provider == "oidc":
            # Revoked (CLI, another tab) or expired: the provider's own login, still in st.user
            # after a reload, must not start a new session by itself (login.adopt_oidc_user
            # ends it), and the dead cookie goes too.
            identity().ended = True
            st.session_state[SIGNOUT_KEY] = True
        return None
    return found


def refresh(now: float | None = None) -> Identity:
    """Resolve this rerun's identity (app.py and every guarded page call it)."""
    ident = identity()
    if ident.session_id is None and (found := _cookie_session()) is not None:
        # The provider too: signing out of a provider session must also end st.user's login,
        # or the next run signs the person in again (sdg16.ui.login.adopt_oidc_user).
        ident.session_id, ident.provider = found.id, found.provider
    if ident.session_id is None:
        ident.user, ident.role = None, Role.ANONYMOUS
        return ident
    user, role, why = _check(ident.session_id, now)
    if why is not None:
        if ident.user:  # signed in in this tab a moment ago
            st.session_state[NOTICE_KEY] = (
                "Your session expired. Please sign in again."
                if why in ("idle", "lifetime")
                else "You were signed out."
            )
        _forget(ident)
        return ident
    ident.user, ident.role = user, role
    return ident


def _forget(ident: Identity) -> None:
    with contextlib.suppress(Exception):
        ident.dead_cookie = st.context.cookies.get(sessions.COOKIE) or ident.dead_cookie
    ident.session_id, ident.user, ident.role, ident.provider = None, None, Role.ANONYMOUS, "local"
    ident.ended = True


def current_role() -> Role:
    return identity().role


def current_user() -> str | None:
    return identity().user


def login(user: User, provider: str = "local", now: float | None = None) -> None:
    """Start a server-side session; the browser gets its cookie on the next run."""
    found, grant = sessions.create(user.name, provider, now)
    ident = identity()
    ident.session_id, ident.user, ident.provider = found.id, user.name, provider
    ident.role, ident.ended = user.role, False
    st.session_state[GRANT_KEY] = grant
    st.session_state.pop(SIGNOUT_KEY, None)


def logout() -> None:
    """End the session everywhere (every tab with the cookie), and drop the cookie."""
    ident = identity()
    if ident.session_id:
        sessions.revoke(ident.session_id, "signed out")
    if ident.user:
        audit.record(ident.user, ident.role, "logout", "logout")
    provider = ident.provider
    _forget(ident)
    st.session_state.pop(GRANT_KEY, None)
    st.session_state[SIGNOUT_KEY] = True
    if provider == "oidc":
        st.logout()  # also drop the provider's cookie, or the next run signs in again


def take_notice() -> str | None:
    return st.session_state.pop(NOTICE_KEY, None)
