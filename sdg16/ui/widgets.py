"""Widgets several pages share: the series picker and the indicator metadata popover."""

from __future__ import annotations

import streamlit as st

from sdg16.formatting import unit_label
from sdg16.ui import cache

DEFAULT_SERIES = "VC_IHR_PSRC"


def series_picker(current: str | None, key: str = "series") -> str:
    """A select box of every catalog series, labelled ``16.1.1 · Homicide rate``."""
    cat = cache.indicator_catalog()
    options = [s.code for s in cat.all_series()]
    labels = {s.code: f"{i.code} · {s.title}" for i in cat.indicators for s in i.series}
    chosen = current if current in labels else DEFAULT_SERIES
    return st.selectbox(
        "Indicator",
        options,
        index=options.index(chosen),
        format_func=labels.__getitem__,
        key=key,
    )


def indicator_info(series_code: str) -> None:
    """Definition, unit, custodian, source and codes, one click away."""
    cat = cache.indicator_catalog()
    if not cat.has_series(series_code):
        return
    indicator, entry = cat.indicator_of(series_code), cat.series(series_code)
    direction = {True: "higher is better", False: "lower is better", None: "no better direction"}
    with st.popover("About this indicator", icon=":material/info:"):
        st.markdown(f"**{indicator.code} {indicator.title}**")
        st.write(indicator.definition)
        st.markdown(
            f"- Series: `{entry.code}` — {entry.title}\n"
            f"- Unit: {entry.unit} ({direction[entry.higher_is_better]})\n"
            f"- Custodian: {indicator.custodian}\n"
            f"- Target: {indicator.target}\n"
            f"- Headline disaggregation: "
            + (", ".join(f"{k} = {v}" for k, v in entry.default.items()) or "none")
        )
        source = (
            "World Bank, Worldwide Governance Indicators"
            if indicator.source == "wgi"
            else (f"UN Statistics Division, SDG Global Database; custodian {indicator.custodian}")
        )
        st.caption(f"Source: {source}. Unit code: {unit_label(entry.unit)}")
