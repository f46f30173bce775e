"""The filter in the URL: read once per rerun, written back whenever a widget changes it."""

from __future__ import annotations

import streamlit as st

from loaders.incidents import taxonomy
from sdg16.core import textsafe
from sdg16.filters import Filter, Vocabulary, parse_params
from sdg16.ui import cache


@st.cache_data(max_entries=8, show_spinner=False)
def _vocabulary(store_version: str) -> Vocabulary:
    geos = cache.all_geographies()
    cat = cache.indicator_catalog()
    return Vocabulary(
        series=frozenset(s.code for s in cat.all_series()),
        geos=frozenset(geos["geo_id"]),
        regions=frozenset(cache.regions()["code"]),
        dimension_values=cache.dimension_codes(),
        incident_types=frozenset(taxonomy.get().types),
        place_types=frozenset(taxonomy.get().place_types),
    )


def vocabulary() -> Vocabulary:
    return _vocabulary(cache.version())


def current_filter() -> Filter:
    """The filter the URL describes; unknown or invalid values are dropped with a notice."""
    f, notices = parse_params(st.query_params.to_dict(), vocabulary())
    # The notices quote URL values: escaped (a value is text, never Markdown), deduplicated
    # and capped, so a hostile link cannot draw images, links or thousands of toasts.
    for text in textsafe.notices(notices):
        st.toast(textsafe.md(text), icon="⚠️")
        st.caption("⚠️ " + textsafe.md(text))
    return f


def write_filter(f: Filter) -> None:
    """Make the URL describe ``f`` (only if it changed, to avoid rerun loops)."""
    params = f.to_params()
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
