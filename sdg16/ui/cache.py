"""Every cached wrapper in one place. Cache keys include the store's version, so a sync that
swaps in a new file is visible on the next rerun without restarting the app."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.core.place_names import place_name
from sdg16.queries import coverage, indicators, maps, meta, profiles
from sdg16.queries import explorer as explorer_queries
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import geo, incidents
from sdg16.state.roles import Role
from sdg16.ui.i18n import current_lang


@st.cache_resource
def database() -> ReadOnlyDatabase:
    return ReadOnlyDatabase()


@st.cache_resource
def indicator_catalog() -> catalog.Catalog:
    return catalog.get()


def version() -> str:
    return database().version()


@st.cache_data(max_entries=64, show_spinner=False)
def _geographies(store_version: str) -> pd.DataFrame:
    return meta.geographies_with_data(database())


def geographies() -> pd.DataFrame:
    return _localized(_geographies(version()), "geo_id", "name", sort=True)


@st.cache_data(max_entries=64, show_spinner=False)
def _all_geographies(store_version: str) -> pd.DataFrame:
    return meta.geographies(database())


def all_geographies() -> pd.DataFrame:
    return _localized(_all_geographies(version()), "geo_id", "name", sort=True)


@st.cache_data(max_entries=16, show_spinner=False)
def _place_names(store_version: str, lang: str) -> dict[str, str]:
    """geo_id -> the name in ``lang`` (CLDR by ISO alpha-2 or M49 code; the store's otherwise)."""
    geos = _all_geographies(store_version)
    return {
        g.geo_id: place_name(g.name, lang, g.iso2, g.m49, g.geo_id)
        for g in geos.itertuples(index=False)
    }


def _localized(frame: pd.DataFrame, id_col: str, name_col: str, sort: bool = False):
    """``frame`` with ``name_col`` in the page's language (a copy; the cached frame is kept)."""
    lang = current_lang()
    if lang == "en" or frame.empty or name_col not in frame:
        return frame
    names = _place_names(version(), lang)
    out = frame.assign(
        **{name_col: [names.get(g, n) for g, n in zip(frame[id_col], frame[name_col], strict=True)]}
    )
    return out.sort_values(["kind", name_col], ignore_index=True) if sort and "kind" in out else out


@st.cache_data(max_entries=16, show_spinner=False)
def _freshness(store_version: str) -> pd.DataFrame:
    return meta.freshness(database())


def freshness() -> pd.DataFrame:
    return _freshness(version())


@st.cache_data(max_entries=512, show_spinner=False)
def _latest(store_version: str, geo_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return indicators.latest_values(database(), geo_id, codes, indicator_catalog())


def latest(geo_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return _latest(version(), geo_id, codes)


@st.cache_data(max_entries=512, show_spinner=False)
def _observations(store_version: str, f: Filter) -> pd.DataFrame:
    return indicators.observations(database(), f, indicator_catalog())


def observations(f: Filter) -> pd.DataFrame:
    return _localized(_observations(version(), f), "iso3", "geo_name")


@st.cache_data(max_entries=8, show_spinner=False)
def _regions(store_version: str) -> pd.DataFrame:
    return meta.regions(database())


def regions() -> pd.DataFrame:
    return _regions(version())


@st.cache_data(max_entries=64, show_spinner=False)
def _region_members(store_version: str, code: str) -> list[str]:
    return meta.region_members(database(), code)


def region_members(code: str) -> list[str]:
    return _region_members(version(), code)


# Map, country profile and coverage pages.
@st.cache_resource(max_entries=2)
def _map_shapes(store_version: str) -> tuple:
    shapes = geo.country_shapes(database())
    return shapes, geo.to_geojson(shapes)


def map_shapes() -> tuple:
    """(shapes, geojson) of the store's borders: read once per process and store version."""
    return _map_shapes(version())


def map_bounds(members: tuple[str, ...] | None) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a region's countries; the whole map without a region."""
    return geo.bounds(map_shapes()[0], list(members or []))


@st.cache_data(max_entries=256, show_spinner=False)
def _map_years(store_version: str, f: Filter) -> pd.DataFrame:
    return maps.year_counts(database(), f, indicator_catalog())


def map_years(f: Filter) -> pd.DataFrame:
    return _map_years(version(), f)


@st.cache_data(max_entries=512, show_spinner=False)
def _map_values(store_version: str, f: Filter, members: tuple[str, ...] | None) -> pd.DataFrame:
    return maps.country_values(database(), f, indicator_catalog(), members)


def map_values(f: Filter, members: tuple[str, ...] | None = None) -> pd.DataFrame:
    return _localized(_map_values(version(), f, members), "iso3", "geo_name")


@st.cache_data(max_entries=256, show_spinner=False)
def _map_latest(store_version: str, f: Filter, members: tuple[str, ...] | None) -> pd.DataFrame:
    return maps.latest_values(database(), f, indicator_catalog(), members)


def map_latest(f: Filter, members: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each country's latest value up to ``f.year`` (the map's "latest available" option)."""
    return _localized(_map_latest(version(), f, members), "iso3", "geo_name")


@st.cache_data(max_entries=256, show_spinner=False)
def _country_profile(store_version: str, geo_id: str) -> pd.DataFrame:
    return profiles.profile(database(), geo_id, indicator_catalog())


def country_profile(geo_id: str) -> pd.DataFrame:
    return _country_profile(version(), geo_id)


@st.cache_data(max_entries=64, show_spinner=False)
def _coverage_cells(
    store_version: str, members: tuple[str, ...] | None, year_from: int | None, year_to: int | None
) -> pd.DataFrame:
    return coverage.cells(database(), indicator_catalog(), members, year_from, year_to)


def coverage_cells(
    members: tuple[str, ...] | None, year_from: int | None = None, year_to: int | None = None
) -> pd.DataFrame:
    return _localized(_coverage_cells(version(), members, year_from, year_to), "iso3", "geo_name")


# Indicator explorer (Trends and Table pages).
@st.cache_data(max_entries=8, show_spinner=False)
def _dimension_codes(store_version: str) -> dict[str, frozenset[str]]:
    found = explorer_queries.dimension_values(database())
    return {d: frozenset(g["code"]) for d, g in found.groupby("dimension")}


def dimension_codes() -> dict[str, frozenset[str]]:
    """Every disaggregation code of every series, by dimension (checks URL values)."""
    return _dimension_codes(version())


@st.cache_data(max_entries=128, show_spinner=False)
def _series_dimensions(store_version: str, series: str) -> pd.DataFrame:
    return explorer_queries.dimension_values(database(), series)


def series_dimensions(series: str) -> pd.DataFrame:
    return _series_dimensions(version(), series)


@st.cache_data(max_entries=128, show_spinner=False)
def _series_geographies(store_version: str, f: Filter) -> pd.DataFrame:
    return explorer_queries.series_geographies(database(), f, indicator_catalog())


def series_geographies(f: Filter) -> pd.DataFrame:
    """Geographies with data for the filter's series and disaggregation (geo, years ignored)."""
    return _series_geographies(version(), Filter(series=f.series, dims=f.dims))


@st.cache_data(max_entries=256, show_spinner=False)
def _region_band(store_version: str, f: Filter, region: str) -> pd.DataFrame:
    return explorer_queries.region_band(database(), f, region, indicator_catalog())


def region_band(f: Filter, region: str) -> pd.DataFrame:
    return _region_band(version(), f.update(geo=()), region)


@st.cache_data(max_entries=8, show_spinner=False)
def _load_log(store_version: str) -> pd.DataFrame:
    return meta.load_log(database())


def load_log() -> pd.DataFrame:
    return _load_log(version())


# Incident reports. The role is part of every key: what a role may receive is decided in
# sdg16.services.incidents (privacy layer) before anything is cached or sent.
@st.cache_data(max_entries=8, show_spinner=False)
def _incident_countries(store_version: str, role: Role) -> pd.DataFrame:
    from sdg16.queries import incidents as q

    if not q.has_incidents(database()):
        return pd.DataFrame()
    return incidents.countries(database(), role)


def incident_countries(role: Role) -> pd.DataFrame:
    return _incident_countries(version(), role)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_summary(store_version: str, role: Role, f: Filter) -> dict:
    return incidents.summary(database(), f, role)


def incident_summary(role: Role, f: Filter) -> dict:
    return _incident_summary(version(), role, f)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_span(store_version: str, country: str, role: Role):
    return incidents.date_span(database(), country, role)


def incident_span(country: str, role: Role):
    return _incident_span(version(), country, role)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_map(store_version: str, role: Role, f: Filter):
    return incidents.map_data(database(), f, role)


def incident_map(role: Role, f: Filter):
    return _incident_map(version(), role, f)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_timeline(store_version: str, role: Role, f: Filter, period: str) -> pd.DataFrame:
    return incidents.timeline(database(), f, role, period)


def incident_timeline(role: Role, f: Filter, period: str) -> pd.DataFrame:
    return _incident_timeline(version(), role, f, period)


@st.cache_data(max_entries=256, show_spinner=False)
def _incident_breakdown(store_version: str, role: Role, f: Filter, by: str) -> pd.DataFrame:
    return incidents.breakdown(database(), f, role, by)


def incident_breakdown(role: Role, f: Filter, by: str) -> pd.DataFrame:
    return _incident_breakdown(version(), role, f, by)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_stats(store_version: str, role: Role, f: Filter):
    from sdg16.services.analytics import gather

    return gather.stats(database(), f, role)


def incident_stats(role: Role, f: Filter):
    """Hotspots, months, trend and breakdowns for the findings: per filter and store version
    (language and presenter mode are not part of the key: the numbers do not change)."""
    return _incident_stats(version(), role, f.update(lang="en", present=False))


@st.cache_data(max_entries=16, show_spinner=False)
def _incident_reports(store_version: str, role: Role, f: Filter) -> pd.DataFrame:
    return incidents.reports(database(), f, role)


def incident_reports(role: Role, f: Filter) -> pd.DataFrame:
    return _incident_reports(version(), role, f)


# Incident data management (admin page).
@st.cache_data(max_entries=8, show_spinner=False)
def _incident_imports(store_version: str) -> pd.DataFrame:
    from sdg16.queries import incident_admin

    return incident_admin.imports(database())


def incident_imports() -> pd.DataFrame:
    return _incident_imports(version())


@st.cache_data(max_entries=16, show_spinner=False)
def _quarantine(store_version: str, load_id: int | None, source: str | None) -> pd.DataFrame:
    from sdg16.queries import incident_admin

    return incident_admin.quarantine(database(), load_id, source)


def quarantine(load_id: int | None = None, source: str | None = None) -> pd.DataFrame:
    return _quarantine(version(), load_id, source)


@st.cache_data(max_entries=64, show_spinner=False)
def _progress(store_version: str, geos: tuple[str, ...], series: tuple[str, ...]) -> pd.DataFrame:
    from sdg16.services.analytics import assessment

    return assessment.assess(database(), indicator_catalog(), geos, series or None)


def progress(geos: tuple[str, ...], series: tuple[str, ...] = ()) -> pd.DataFrame:
    """Both progress views per (series, geo); every series when ``series`` is empty."""
    return _progress(version(), tuple(geos), tuple(series))
