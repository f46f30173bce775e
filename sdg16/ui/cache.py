"""Every cached wrapper in one place. Cache keys include the store's version, so a sync that
swaps in a new file is visible on the next rerun without restarting the app."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdg16 import catalog
from sdg16.db import ReadOnlyDatabase
from sdg16.filters import Filter
from sdg16.queries import indicators, meta


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


@st.cache_data(max_entries=8, show_spinner=False)
def _load_log(store_version: str) -> pd.DataFrame:
    return meta.load_log(database())


def load_log() -> pd.DataFrame:
    return _load_log(version())
