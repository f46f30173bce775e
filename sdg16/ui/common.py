"""Pieces every page shows: data freshness and source attribution."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from sdg16.core.attribution import attribution
from sdg16.core.formatting import dataset_label, date_text, date_time, number
from sdg16.core.schema import RELEASES
from sdg16.ui import cache
from sdg16.ui.i18n import _, current_lang


def _release(dataset: str, lang: str) -> str:
    """The source's own release: a full ISO date as ``lang`` writes it, a bare year as is."""
    when = RELEASES.get(dataset, "")
    return date_text(dt.date.fromisoformat(when), lang) if len(when) == 10 else when


def freshness_and_attribution() -> None:
    fresh = cache.freshness()
    lang = current_lang()
    template = _("{dataset}: {count} values, loaded {when} UTC")
    released = _("{dataset}: {count} values, source released {release}, loaded {when} UTC")
    lines = [
        (released if r.dataset in RELEASES else template).format(
            dataset=_(dataset_label(r.dataset)),
            count=number(r.observations, lang),
            release=_release(r.dataset, lang),
            when=date_time(r.loaded_at, lang),
        )
        for r in fresh.itertuples(index=False)
    ]
    st.divider()
    st.caption(_("Data freshness — ") + "; ".join(lines) if lines else _("No data loaded yet."))
    st.caption(attribution(lang))


def startup_checks() -> None:
    """Stop with a clear message when the catalog is invalid or no data is loaded yet."""
    from sdg16.core.catalog import CatalogError
    from sdg16.queries.db import StoreMissing

    try:
        cache.indicator_catalog()
        cache.version()
    except CatalogError as exc:
        st.error(_("The indicator catalog is invalid, so nothing can be shown:") + f"\n\n{exc}")
        st.stop()
    except StoreMissing as exc:
        st.warning(str(exc))
        st.stop()


_SKELETON_SLOT, _SKELETON_SHOWN = "sdg16_skeleton_slot", "sdg16_skeleton_shown"
_BAR = '<div style="background:#e9ecef;border-radius:6px;height:{h}px;width:{w};margin:0 0 14px">'
SKELETON_HTML = (
    '<div role="status" aria-live="polite" data-testid="sdg16-skeleton">'
    '<p style="color:#3d3d3d;margin:0 0 12px">{text}</p>'
    + _BAR.format(h=44, w="55%")
    + "</div>"
    + _BAR.format(h=38, w="100%")
    + "</div>"
    + _BAR.format(h=320, w="100%")
    + "</div></div>"
)


def skeleton():
    """A page outline while a tab's first run fills its caches; cleared by ``clear_skeleton``.
    Only on a tab's first run: later reruns keep the previous page on screen, and an outline
    flashing on every click would distract (presenters)."""
    slot = st.empty()
    if not st.session_state.get(_SKELETON_SHOWN):
        st.session_state[_SKELETON_SHOWN] = True
        slot.html(SKELETON_HTML.format(text=_("Loading the dashboard…")))
    st.session_state[_SKELETON_SLOT] = slot
    return slot


def clear_skeleton() -> None:
    slot = st.session_state.pop(_SKELETON_SLOT, None)
    if slot is not None:
        slot.empty()
