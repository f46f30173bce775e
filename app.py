"""SDG 16 dashboard. Run with ``streamlit run app.py`` (see README)."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import guard, login, session
from sdg16.ui.common import startup_checks
from sdg16.ui.registry import PAGES, PAGES_DIR

st.set_page_config(page_title="SDG 16 dashboard", page_icon="⚖️", layout="wide")
startup_checks()

login.adopt_oidc_user()
session.refresh()
role = session.current_role()

sections: dict[str, list] = {}
for spec in PAGES:
    if role.allows(spec.role):
        page = st.Page(
            str(PAGES_DIR / spec.file),
            title=spec.title,
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
        )
    else:
        # Pages beyond the role stay addressable but unlisted, and run only the login prompt:
        # a direct URL never reaches the page's code, let alone its data.
        page = st.Page(
            lambda needed=spec.role: guard.login_prompt(needed),
            title=spec.title,
            icon=":material/lock:",
            url_path=spec.url_path,
            default=spec.default,
            visibility="hidden",
        )
    sections.setdefault(spec.section, []).append(page)

if session.current_user():
    with st.sidebar:
        st.caption(f"Signed in as **{session.current_user()}** ({role.label})")
        if st.button("Sign out", icon=":material/logout:"):
            session.logout()
            st.rerun()

notice = session.take_notice()
if notice:
    st.warning(notice)
st.navigation(sections).run()
