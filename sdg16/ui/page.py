"""What every page starts with, in one line: ``f = page.setup()``.

Start-up checks, the filter from the URL, the sidebar's language picker, presenter toggle and
"Save view" form, and the presenter look when ``present=1``. See CONTRIBUTING.md.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from sdg16.charts import palette
from sdg16.core import textsafe
from sdg16.core.filters import Filter
from sdg16.state import audit, presentations
from sdg16.state.roles import Role
from sdg16.ui import common, present, session, state
from sdg16.ui.i18n import _, apply_direction, language_picker


def setup(url_path: str | None = None, read_filter: bool = True) -> Filter:
    """Run the shared checks and controls; returns the page's filter.

    ``url_path`` (e.g. ``"home"``) enables the "Save view" form for this page;
    ``read_filter=False`` for pages whose URL holds no filter (no "unknown parameter" notices).
    """
    palette.register()
    common.startup_checks()
    present.apply()
    with st.sidebar:
        language_picker(st.sidebar)
        apply_direction(st.sidebar)
        present.presenter_toggle(st.sidebar)
        if url_path:
            save_view_form(url_path)
    f = state.current_filter() if read_filter else Filter()
    present.deck_bar(f)  # a slide of a presentation: Previous / Next above the view
    common.clear_skeleton()  # the costly first reads are done: the page draws from here
    return f


def save_view_form(url_path: str) -> None:
    """Save the current link, with a title and note, into a named presentation. A write that
    every visitor then sees: signed-in viewers and above only, checked again on submit, with
    the limits in ``sdg16.presentations`` (lengths, views per deck, saves per hour)."""
    if not session.current_role().allows(Role.VIEWER):
        return
    expander = st.sidebar.expander(_("Save view"), icon=":material/bookmark_add:")
    with expander, st.form("save_view", clear_on_submit=True, border=False):
        existing = presentations.names()
        name = st.text_input(
            _("Presentation"),
            value=existing[-1] if existing else "",
            help=_("A new name starts a new presentation."),
            max_chars=presentations.MAX_NAME,
        )
        title = st.text_input(_("View title"), max_chars=presentations.MAX_TITLE)
        note = st.text_area(_("Takeaway or note"), height=80, max_chars=presentations.MAX_NOTE)
        if st.form_submit_button(_("Save view")):
            _save(url_path, name, title, note)


def _save(url_path: str, name: str, title: str, note: str) -> None:
    who = session.identity()
    role, user = who.role_now(), who.user
    if not user or not role.allows(Role.VIEWER):  # the role may have gone since the form
        st.error(_("Saving a view needs a signed-in viewer or above."))
        return
    shown = presentations.SHOW_KEYS  # how the view is shown (a slide), not what it shows
    params = {k: v for k, v in st.query_params.to_dict().items() if k not in shown}
    try:
        presentations.check_rate(user)
        pos = presentations.save_view(name, presentations.View(url_path, params, title, note))
    except presentations.LimitError as exc:
        st.error(textsafe.md(str(exc), limit=None))
        return
    except ValueError:
        st.error(_("A presentation name and a view title are required."))
        return
    audit.record(user, role, "save_view", name, filters=urlencode(params), detail=url_path)
    st.success(_("Saved as view {n} of “{name}”.").format(n=pos, name=textsafe.md(name)))
