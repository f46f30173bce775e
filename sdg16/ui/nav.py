"""The sidebar menu: one ``st.page_link`` per page the role may open, grouped by section, each
carrying the shared part of the filter so Trends -> Map -> Table keeps what the person chose.

Why page links and not Streamlit's own menu: its links always open a page with an empty query
string, and its sectioned markup fails axe's ``list``/``listitem`` rules (FIELD-NOTES).

The menu is drawn into a sidebar placeholder before the page runs (so a page that stops early
still has it) and drawn again whenever the page writes the URL (``sdg16.ui.state.write_filter``),
so the links carry the choice made in this very run.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from sdg16.state.roles import Role
from sdg16.ui.i18n import _
from sdg16.ui.registry import PAGES, PAGES_DIR, PageSpec

# The parameters every indicator page understands the same way; page-specific ones (a
# disaggregation, incident dates) stay behind.
SHARED = ("series", "geo", "region", "from", "to", "year", "lang", "present")
_MENU_KEY = "sdg16_nav_menu"  # the placeholder of this run (a DeltaGenerator, not state)
_PAGES_KEY = "sdg16_nav_pages"
_CURRENT_KEY = "sdg16_nav_current"


def shared_params(params: Mapping[str, str]) -> dict[str, str]:
    return {k: params[k] for k in SHARED if params.get(k)}


def build_pages(role: Role) -> list:
    """Every page for ``st.navigation``; the ones beyond the role stay addressable (their own
    ``guard.require`` shows a sign-in prompt) but are not listed."""
    pages = []
    for spec in PAGES:
        page = st.Page(
            str(PAGES_DIR / spec.file),
            title=_(spec.title),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
        )
        pages.append((spec, page))
    st.session_state[_PAGES_KEY] = (role, pages)
    return [p for _, p in pages]


def set_current(url_path: str) -> None:
    st.session_state[_CURRENT_KEY] = url_path


def scope() -> str:
    """The open page's path: the prefix of its controls' keys (``controls`` explains why)."""
    return st.session_state.get(_CURRENT_KEY, "page")


def key(name: str) -> str:
    return f"{scope()}.{name}"


def start_menu() -> None:
    """Reserve the menu's place at the top of the sidebar and draw it from the current URL."""
    st.session_state[_MENU_KEY] = st.sidebar.empty()
    draw(st.query_params.to_dict())


def draw(params: Mapping[str, str]) -> None:
    """(Re)draw the menu with links that carry ``params``' shared part."""
    slot = st.session_state.get(_MENU_KEY)
    role, pages = st.session_state.get(_PAGES_KEY, (Role.ANONYMOUS, []))
    if slot is None or not pages:
        return
    carried = shared_params(params)
    with slot.container():
        section = None
        for spec, page in pages:
            if not _listed(spec, role):
                continue
            if spec.section != section:
                section = spec.section
                st.caption(f"**{_(section)}**")
            st.page_link(page, label=_(spec.title), icon=spec.icon, query_params=carried)
        st.divider()


def _listed(spec: PageSpec, role: Role) -> bool:
    if not role.allows(spec.role):
        return False
    # Signed-in people sign out from the sidebar; the sign-in page is for everyone else.
    return not (spec.url_path == "login" and role > Role.ANONYMOUS)


def link_params(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Query parameters for an in-page link: the shared filter of this view plus ``extra``."""
    return {**shared_params(st.query_params.to_dict()), **(extra or {})}
