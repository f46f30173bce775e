"""Presentations: saved views stepped through with Previous / Next (or the arrow keys)."""

from __future__ import annotations

import streamlit as st

from sdg16.core import textsafe
from sdg16.state import presentations
from sdg16.state.roles import Role
from sdg16.ui import controls, guard, page, present, session
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
cols[2].markdown(f"**{pos} / {len(views)}** · {textsafe.md(chosen)}")
st.query_params.update({"deck": chosen, "slide": str(pos)})

view = views[pos - 1]
present.presenter_header(view.title, view.note, user_text=True)
if view.page in allowed:
    lang = st.query_params.get("lang")
    params = {**view.params, **({"lang": lang} if lang else {})}
    shown = presentations.View(view.page, params, view.title)
    st.iframe(shown.url(present=True), height=620, alt=view.title)
else:
    st.warning(_("This view's page no longer exists: {page}").format(page=view.page))
present.exit_button()

if not present.is_presenting() and session.current_role().allows(Role.VIEWER):
    st.divider()
    from sdg16.reports import images

    # A server-side browser per deck: signed-in viewers and above, few views, few decks.
    if not images.chromium_available():  # the container installs it; a bare host may not
        st.info(_("PDF decks need Chromium on the server, and it is not installed here."))
    elif st.button(_("Export as PDF deck"), icon=":material/picture_as_pdf:"):
        from sdg16.reports import deck

        who = session.identity()
        base = f"http://127.0.0.1:{st.get_option('server.port')}"
        try:
            presentations.check_deck(who.user or "anonymous", len(views))
            with st.spinner(_("Taking a screenshot of each view…")):
                pdf = guard.produce(
                    Role.VIEWER,
                    lambda: (
                        deck.export(base, chosen, views, st.query_params.get("lang")),
                        len(views),
                    ),
                    what=f"presentation {chosen}",
                    filters="",
                    fmt="pdf",
                    action="deck",
                )
        except (presentations.LimitError, PermissionError) as exc:
            st.error(textsafe.md(str(exc), limit=None))
        else:
            guard.offer_produced(
                _("Download PDF"),
                Role.VIEWER,
                pdf,
                file_name=f"{chosen}.pdf",
                mime="application/pdf",
                key="deck_pdf",
            )
