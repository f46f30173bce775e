"""Widgets several pages share: the series picker and the indicator metadata popover."""

from __future__ import annotations

import streamlit as st

from sdg16.core.dimensions import code_label, dim_label
from sdg16.core.formatting import unit_label
from sdg16.ui import cache, controls, nav
from sdg16.ui.i18n import _, current_lang

DEFAULT_SERIES = "VC_IHR_PSRC"


def series_picker(current: str | None, key: str | None = None, where=st) -> str:
    """A select box of every catalog series, labelled ``16.1.1 · Homicide rate``."""
    cat = cache.indicator_catalog()
    labels = {s.code: f"{i.code} · {_(s.title)}" for i in cat.indicators for s in i.series}
    return controls.selectbox(
        _("Indicator"),
        [s.code for s in cat.all_series()],
        key=key or nav.key("series"),
        url=current,
        default=DEFAULT_SERIES,
        where=where,
        format_func=labels.__getitem__,
    )


def indicator_info(series_code: str) -> None:
    """Definition, unit, custodian, source and codes, one click away."""
    cat = cache.indicator_catalog()
    if not cat.has_series(series_code):
        return
    indicator, entry = cat.indicator_of(series_code), cat.series(series_code)
    direction = {
        True: _("higher is better"),
        False: _("lower is better"),
        None: _("no better direction"),
    }
    with st.popover(_("About this indicator"), icon=":material/info:"):
        st.markdown(f"**{indicator.code} {_(indicator.title)}**")
        st.write(_(indicator.definition))
        lang = current_lang()
        default = ", ".join(
            f"{dim_label(k, lang)} = {code_label(v, lang)}" for k, v in entry.default.items()
        )
        rows = [
            (_("Series"), f"`{entry.code}` — {_(entry.title)}"),
            (_("Unit"), f"{_(entry.unit)} ({direction[entry.higher_is_better]})"),
            (_("Custodian"), indicator.custodian),
            (_("Target"), indicator.target),
            (_("Headline disaggregation"), default or _("none")),
        ]
        st.markdown("\n".join(f"- {label}: {value}" for label, value in rows))
        source = (
            _("World Bank, Worldwide Governance Indicators")
            if indicator.source == "wgi"
            else _("UN Statistics Division, SDG Global Database; custodian {custodian}").format(
                custodian=indicator.custodian
            )
        )
        st.caption(
            _("Source: {source}. Unit code: {unit}").format(
                source=source, unit=unit_label(entry.unit, lang)
            )
        )


def region_labels() -> dict[str, str]:
    """Region code -> "Northern Africa (UN sub-region)", for every code ``?region=`` accepts."""
    regions = cache.regions()
    return {r.code: f"{r.label} ({r.group})" for r in regions.itertuples(index=False)}


def region_picker(
    current: str | None,
    *,
    label: str,
    none_label: str,
    container=st,
    help: str | None = None,
    key: str | None = None,
) -> str | None:
    """A region / income-group select box; None means no region (all countries, the world)."""
    labels = region_labels()
    return controls.selectbox(
        label,
        [None, *labels],
        key=key or nav.key("region"),
        url=current,
        default=None,
        where=container,
        format_func=lambda c: none_label if c is None else labels[c],
        help=help,
    )
