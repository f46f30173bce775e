"""SDG 16 dashboard. Run with ``streamlit run app.py`` (see README)."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import login, nav, session
from sdg16.ui.common import startup_checks

st.set_page_config(page_title="SDG 16 dashboard", page_icon="⚖️", layout="wide")
startup_checks()

login.adopt_oidc_user()
session.refresh()
role = session.current_role()

# Our own menu (sdg16/ui/nav.py): page links that carry the filter, drawn in the sidebar.
pages = nav.build_pages(role)
current = st.navigation(pages, position="hidden")
nav.set_current(current.url_path or "home")
nav.start_menu()

if session.current_user():
    with st.sidebar:
        st.caption(f"Signed in as **{session.current_user()}** ({role.label})")
        if st.button("Sign out", icon=":material/logout:"):
            session.logout()
            st.rerun()

notice = session.take_notice()
if notice:
    st.warning(notice)
current.run()
