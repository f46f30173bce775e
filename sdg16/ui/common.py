"""Pieces every page shows: data freshness and source attribution."""

from __future__ import annotations

import streamlit as st

from sdg16.core.formatting import dataset_label, number
from sdg16.core.i18n import N_
from sdg16.ui import cache
from sdg16.ui.i18n import _, current_lang

ATTRIBUTION = N_(
    "Sources: UN Statistics Division, SDG Global Database (with the custodian agency of each "
    "series); World Bank, Worldwide Governance Indicators; Natural Earth."
)


def freshness_and_attribution() -> None:
    fresh = cache.freshness()
    lang = current_lang()
    template = _("{dataset}: {count} values, loaded {when} UTC")
    lines = [
        template.format(
            dataset=_(dataset_label(r.dataset)),
            count=number(r.observations, lang),
            when=f"{r.loaded_at:%Y-%m-%d %H:%M}",  # ISO: unambiguous in every language
        )
        for r in fresh.itertuples(index=False)
    ]
    st.divider()
    st.caption(_("Data freshness — ") + "; ".join(lines) if lines else _("No data loaded yet."))
    st.caption(_(ATTRIBUTION))


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
