"""Widgets several pages share: the series picker and the indicator metadata popover."""

from __future__ import annotations

import streamlit as st

from sdg16.core.attribution import attribution
from sdg16.core.formatting import unit_label
from sdg16.ui import cache, controls, nav
from sdg16.ui.i18n import _, current_lang

DEFAULT_SERIES = "VC_IHR_PSRC"
NO_REGION = ""  # the region picker's "World" / "All countries"


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
        st.write(indicator.definition)
        default = ", ".join(f"{k} = {v}" for k, v in entry.default.items()) or _("none")
        rows = [
            (_("Series"), f"`{entry.code}` — {_(entry.title)}"),
            (_("Unit"), f"{entry.unit} ({direction[entry.higher_is_better]})"),
            (_("Custodian"), indicator.custodian),
            (_("Target"), indicator.target),
            (_("Headline disaggregation"), default),
        ]
        st.markdown("\n".join(f"- {label}: {value}" for label, value in rows))
        source = attribution(current_lang(), indicator)
        st.caption(
            _("Source: {source}. Unit code: {unit}").format(
                source=source, unit=unit_label(entry.unit)
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
    """A region / income-group select box; None means no region (all countries, the world).

    "No region" is the option ``""`` on screen: Streamlit shows a state of ``None`` as an empty
    box, so after Back the map's Region said nothing instead of "World"."""
    labels = region_labels()
    chosen = controls.selectbox(
        label,
        [NO_REGION, *labels],
        key=key or nav.key("region"),
        url=current,
        default=NO_REGION,
        where=container,
        format_func=lambda c: labels.get(c, none_label),
        help=help,
    )
    return chosen or None
