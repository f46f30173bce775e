"""Server-side access checks. Every restricted page calls ``require`` first; every file handed
to a user goes through ``guarded_download``, which checks the role again and writes the audit
entry at the moment the file is produced."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from sdg16.core import spreadsheet
from sdg16.core.filters import Filter
from sdg16.state import audit
from sdg16.state.roles import Role
from sdg16.ui import http_guard, session
from sdg16.ui.i18n import _
from sdg16.ui.login import login_form


def login_prompt(needed: Role) -> None:
    """What a page shows instead of its content when the role is missing."""
    from sdg16.ui import page  # here: page imports the modules that import this one

    page.setup(read_filter=False)  # language picker and presenter look on the prompt too
    user = session.current_user()
    st.title(_("Sign in required"))
    if user:
        st.warning(
            _(
                "You are signed in as {user} ({role}); this page needs the {needed} role. Ask an "
                "administrator if you need access."
            ).format(user=user, role=session.current_role().label, needed=needed.label)
        )
        return
    st.info(_("This page needs the {needed} role. Please sign in.").format(needed=needed.label))
    login_form("guard_login")


def require(needed: Role) -> None:
    """Stop the page here unless this session's role allows ``needed``.

    Expiry is checked here too: every page guards itself rather than trusting that app.py's
    per-role navigation ran first (defence in depth; AppTest and old links included)."""
    from sdg16.ui.common import clear_skeleton

    session.refresh()
    clear_skeleton()
    notice = session.take_notice()
    if notice:
        st.warning(notice)
    if not session.current_role().allows(needed):
        login_prompt(needed)
        st.stop()


def produce(
    needed: Role,
    make: Callable[[], tuple[bytes, int]],
    *,
    what: str,
    filters: str,
    fmt: str,
    action: str = "export",
    who: session.Identity | None = None,
    free_text: bool | None = None,
    public: bool | None = None,
) -> bytes:
    """Check the role now, make the file, and record who took it. Raises PermissionError.

    ``who`` is the session's identity, for callers running outside the script (deferred
    downloads); inside a script run it is read from the session."""
    who = who or session.identity()
    role, user = who.role_now(), who.user or "anonymous"
    if not role.allows(needed):
        audit.record(user, role, "denied", what, filters=filters, fmt=fmt, detail=action)
        raise PermissionError(f"{what} needs the {needed.label} role")
    data, rows = make()
    http_guard.restrict(what, needed)  # its /media/ URL now needs the role too
    audit.record(
        user, role, action, what, filters=filters, fmt=fmt, rows=rows,
        free_text=free_text, public=public,
    )  # fmt: skip
    return data


def guarded_download(
    label: str,
    needed: Role,
    make: Callable[[], tuple[bytes, int]],
    *,
    file_name: str,
    mime: str,
    filters: str,
    fmt: str,
    key: str | None = None,
    icon: str | None = ":material/download:",
    width: str = "content",
    free_text: bool | None = None,
) -> None:
    """A download button whose file is only made (and audited) when the user clicks it.
    Role.ANONYMOUS for public files: still audited (as "anonymous", with filters and rows)."""
    if not session.current_role().allows(needed):
        st.caption(_("Downloads need the {role} role.").format(role=_(needed.label)))
        return
    who = session.identity()
    st.download_button(
        label,
        data=lambda: produce(
            needed,
            make,
            what=file_name,
            filters=filters,
            fmt=fmt,
            who=who,
            free_text=free_text,
            public=needed == Role.ANONYMOUS,
        ),
        file_name=file_name,
        mime=mime,
        key=key,
        on_click="ignore",
        icon=icon,
        width=width,
    )


def offer_produced(
    label: str, needed: Role, data: bytes, *, file_name: str, mime: str, key: str
) -> None:
    """A button for a file ``produce`` already made and audited (reports): the role is checked
    again, so a session that lost it gets nothing."""
    if not session.current_role().allows(needed):
        return
    st.download_button(
        label,
        data,
        file_name=file_name,
        mime=mime,
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


def public_csv(label: str, frame: pd.DataFrame, *, file_name: str, f: Filter) -> None:
    """A public table as CSV: anyone may take it, and the audit log records that they did."""
    guarded_download(
        label,
        Role.ANONYMOUS,
        lambda: (spreadsheet.csv_bytes(frame), len(frame)),
        file_name=file_name,
        mime="text/csv",
        filters=query_of(f),
        fmt="csv",
    )


def query_of(f: Filter) -> str:
    """The view as a URL query string, for the audit entry."""
    return "&".join(f"{k}={v}" for k, v in f.to_params().items())
