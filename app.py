"""SDG 16 dashboard. Run with ``streamlit run app.py`` (see README)."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import login, session
from sdg16.ui.common import startup_checks
from sdg16.ui.i18n import _
from sdg16.ui.registry import PAGES, PAGES_DIR

st.set_page_config(page_title="SDG 16 dashboard", page_icon="⚖️", layout="wide")
startup_checks()

login.adopt_oidc_user()
session.refresh()
role = session.current_role()

sections: dict[str, list] = {}
for spec in PAGES:
    # Pages beyond the role stay addressable but unlisted. Each such page starts with
    # guard.require(spec.role), so a direct URL shows the login prompt and stops there
    # (tests/test_auth_pages.py checks every restricted page does).
    page = st.Page(
        str(PAGES_DIR / spec.file),
        title=_(spec.title),
        icon=spec.icon if role.allows(spec.role) else ":material/lock:",
        url_path=spec.url_path,
        default=spec.default,
        visibility="visible" if role.allows(spec.role) else "hidden",
    )
    sections.setdefault(_(spec.section), []).append(page)

if session.current_user():
    with st.sidebar:
        st.caption(
            _("Signed in as **{user}** ({role})").format(
                user=session.current_user(), role=_(role.label)
            )
        )
        if st.button(_("Sign out"), icon=":material/logout:"):
            session.logout()
            st.rerun()

notice = session.take_notice()
if notice:
    st.warning(notice)
st.navigation(sections).run()
