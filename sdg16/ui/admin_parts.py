"""The administration page's parts: users, audit log, load log and syncs."""

from __future__ import annotations

import subprocess
import sys

import streamlit as st

from sdg16.core import spreadsheet
from sdg16.core.settings import ROOT
from sdg16.state import accounts, audit
from sdg16.state.roles import Role
from sdg16.ui import cache, guard, session
from sdg16.ui.i18n import _

GRANTABLE = [r for r in Role if r is not Role.ANONYMOUS]


def _me() -> tuple[str, Role]:
    return session.current_user() or "?", session.current_role()


def users() -> None:
    listed = accounts.list_users()
    st.dataframe(
        [
            {_("user"): u.name, _("role"): _(u.role.label), _("created (UTC)"): u.created_at}
            for u in listed
        ],
        hide_index=True,
    )
    with st.form("add_user", clear_on_submit=True):
        st.markdown("**" + _("Add a user") + "**")
        c1, c2, c3 = st.columns(3)
        name = c1.text_input(_("User name"))
        role = c2.selectbox(_("Role"), GRANTABLE, format_func=lambda r: _(r.label))
        password = c3.text_input(_("Initial password"), type="password")
        if st.form_submit_button(_("Add user")):
            guard.require(Role.ADMIN)  # checked again at the moment of the change
            try:
                user = accounts.add_user(name, role, password)
            except accounts.AccountError as exc:
                st.error(str(exc))
            else:
                audit.record(*_me(), "user_add", user.name, detail=role.label)
                st.success(_("Added {user} ({role}).").format(user=user.name, role=_(role.label)))
    if not listed:
        return
    c1, c2, c3, c4 = st.columns([2, 2, 1, 1], vertical_alignment="bottom")
    who = c1.selectbox(_("User"), [u.name for u in listed])
    new_role = c2.selectbox(
        _("New role"), GRANTABLE, format_func=lambda r: _(r.label), key="new_role"
    )
    if c3.button(_("Set role")):
        guard.require(Role.ADMIN)
        accounts.set_role(who, new_role)
        audit.record(*_me(), "user_role", who, detail=new_role.label)
        st.rerun()
    if c4.button(_("Remove"), disabled=who == session.current_user()):
        guard.require(Role.ADMIN)
        accounts.remove_user(who)
        audit.record(*_me(), "user_remove", who)
        st.rerun()


def audit_log() -> None:
    c1, c2 = st.columns(2)
    action = c1.selectbox(
        _("Action"),
        [
            "",
            "login",
            "login_failed",
            "login_blocked",
            "logout",
            "report",
            "export",
            "denied",
            "import",
            "import_failed",
        ],
        format_func=lambda a: a or _("all"),
    )
    actor = c2.text_input(_("User"))
    log = audit.entries(action=action or None, actor=actor.strip().lower() or None)
    st.dataframe(log, hide_index=True, height=320)
    guard.guarded_download(
        _("Download the audit log (CSV)"),
        Role.ADMIN,
        lambda: (spreadsheet.csv_bytes(log), len(log)),
        file_name="audit-log.csv",
        mime="text/csv",
        filters=f"action={action}&actor={actor}",
        fmt="csv",
        key="audit_csv",
    )


def data() -> None:
    # The sync runs before the load log is drawn, so the log shows the load just made.
    if st.button(_("Sync the bundled data now"), icon=":material/sync:"):
        guard.require(Role.ADMIN)
        run_sync()
    st.markdown(_("**Load log** (newest first)"))
    st.dataframe(cache.load_log(), hide_index=True, height=240)


def run_sync() -> None:
    """``python -m loaders sync`` in its own process (the store's only writer), output live."""
    user, role = _me()
    lines: list[str] = []
    with st.status(_("Syncing…"), expanded=True) as status:
        out = st.empty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "loaders", "sync"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for line in proc.stdout or []:
            lines.append(line.rstrip())
            out.code("\n".join(lines[-15:]))
        code = proc.wait()
        ok = code == 0
        status.update(
            label=_("Sync done") if ok else _("Sync failed"), state="complete" if ok else "error"
        )
    audit.record(user, role, "sync", "loaders sync", detail=f"exit {code}: {lines[-1:]}")
