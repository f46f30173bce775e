"""What every page starts with, in one line: ``f = page.setup()``.

Start-up checks, the filter from the URL, the sidebar's language picker, presenter toggle and
"Save view" form, and the presenter look when ``present=1``. See CONTRIBUTING.md.
"""

from __future__ import annotations

import streamlit as st

from sdg16 import presentations
from sdg16.charts import palette
from sdg16.filters import Filter
from sdg16.ui import common, present, state
from sdg16.ui.i18n import _, language_picker


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
        present.presenter_toggle(st.sidebar)
        if url_path:
            save_view_form(url_path)
    f = state.current_filter() if read_filter else Filter()
    common.clear_skeleton()  # the costly first reads are done: the page draws from here
    return f


def save_view_form(url_path: str) -> None:
    """Save the current link, with a title and note, into a named presentation."""
    expander = st.sidebar.expander(_("Save view"), icon=":material/bookmark_add:")
    with expander, st.form("save_view", clear_on_submit=True, border=False):
        existing = presentations.names()
        name = st.text_input(
            _("Presentation"),
            value=existing[-1] if existing else "",
            help=_("A new name starts a new presentation."),
        )
        title = st.text_input(_("View title"))
        note = st.text_area(_("Takeaway or note"), height=80)
        if st.form_submit_button(_("Save view")):
            params = {k: v for k, v in st.query_params.to_dict().items() if k != "present"}
            try:
                pos = presentations.save_view(
                    name, presentations.View(url_path, params, title, note)
                )
            except ValueError:
                st.error(_("A presentation name and a view title are required."))
            else:
                st.success(_("Saved as view {n} of “{name}”.").format(n=pos, name=name))
