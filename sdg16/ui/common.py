"""Pieces every page shows: data freshness and source attribution."""

from __future__ import annotations

import streamlit as st

from sdg16.formatting import dataset_label
from sdg16.ui import cache

ATTRIBUTION = (
    "Sources: UN Statistics Division, SDG Global Database (with the custodian agency of each "
    "series); World Bank, Worldwide Governance Indicators; Natural Earth."
)


def freshness_and_attribution() -> None:
    fresh = cache.freshness()
    lines = [
        f"{dataset_label(r.dataset)}: {r.observations:,} values, loaded "
        f"{r.loaded_at:%Y-%m-%d %H:%M} UTC"
        for r in fresh.itertuples(index=False)
    ]
    st.divider()
    st.caption("Data freshness — " + "; ".join(lines) if lines else "No data loaded yet.")
    st.caption(ATTRIBUTION)


def startup_checks() -> None:
    """Stop with a clear message when the catalog is invalid or no data is loaded yet."""
    from sdg16.catalog import CatalogError
    from sdg16.db import StoreMissing

    try:
        cache.indicator_catalog()
        cache.version()
    except CatalogError as exc:
        st.error(f"The indicator catalog is invalid, so nothing can be shown:\n\n{exc}")
        st.stop()
    except StoreMissing as exc:
        st.warning(str(exc))
        st.stop()
