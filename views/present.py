"""Presentations: saved views shown one by one, each as its own page in presenter mode.

Every slide is the view's page itself (``present=1&deck=…&slide=…``), full screen, with
Previous / Next above it (sdg16.ui.present.deck_bar): no frame that cuts a legend or an axis.
"""

from __future__ import annotations

import streamlit as st

from sdg16.core import textsafe
from sdg16.state import presentations
from sdg16.state.roles import Role
from sdg16.ui import controls, guard, page, present, session, state
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
lang = st.query_params.get("lang")
OPENED_KEY = "present.opened"
if present.is_presenting():  # a presenter link to the deck: open its slide, full screen
    target = present.slide_link(chosen, pos, lang)
    # Once a session per slide: Back from the slide comes here again and must stay (the deck's
    # own page, in presenter mode), or each Back would open the slide again.
    if target and st.session_state.get(OPENED_KEY) != target:
        st.session_state[OPENED_KEY] = target
        st.switch_page(target[0], query_params=target[1])

st.title(textsafe.md(chosen, limit=None))
state.write_params(st.query_params.to_dict() | {"deck": chosen})  # not on a first view
if st.button(_("Start presenting"), icon=":material/slideshow:", type="primary"):
    target = present.slide_link(chosen, 1, lang)
    if target:
        st.switch_page(target[0], query_params=target[1])
st.caption(_("Full screen, one view a slide; Previous / Next or the arrow keys step through."))
for i, view in enumerate(views, 1):
    line = f"**{i}.** {textsafe.md(view.title)}"
    if view.note:
        line += f" — {textsafe.md(view.note)}"
    if view.page not in allowed:
        line += " · " + _("This view's page no longer exists: {page}").format(page=view.page)
    st.markdown(line)

if session.current_role().allows(Role.VIEWER):
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
                    lambda: (deck.export(base, chosen, views, lang), len(views)),
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
