"""The signed-in user of this browser session. Checked on the server for every page and export."""

from __future__ import annotations

import streamlit as st

from sdg16.roles import Role

ROLE_KEY = "sdg16_role"
USER_KEY = "sdg16_user"


def current_role() -> Role:
    """Anonymous unless a login put a role in this session's server-side state."""
    return st.session_state.get(ROLE_KEY, Role.ANONYMOUS)


def current_user() -> str | None:
    return st.session_state.get(USER_KEY)
