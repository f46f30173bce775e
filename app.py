"""SDG 16 dashboard pages. Serve with ``streamlit run serve.py`` (see README)."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import login, nav, session, state
from sdg16.ui.common import skeleton, startup_checks
from sdg16.ui.i18n import _

st.set_page_config(page_title=_("SDG 16 dashboard"), page_icon="⚖️", layout="wide")
state.begin_run()  # link notices are shown once per run
skeleton()  # a tab's first view shows a page outline (cleared by page.setup), never a blank
startup_checks()

# Who this is, from the session and accounts tables, on every rerun (sdg16/ui/session.py).
session.refresh()
login.adopt_oidc_user()
role = session.current_role()

# Our own menu (sdg16/ui/nav.py): page links that carry the filter, drawn in the sidebar.
pages = nav.build_pages(role)
current = st.navigation(pages, position="hidden")
nav.set_current(current.url_path or "home")
nav.start_menu()

with st.sidebar:
    if session.current_user():
        st.caption(
            _("Signed in as **{user}** ({role})").format(
                user=session.current_user(), role=_(role.label)
            )
        )
        if st.button(_("Sign out"), icon=":material/logout:"):
            session.logout()
            st.rerun()
    login.sync_cookie()

notice = session.take_notice()
if notice:
    st.warning(notice)
current.run()
