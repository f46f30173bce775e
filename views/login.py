"""Sign in (local account or the organisation's provider) and sign out."""

from __future__ import annotations

import streamlit as st

from sdg16.ui import page, present, session
from sdg16.ui.i18n import _
from sdg16.ui.login import login_form

page.setup(read_filter=False)
present.presenter_header(_("Sign in"))
user = session.current_user()
if user:
    st.success(
        _("Signed in as {user} ({role}).").format(user=user, role=_(session.current_role().label))
    )
    if st.button(_("Sign out"), key="page_logout"):
        session.logout()
        st.rerun()
else:
    st.write(
        _(
            "Public indicators need no account. Sign in to see incident data, create reports or "
            "administer the dashboard. Accounts are created by an administrator."
        )
    )
    login_form()
