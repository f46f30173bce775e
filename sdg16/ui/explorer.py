"""The filter panel the Trends and Table pages share: series, region, countries kept apart from
aggregates, years and the series' own disaggregations. Reads the URL, writes it back."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from sdg16.core import dimensions
from sdg16.core.filters import Filter
from sdg16.queries.explorer import default_countries
from sdg16.ui import cache, controls, first_view, nav, present, state, widgets
from sdg16.ui.i18n import _, current_lang

# Codes that mean "everyone": picked when neither the link nor the catalog chooses a value.
TOTALS = ("BOTHSEX", "ALLAGE", "_T", "ALLAREA", "_Z", "ALL")


def dim_label(dim: str) -> str:
    """A disaggregation's name in the page's language (the column name when not catalogued)."""
    return dimensions.dim_label(dim, current_lang())


@dataclass(frozen=True)
class View:
    """What the panel resolved: the filter to query, and what the page should say about it."""

    query: Filter  # series, chosen geographies, years, one code per disaggregation
    link: Filter  # what the URL holds (defaults left out)
    geos: list[str]  # in the order chosen
    names: dict[str, str]
    region_label: str | None
    default_note: str | None  # set when no geography was chosen and a default is shown


def _dims(series: str, f: Filter, fresh: bool) -> tuple[dict[str, str], dict[str, str]]:
    """One code per dimension with several codes: (resolved, the ones the link must carry)."""
    entry = cache.indicator_catalog().series(series)
    table = cache.series_dimensions(series)
    codes = {d: g["code"].tolist() for d, g in table.groupby("dimension", sort=False)}
    asked = {} if fresh else dict(f.dims)
    for dim, code in asked.items():
        if code not in codes.get(dim, []):
            _notice(
                _("Ignored {dim}={code} in the link: this series has no such breakdown.").format(
                    dim=dim, code=repr(code)
                )
            )
    resolved, link = {}, {}
    several = [d for d, c in codes.items() if len(c) > 1]
    cols = st.columns(max(len(several), 4))[: len(several)]
    for col, dim in zip(cols, several, strict=True):
        options = codes[dim]
        auto = entry.default.get(dim)
        if auto not in options:
            auto = next((t for t in TOTALS if t in options), options[0])
        # Per series: another series' breakdown codes are not this one's options.
        resolved[dim] = controls.selectbox(
            dim_label(dim),
            options,
            key=nav.key(f"{series}.{dim}"),
            url=asked.get(dim),
            default=auto,
            where=col,
            format_func=code_label,
        )
        if resolved[dim] != auto:
            link[dim] = resolved[dim]
    return resolved, link


def _notice(text: str) -> None:
    state.notice(text)


def code_label(code: str) -> str:
    return dimensions.code_label(code, current_lang())


def _geo_label(names: dict[str, str], have: set[str]):
    return lambda g: names.get(g, g) + ("" if g in have else _(" (no data)"))


def _geo_picker(
    f: Filter, geos: pd.DataFrame, region: str | None, region_label: str | None, default: str
) -> tuple[list[str], list[str], str | None]:
    """Countries and aggregates in two separate pickers; the region narrows the country list.

    Returns (the geographies to show, what the link holds, a note when a default is shown).
    """
    known = cache.all_geographies()
    kinds = dict(zip(known["geo_id"], known["kind"], strict=True))
    names = dict(zip(known["geo_id"], known["name"], strict=True))
    label = _geo_label(names, set(geos["geo_id"]))
    members = cache.region_members(region) if region else None
    countries = geos[geos["kind"] == "country"]
    pool = countries[countries["geo_id"].isin(members)] if members is not None else countries
    aggregates = geos[geos["kind"] != "country"]

    chosen = [g for g in f.geo if g in kinds]
    chosen_countries = [g for g in chosen if kinds[g] == "country"]
    chosen_aggs = [g for g in chosen if kinds[g] != "country"]
    where = _(" in {region}").format(region=region_label) if region_label else ""
    auto, auto_aggs = pool["geo_id"].tolist(), []
    note = _("Showing all {n} countries with data{where}; aggregates only when chosen.").format(
        n=len(auto), where=where
    )
    if default != "all":
        ranked = default_countries(geos, members, len(pool))
        own = first_view.browser_country(ranked)
        if own:  # the visitor's country and its neighbours: a comparison that means something
            auto = [own, *first_view.peers(own, ranked)]
            note = _(
                "Showing {place} and {n} other countries of its sub-region with data. "
                "Pick countries in the sidebar to change this."
            ).format(place=names.get(own, own), n=len(auto) - 1)
        else:
            auto = first_view.spread(ranked)
            note = _(
                "Showing {n} countries{where} from different regions, with recent and long "
                "records. Pick countries in the sidebar to change this."
            ).format(n=len(auto), where=where)
    if countries.empty and not aggregates.empty:  # some series (breakdowns) exist only for regions
        auto_aggs = default_countries(geos, None, len(aggregates) if default == "all" else 5, True)
        note = _("No country data for this breakdown: showing {n} regional aggregates.").format(
            n=len(auto_aggs)
        )
    # Empty means "all" on the Table page: no 200 chips in the sidebar.
    widget_countries = chosen_countries if chosen or default == "all" else auto
    widget_aggs = chosen_aggs if chosen or default == "all" else auto_aggs
    side = st.sidebar
    picked = controls.multiselect(
        _("Countries ({n} with data{where})").format(n=len(pool), where=where),
        list(dict.fromkeys([*pool["geo_id"], *widget_countries])),
        key=nav.key("countries"),
        url=chosen_countries,
        default=widget_countries,
        where=side,
        format_func=label,
        placeholder=_("All countries with data") if default == "all" else _("Choose countries"),
    )
    picked_aggs = controls.multiselect(
        _("Regional aggregates (never mixed into the country list)"),
        list(dict.fromkeys([*aggregates["geo_id"], *widget_aggs])),
        key=nav.key("aggregates"),
        url=chosen_aggs,
        default=widget_aggs,
        where=side,
        format_func=lambda g: (
            label(g)
            + (
                ""
                if kinds[g] == "aggregate"
                else f" · {dimensions.kind_label(kinds[g], current_lang())}"
            )
        ),
    )
    picked_all = picked + picked_aggs
    explicit = bool(chosen) or picked != widget_countries or picked_aggs != widget_aggs
    if not explicit or (default == "all" and not picked_all):
        return auto + auto_aggs, [], note
    return picked_all, picked_all, None


def filter_panel(default: str = "recent") -> View:
    """Draw the explorer filters; ``default`` is what shows when the link names no geography:
    "recent" (the five countries with the most recent data) or "all" (every country)."""
    f = state.current_filter()
    # Gone whole in presenter mode: its emptied rows of columns kept a gap each above the chart.
    with present.controls("explorer"):
        top = st.columns([4, 1], vertical_alignment="bottom")
        with top[0]:
            series = widgets.series_picker(f.series)
        with top[1]:
            widgets.indicator_info(series)
        fresh = f.series is not None and series != f.series  # a new series drops old breakdowns
        dims, link_dims = _dims(series, f, fresh)
    base = Filter(series=series, dims=tuple(sorted(dims.items())))
    geos = cache.series_geographies(base)
    regions = cache.regions()
    side = st.sidebar
    side.header(_("Filters"))
    region = widgets.region_picker(
        f.region,
        label=_("Region or income group"),
        none_label=_("All countries"),
        container=side,
        help=_("Narrows the country list; on Trends it adds the median of its countries."),
    )
    region_label = regions.set_index("code")["label"].get(region) if region else None
    shown, linked, note = _geo_picker(f, geos, region, region_label, default)
    lo, hi = (int(geos["first_year"].min()), int(geos["last_year"].max())) if len(geos) else (0, 0)
    years = (f.year_from, f.year_to)
    if lo < hi:
        years = controls.slider(
            _("Years"), lo, hi, key=nav.key("years"), url=years, default=(lo, hi), where=side
        )
    year_from = years[0] if years[0] not in (None, lo) else None
    year_to = years[1] if years[1] not in (None, hi) else None

    link = Filter(
        series=series,
        geo=tuple(linked),
        region=region,
        year_from=year_from,
        year_to=year_to,
        dims=tuple(sorted(link_dims.items())),
        year=f.year,  # the map's year travels on to the map
        lang=f.lang,
        present=f.present,
        deck=f.deck,  # a slide stays a slide: a reload keeps the deck bar
        slide=f.slide,
    )
    state.write_filter(link)
    query = base.update(geo=tuple(shown), year_from=year_from, year_to=year_to)
    names = dict(
        zip(cache.all_geographies()["geo_id"], cache.all_geographies()["name"], strict=True)
    )
    return View(query, link, shown, names, region_label, note)


def share_link(url_path: str, link: Filter) -> str:
    """The absolute URL that reopens this view (relative when the browser URL is unknown)."""
    base = ""
    try:
        url = st.context.url or ""
        base = url.split("://", 1)[0] + "://" + url.split("://", 1)[1].split("/", 1)[0]
    except (AttributeError, IndexError):
        base = ""
    query = link.to_query()
    return f"{base}/{url_path}" + (f"?{query}" if query else "")


def missing_note(view: View, shown: list[str], found: set[str]) -> None:
    """Say which chosen geographies have no rows, rather than silently drawing nothing."""
    missing = [view.names.get(g, g) for g in shown if g not in found]
    if missing:
        st.caption(_("No data for these filters: {places}.").format(places=", ".join(missing)))
