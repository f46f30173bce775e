"""Presentations: saved views stepped through with Previous / Next (or the arrow keys)."""

from __future__ import annotations

import streamlit as st

from sdg16 import presentations
from sdg16.roles import Role
from sdg16.ui import controls, guard, page, present
from sdg16.ui.i18n import _
from sdg16.ui.registry import PAGES

page.setup(read_filter=False)
allowed = {spec.url_path for spec in PAGES}
names = presentations.names()
if not names:
    st.title(_("Presentations"))
    st.info(_("No presentations yet. Use “Save view” in the sidebar of any page to start one."))
    st.stop()

chosen = controls.selectbox(
    _("Presentation"), names, key="present.deck", url=st.query_params.get("deck")
)
views = presentations.views(chosen)
try:
    pos = min(max(int(st.query_params.get("slide", "1")), 1), len(views))
except ValueError:
    pos = 1


def go(to: int) -> None:
    # A callback runs before the rerun, so the buttons below are drawn for the new position.
    st.query_params.update({"deck": chosen, "slide": str(to)})


cols = st.columns([1, 1, 6], vertical_alignment="center")
cols[0].button(
    _("Previous"),
    on_click=go,
    args=(pos - 1,),
    shortcut="Left",
    disabled=pos <= 1,
    icon=":material/arrow_back:",
)
cols[1].button(
    _("Next"),
    on_click=go,
    args=(pos + 1,),
    shortcut="Right",
    disabled=pos >= len(views),
    icon=":material/arrow_forward:",
)
cols[2].markdown(f"**{pos} / {len(views)}** · {chosen}")
st.query_params.update({"deck": chosen, "slide": str(pos)})

view = views[pos - 1]
present.presenter_header(view.title, view.note)
if view.page in allowed:
    lang = st.query_params.get("lang")
    params = {**view.params, **({"lang": lang} if lang else {})}
    shown = presentations.View(view.page, params, view.title)
    st.iframe(shown.url(present=True), height=620, alt=view.title)
else:
    st.warning(_("This view's page no longer exists: {page}").format(page=view.page))
present.exit_button()

if not present.is_presenting():
    st.divider()
    if st.button(_("Export as PDF deck"), icon=":material/picture_as_pdf:"):
        from sdg16.reports import deck

        base = f"http://127.0.0.1:{st.get_option('server.port')}"
        with st.spinner(_("Taking a screenshot of each view…")):
            pdf = guard.produce(
                Role.ANONYMOUS,
                lambda: (deck.export(base, chosen, views, st.query_params.get("lang")), len(views)),
                what=f"presentation {chosen}",
                filters="",
                fmt="pdf",
            )
        guard.offer_produced(
            _("Download PDF"),
            Role.ANONYMOUS,
            pdf,
            file_name=f"{chosen}.pdf",
            mime="application/pdf",
            key="deck_pdf",
        )
