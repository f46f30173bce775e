"""Every cached wrapper in one place. ``per_store`` adds the store's version to each key, so a
sync that swaps in a new file is visible on the next rerun without restarting the app. A private
function remains only where the public one shapes the key (a narrower filter) or the result (place
names in the page's language) around the cached call."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.core.place_names import group_name, place_name, region_name
from sdg16.queries import coverage, indicators, maps, meta, profiles
from sdg16.queries import explorer as explorer_queries
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import geo, incidents
from sdg16.state.roles import Role
from sdg16.ui.i18n import current_lang

F = TypeVar("F", bound=Callable)


@st.cache_resource
def database() -> ReadOnlyDatabase:
    return ReadOnlyDatabase()


@st.cache_resource
def indicator_catalog() -> catalog.Catalog:
    return catalog.get()


def version() -> str:
    return database().version()


def per_store(max_entries: int, *, resource: bool = False) -> Callable[[F], F]:
    """Cache a function per store version and arguments: a sync that swaps in a new file is
    seen on the next rerun. The version is added to the key here, so no function takes it.
    ``resource`` keeps one shared object (``st.cache_resource``) instead of a copy per caller."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)  # Streamlit keys the cache on the wrapped function's name and source
        def keyed(store_version: str, *args, **kwargs):
            del store_version  # only part of the cache key
            return fn(*args, **kwargs)

        if resource:
            keyed = st.cache_resource(max_entries=max_entries)(keyed)
        else:
            keyed = st.cache_data(max_entries=max_entries, show_spinner=False)(keyed)

        @functools.wraps(fn)
        def call(*args, **kwargs):
            return keyed(version(), *args, **kwargs)

        return call  # type: ignore[return-value]

    return wrap


@per_store(64)
def _geographies() -> pd.DataFrame:
    return meta.geographies_with_data(database())


def geographies() -> pd.DataFrame:
    return _localized(_geographies(), "geo_id", "name", sort=True)


@per_store(64)
def _all_geographies() -> pd.DataFrame:
    return meta.geographies(database())


def all_geographies() -> pd.DataFrame:
    return _localized(_all_geographies(), "geo_id", "name", sort=True)


@per_store(16)
def _place_names(lang: str) -> dict[str, str]:
    """geo_id -> the name in ``lang`` (CLDR by ISO alpha-2 or M49 code; the store's otherwise)."""
    geos = _all_geographies()
    return {
        g.geo_id: place_name(g.name, lang, g.iso2, g.m49, g.geo_id)
        for g in geos.itertuples(index=False)
    }


def _localized(frame: pd.DataFrame, id_col: str, name_col: str, sort: bool = False):
    """``frame`` with ``name_col`` in the page's language (a copy; the cached frame is kept)."""
    lang = current_lang()
    if lang == "en" or frame.empty or name_col not in frame:
        return frame
    names = _place_names(lang)
    out = frame.assign(
        **{name_col: [names.get(g, n) for g, n in zip(frame[id_col], frame[name_col], strict=True)]}
    )
    return out.sort_values(["kind", name_col], ignore_index=True) if sort and "kind" in out else out


@per_store(16)
def freshness() -> pd.DataFrame:
    return meta.freshness(database())


@per_store(512)
def latest(geo_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return indicators.latest_values(database(), geo_id, codes, indicator_catalog())


@per_store(512)
def _observations(f: Filter) -> pd.DataFrame:
    return indicators.observations(database(), f, indicator_catalog())


def observations(f: Filter) -> pd.DataFrame:
    return _localized(_observations(f), "iso3", "geo_name")


@per_store(8)
def _regions() -> pd.DataFrame:
    return meta.regions(database())


def regions() -> pd.DataFrame:
    """Region codes with their label and group in the page's language (the codes never change)."""
    found, lang = _regions(), current_lang()
    if lang == "en" or found.empty:
        return found
    return found.assign(
        label=[region_name(n, lang) for n in found["label"]],
        group=[group_name(g, lang) for g in found["group"]],
    )


@per_store(64)
def region_members(code: str) -> list[str]:
    return meta.region_members(database(), code)


# Map, country profile and coverage pages.
@per_store(2, resource=True)
def map_shapes() -> tuple:
    """(shapes, geojson) of the store's borders: read once per process and store version."""
    shapes = geo.country_shapes(database())
    return shapes, geo.to_geojson(shapes)


def map_bounds(members: tuple[str, ...] | None) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a region's countries; the whole map without a region."""
    return geo.bounds(map_shapes()[0], list(members or []))


@per_store(256)
def map_years(f: Filter) -> pd.DataFrame:
    return maps.year_counts(database(), f, indicator_catalog())


@per_store(512)
def _map_values(f: Filter, members: tuple[str, ...] | None) -> pd.DataFrame:
    return maps.country_values(database(), f, indicator_catalog(), members)


def map_values(f: Filter, members: tuple[str, ...] | None = None) -> pd.DataFrame:
    return _localized(_map_values(f, members), "iso3", "geo_name")


@per_store(256)
def _map_latest(f: Filter, members: tuple[str, ...] | None) -> pd.DataFrame:
    return maps.latest_values(database(), f, indicator_catalog(), members)


def map_latest(f: Filter, members: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each country's latest value up to ``f.year`` (the map's "latest available" option)."""
    return _localized(_map_latest(f, members), "iso3", "geo_name")


@per_store(256)
def country_profile(geo_id: str) -> pd.DataFrame:
    return profiles.profile(database(), geo_id, indicator_catalog())


@per_store(64)
def _coverage_cells(
    members: tuple[str, ...] | None, year_from: int | None, year_to: int | None
) -> pd.DataFrame:
    return coverage.cells(database(), indicator_catalog(), members, year_from, year_to)


def coverage_cells(
    members: tuple[str, ...] | None, year_from: int | None = None, year_to: int | None = None
) -> pd.DataFrame:
    return _localized(_coverage_cells(members, year_from, year_to), "iso3", "geo_name")


# Indicator explorer (Trends and Table pages).
@per_store(8)
def dimension_codes() -> dict[str, frozenset[str]]:
    """Every disaggregation code of every series, by dimension (checks URL values)."""
    found = explorer_queries.dimension_values(database())
    return {d: frozenset(g["code"]) for d, g in found.groupby("dimension")}


@per_store(128)
def series_dimensions(series: str) -> pd.DataFrame:
    return explorer_queries.dimension_values(database(), series)


@per_store(128)
def _series_geographies(f: Filter) -> pd.DataFrame:
    return explorer_queries.series_geographies(database(), f, indicator_catalog())


def series_geographies(f: Filter) -> pd.DataFrame:
    """Geographies with data for the filter's series and disaggregation (geo, years ignored)."""
    return _series_geographies(Filter(series=f.series, dims=f.dims))


@per_store(256)
def _region_band(f: Filter, region: str) -> pd.DataFrame:
    return explorer_queries.region_band(database(), f, region, indicator_catalog())


def region_band(f: Filter, region: str) -> pd.DataFrame:
    return _region_band(f.update(geo=()), region)


@per_store(8)
def load_log() -> pd.DataFrame:
    return meta.load_log(database())


# Incident reports. The role is part of every key: what a role may receive is decided in
# sdg16.services.incidents (privacy layer) before anything is cached or sent.
@per_store(8)
def incident_countries(role: Role) -> pd.DataFrame:
    from sdg16.queries import incidents as q

    if not q.has_incidents(database()):
        return pd.DataFrame()
    return incidents.countries(database(), role)


@per_store(64)
def incident_summary(role: Role, f: Filter) -> dict:
    return incidents.summary(database(), f, role)


@per_store(64)
def incident_span(country: str, role: Role):
    return incidents.date_span(database(), country, role)


@per_store(64)
def incident_map(role: Role, f: Filter):
    return incidents.map_data(database(), f, role)


@per_store(64)
def incident_timeline(role: Role, f: Filter, period: str) -> pd.DataFrame:
    return incidents.timeline(database(), f, role, period)


@per_store(256)
def incident_breakdown(role: Role, f: Filter, by: str) -> pd.DataFrame:
    return incidents.breakdown(database(), f, role, by)


@per_store(64)
def _incident_stats(role: Role, f: Filter):
    from sdg16.services.analytics import gather

    return gather.stats(database(), f, role)


def incident_stats(role: Role, f: Filter):
    """Hotspots, months, trend and breakdowns for the findings: per filter and store version
    (language and presenter mode are not part of the key: the numbers do not change)."""
    return _incident_stats(role, f.update(lang="en", present=False))


@per_store(16)
def incident_reports(role: Role, f: Filter) -> pd.DataFrame:
    return incidents.reports(database(), f, role)


# Incident data management (admin page).
@per_store(8)
def incident_imports() -> pd.DataFrame:
    from sdg16.queries import incident_admin

    return incident_admin.imports(database())


@per_store(16)
def quarantine(load_id: int | None = None, source: str | None = None) -> pd.DataFrame:
    from sdg16.queries import incident_admin

    return incident_admin.quarantine(database(), load_id, source)


@per_store(64)
def _progress(geos: tuple[str, ...], series: tuple[str, ...]) -> pd.DataFrame:
    from sdg16.services.analytics import assessment

    return assessment.assess(database(), indicator_catalog(), geos, series or None)


def progress(geos: tuple[str, ...], series: tuple[str, ...] = ()) -> pd.DataFrame:
    """Both progress views per (series, geo); every series when ``series`` is empty."""
    return _progress(tuple(geos), tuple(series))
