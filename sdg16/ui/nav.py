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
from sdg16.ui.i18n import _, p_
from sdg16.ui.registry import PAGES, PAGES_DIR, PageSpec

# The parameters every indicator page understands the same way; page-specific ones (a
# disaggregation, incident dates) stay behind.
SHARED = ("series", "geo", "region", "from", "to", "year", "lang", "present")
_MENU_KEY = "sdg16_nav_menu"  # the placeholder of this run (a DeltaGenerator, not state)
_PAGES_KEY = "sdg16_nav_pages"
_CURRENT_KEY = "sdg16_nav_current"
_FIRST_KEY = "sdg16_nav_first_view"  # this run is the first of a page view (see ``first_view``)
_SHOWN_KEY = "sdg16_nav_shown"  # (page, params) of the view the page last resolved
_PAGE_RERUN_KEY = "sdg16_nav_page_rerun"  # the next run is the page's own (see ``page_rerun``)
_PAGE_RUN_KEY = "sdg16_nav_page_run"  # this run is the page's own


def shared_params(params: Mapping[str, str]) -> dict[str, str]:
    return {k: params[k] for k in SHARED if params.get(k)}


def page_title(spec: PageSpec | str) -> str:
    """A page's title (menu, browser tab, heading) in the page's language; ``spec`` or its
    url_path."""
    if isinstance(spec, str):
        spec = next(s for s in PAGES if s.url_path == spec)
    return p_(spec.context, spec.title) if spec.context else _(spec.title)


def build_pages(role: Role) -> list:
    """Every page for ``st.navigation``; the ones beyond the role stay addressable (their own
    ``guard.require`` shows a sign-in prompt) but are not listed."""
    pages = []
    for spec in PAGES:
        page = st.Page(
            str(PAGES_DIR / spec.file),
            title=page_title(spec),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.default,
        )
        pages.append((spec, page))
    st.session_state[_PAGES_KEY] = (role, pages)
    return [p for _, p in pages]


def set_current(url_path: str) -> None:
    # A new session (a typed link, a reload, a new tab) or another page: a first view.
    same = st.session_state.get(_CURRENT_KEY) == url_path
    st.session_state[_CURRENT_KEY] = url_path
    own_run = st.session_state[_PAGE_RUN_KEY] = (
        st.session_state.pop(_PAGE_RERUN_KEY, False) and same
    )
    if not own_run:  # the page asked for its own run, not the person: still its first view
        st.session_state[_FIRST_KEY] = not same


def page_run() -> bool:
    """True in a run the page asked for itself (``page_rerun``): no control was changed."""
    return bool(st.session_state.get(_PAGE_RUN_KEY, False))


def page_rerun() -> None:
    """The next run comes from the page itself (the browser reported the screen's size), not
    from a click: a first view stays one, so its defaults add no history entry."""
    st.session_state[_PAGE_RERUN_KEY] = True


def first_view() -> bool:
    """True in the first run of a page view. The URL that opened it already describes the view:
    the defaults the page fills in must not become a second history entry (Back would show the
    same view again)."""
    return bool(st.session_state.get(_FIRST_KEY, False))


def remember(params: Mapping[str, str]) -> None:
    """The parameters of the view this page resolved (written to the URL or not)."""
    st.session_state[_SHOWN_KEY] = (scope(), dict(params))


def rewrite(name: str, value: str | None) -> None:
    """The view as shown (with the defaults its page filled in) with one shared parameter
    changed (language, presenter mode): one history entry, and the rerun that follows finds
    the URL already right instead of adding a second one."""
    page, params = st.session_state.get(_SHOWN_KEY, (None, {}))
    base = dict(params) if page == scope() else st.query_params.to_dict()
    base.pop(name, None)
    st.query_params.from_dict(base | ({name: value} if value else {}))


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
            st.page_link(page, label=page_title(spec), icon=spec.icon, query_params=carried)
        st.divider()


def _listed(spec: PageSpec, role: Role) -> bool:
    if not role.allows(spec.role):
        return False
    # Signed-in people sign out from the sidebar; the sign-in page is for everyone else.
    return not (spec.url_path == "login" and role > Role.ANONYMOUS)


def link_params(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Query parameters for an in-page link: the shared filter of this view plus ``extra``."""
    return {**shared_params(st.query_params.to_dict()), **(extra or {})}
