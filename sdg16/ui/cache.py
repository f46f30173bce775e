"""Every cached wrapper in one place. Cache keys include the store's version, so a sync that
swaps in a new file is visible on the next rerun without restarting the app."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdg16 import catalog, incident_data
from sdg16.db import ReadOnlyDatabase
from sdg16.filters import Filter
from sdg16.queries import indicators, meta
from sdg16.roles import Role


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
    return _geographies(version())


@st.cache_data(max_entries=64, show_spinner=False)
def _all_geographies(store_version: str) -> pd.DataFrame:
    return meta.geographies(database())


def all_geographies() -> pd.DataFrame:
    return _all_geographies(version())


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
    return _observations(version(), f)


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


# Incident reports. The role is part of every key: what a role may receive is decided in
# sdg16.incident_data (privacy layer) before anything is cached or sent.
@st.cache_data(max_entries=8, show_spinner=False)
def _incident_countries(store_version: str) -> pd.DataFrame:
    from sdg16.queries import incidents as q

    return q.countries(database()) if q.has_incidents(database()) else pd.DataFrame()


def incident_countries() -> pd.DataFrame:
    return _incident_countries(version())


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_summary(store_version: str, role: Role, f: Filter) -> dict:
    return incident_data.summary(database(), f, role)


def incident_summary(role: Role, f: Filter) -> dict:
    return _incident_summary(version(), role, f)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_span(store_version: str, country: str):
    from sdg16.queries import incidents as q

    return q.date_span(database(), country)


def incident_span(country: str):
    return _incident_span(version(), country)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_map(store_version: str, role: Role, f: Filter):
    return incident_data.map_data(database(), f, role)


def incident_map(role: Role, f: Filter):
    return _incident_map(version(), role, f)


@st.cache_data(max_entries=64, show_spinner=False)
def _incident_timeline(store_version: str, role: Role, f: Filter, period: str) -> pd.DataFrame:
    return incident_data.timeline(database(), f, role, period)


def incident_timeline(role: Role, f: Filter, period: str) -> pd.DataFrame:
    return _incident_timeline(version(), role, f, period)


@st.cache_data(max_entries=256, show_spinner=False)
def _incident_breakdown(store_version: str, role: Role, f: Filter, by: str) -> pd.DataFrame:
    return incident_data.breakdown(database(), f, role, by)


def incident_breakdown(role: Role, f: Filter, by: str) -> pd.DataFrame:
    return _incident_breakdown(version(), role, f, by)


@st.cache_data(max_entries=16, show_spinner=False)
def _incident_reports(store_version: str, role: Role, f: Filter) -> pd.DataFrame:
    return incident_data.reports(database(), f, role)


def incident_reports(role: Role, f: Filter) -> pd.DataFrame:
    return _incident_reports(version(), role, f)
