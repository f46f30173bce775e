"""Widgets several pages share: the series picker and the indicator metadata popover."""

from __future__ import annotations

import streamlit as st

from sdg16.core.attribution import attribution
from sdg16.core.catalog import method_url
from sdg16.core.dimensions import code_label, dim_label
from sdg16.core.formatting import dataset_label, date_time, unit_label
from sdg16.core.i18n import N_
from sdg16.ui import cache, controls, nav, present
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
        source = attribution(current_lang(), indicator)
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


# The indicator view's tabs: each is its own page (own URL, own filters: a year on the map,
# many countries on the chart), so the tabs are links that carry the shared filter.
VIEW_TABS = (
    ("trends", N_("Chart"), ":material/show_chart:"),
    ("map", N_("Map"), ":material/public:"),
    ("table", N_("Table"), ":material/table:"),
)


def view_tabs(current: str) -> None:
    """Chart · Map · Table for the same indicator and filter; the open one is marked. Not in
    presenter mode: navigation, like the hidden menu, and its row is the map's height."""
    if present.is_presenting():
        return
    cols = st.columns(len(VIEW_TABS) + 2, gap="small")
    params = nav.link_params()
    for col, (path, label, icon) in zip(cols, VIEW_TABS, strict=False):
        with col:
            shown = _(label)
            if path == current:
                st.markdown(f"**{shown}**", help=_("This view"))
            else:
                st.page_link(f"views/{path}.py", label=shown, icon=icon, query_params=params)


def sources_panel(series_code: str) -> None:
    """The indicator's sources: definition, custodian, method, and when each source was loaded."""
    cat = cache.indicator_catalog()
    if not cat.has_series(series_code):
        return
    indicator, lang = cat.indicator_of(series_code), current_lang()
    fresh = cache.freshness()
    prefix = ("wgi", "wb") if indicator.source == "wgi" else ("unsd",)
    loaded = fresh[fresh["dataset"].str.startswith(prefix)]
    with st.expander(_("Sources and method"), icon=":material/menu_book:"):
        st.markdown(f"**{indicator.code} {_(indicator.title)}** — {_(indicator.definition)}")
        lines = [
            _("Custodian agency: {custodian}").format(custodian=indicator.custodian),
            _("Method: [metadata of indicator {code}]({url})").format(
                code=indicator.code, url=method_url(indicator)
            ),
            *(
                _("{dataset}: loaded {when} UTC").format(
                    dataset=_(dataset_label(r.dataset)), when=date_time(r.loaded_at, lang)
                )
                for r in loaded.itertuples(index=False)
            ),
        ]
        st.markdown("\n".join(f"- {line}" for line in lines))
