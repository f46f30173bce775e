"""Administration (admins): users, the audit log, the load log and syncs, incident imports."""

from __future__ import annotations

import streamlit as st

from sdg16.state.roles import Role
from sdg16.ui import admin_incidents, admin_parts, guard, page
from sdg16.ui.i18n import _

guard.require(Role.ADMIN)  # a sign-in prompt (its own page setup) for anyone else
page.setup(read_filter=False)  # the language picker and the accessible look

st.title(_("Administration"))
users, log, data, imports, quarantine = st.tabs(
    [_("Users"), _("Audit log"), _("Data and syncs"), _("Import incidents"), _("Quarantine")]
)
with users:
    admin_parts.users()
with log:
    admin_parts.audit_log()
with data:
    admin_parts.data()
with imports:
    admin_incidents.import_file()
with quarantine:
    admin_incidents.quarantine_browser()
