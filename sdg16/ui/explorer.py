"""The filter panel the Trends and Table pages share: series, region, countries kept apart from
aggregates, years and the series' own disaggregations. Reads the URL, writes it back."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from sdg16.filters import Filter
from sdg16.queries.explorer import default_countries
from sdg16.ui import cache, state, widgets

# Codes that mean "everyone": picked when neither the link nor the catalog chooses a value.
TOTALS = ("BOTHSEX", "ALLAGE", "_T", "ALLAREA", "_Z", "ALL")
CODE_LABELS = {"BOTHSEX": "Both sexes", "FEMALE": "Female", "MALE": "Male", "ALLAGE": "All ages"}
CODE_LABELS |= {"_T": "Total", "ALLAREA": "All areas", "URBAN": "Urban", "RURAL": "Rural"}


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
            _notice(f"Ignored {dim}={code!r} in the link: this series has no such breakdown.")
    resolved, link = {}, {}
    several = [d for d, c in codes.items() if len(c) > 1]
    cols = st.columns(len(several)) if several else []
    for col, dim in zip(cols, several, strict=True):
        options = codes[dim]
        auto = entry.default.get(dim)
        if auto not in options:
            auto = next((t for t in TOTALS if t in options), options[0])
        current = asked.get(dim) if asked.get(dim) in options else auto
        label = dim.replace("_", " ").capitalize()
        resolved[dim] = col.selectbox(
            label, options, index=options.index(current), format_func=_code_label
        )
        if resolved[dim] != auto:
            link[dim] = resolved[dim]
    return resolved, link


def _notice(text: str) -> None:
    st.toast(text, icon="⚠️")
    st.caption(f"⚠️ {text}")


def _code_label(code: str) -> str:
    return CODE_LABELS.get(code, code)


def _geo_label(names: dict[str, str], have: set[str]):
    return lambda g: names.get(g, g) + ("" if g in have else " (no data)")


def filter_panel(default: str = "recent") -> View:
    """Draw the explorer filters; ``default`` is what shows when the link names no geography:
    "recent" (the five countries with the most recent data) or "all" (every country)."""
    f = state.current_filter()
    top = st.columns([4, 1], vertical_alignment="bottom")
    with top[0]:
        series = widgets.series_picker(f.series)
    with top[1]:
        widgets.indicator_info(series)
    fresh = f.series is not None and series != f.series  # a new series drops old breakdowns
    dims, link_dims = _dims(series, f, fresh)
    base = Filter(series=series, dims=tuple(sorted(dims.items())))

    geos = cache.series_geographies(base)
    names = dict(zip(geos["geo_id"], geos["name"], strict=True))
    known = cache.all_geographies()
    all_names = {**dict(zip(known["geo_id"], known["name"], strict=True)), **names}
    have = set(names)
    regions = cache.regions()
    region_labels = {r.code: f"{r.label} ({r.group})" for r in regions.itertuples(index=False)}

    side = st.sidebar
    side.header("Filters")
    region_options = [None, *regions["code"]]
    region = side.selectbox(
        "Region or income group",
        region_options,
        index=region_options.index(f.region) if f.region in region_options else 0,
        format_func=lambda c: "All countries" if c is None else region_labels[c],
        help="Narrows the country list; on Trends it adds the median of its countries.",
    )
    members = cache.region_members(region) if region else None
    countries = geos[geos["kind"] == "country"]
    pool = countries[countries["geo_id"].isin(members)] if members is not None else countries
    aggregates = geos[geos["kind"] != "country"]
    agg_kind = dict(zip(aggregates["geo_id"], aggregates["kind"], strict=True))
    kinds = dict(zip(known["geo_id"], known["kind"], strict=True))

    chosen = [g for g in f.geo if g in all_names]
    chosen_countries = [g for g in chosen if kinds.get(g, "country") == "country"]
    chosen_aggs = [g for g in chosen if kinds.get(g) not in (None, "country")]
    note = None
    if not chosen:
        where = f" in {region_labels[region]}" if region else ""
        if default == "all":
            chosen_countries = pool["geo_id"].tolist()
            note = f"Showing all {len(chosen_countries)} countries with data{where}."
        else:
            chosen_countries = default_countries(geos, members)
            note = (
                f"Showing the {len(chosen_countries)} countries{where} with the most recent "
                "and longest records. Pick countries in the sidebar to change this."
            )
    country_options = list(dict.fromkeys([*pool["geo_id"], *chosen_countries]))
    picked = side.multiselect(
        f"Countries ({len(pool)} with data)",
        country_options,
        default=chosen_countries,
        format_func=_geo_label(all_names, have),
    )
    agg_options = list(dict.fromkeys([*aggregates["geo_id"], *chosen_aggs]))
    picked_aggs = side.multiselect(
        "Regional aggregates (shown apart from countries)",
        agg_options,
        default=chosen_aggs,
        format_func=lambda g: _geo_label(all_names, have)(g) + f" · {agg_kind.get(g, 'aggregate')}",
    )
    picked_all = picked + picked_aggs
    lo, hi = (int(geos["first_year"].min()), int(geos["last_year"].max())) if len(geos) else (0, 0)
    years = (f.year_from, f.year_to)
    if lo < hi:
        start = min(max(f.year_from or lo, lo), hi)
        end = max(min(f.year_to or hi, hi), start)
        years = side.slider("Years", lo, hi, (start, end))
    year_from = years[0] if years[0] not in (None, lo) else None
    year_to = years[1] if years[1] not in (None, hi) else None

    unchanged_default = not chosen and picked == chosen_countries and not picked_aggs
    link = Filter(
        series=series,
        geo=() if unchanged_default else tuple(picked_all),
        region=region,
        year_from=year_from,
        year_to=year_to,
        dims=tuple(sorted(link_dims.items())),
        lang=f.lang,
        present=f.present,
    )
    state.write_filter(link)
    query = base.update(geo=tuple(picked_all), year_from=year_from, year_to=year_to)
    region_label = regions.set_index("code")["label"].get(region) if region else None
    return View(query, link, picked_all, all_names, region_label, note if not picked_aggs else None)


def share_link(url_path: str, link: Filter) -> str:
    """The absolute URL that reopens this view (relative when the browser URL is unknown)."""
    base = ""
    try:
        url = st.context.url or ""
        base = url.split("://", 1)[0] + "://" + url.split("://", 1)[1].split("/", 1)[0]
    except (AttributeError, IndexError):
        base = ""
    query = urlencode(link.to_params())
    return f"{base}/{url_path}" + (f"?{query}" if query else "")
