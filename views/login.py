"""Sign in (local account or the organisation's provider) and sign out."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import session
from sdg16.ui.login import login_form

st.title("Sign in")
user = session.current_user()
if user:
    st.success(f"Signed in as {user} ({session.current_role().label}).")
    if st.button("Sign out", key="page_logout"):
        session.logout()
        st.rerun()
else:
    st.write(
        "Public indicators need no account. Sign in to see incident data, create reports or "
        "administer the dashboard. Accounts are created by an administrator."
    )
    login_form()
