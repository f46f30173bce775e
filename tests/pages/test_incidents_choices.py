"""Every successive choice in the incident filter bar sticks, not only every other one (found by
bench/: the browser's second country change never settled)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from loaders.incidents import synthetic
from loaders.store import Store
from testkit.apptest import open_app


@pytest.fixture
def two_countries(incident_store: Path, tmp_path: Path):
    import streamlit as st

    path = tmp_path / "sdg16.duckdb"
    shutil.copyfile(incident_store, path)
    Store(path).apply_incidents(synthetic.batch(800, seed=5))  # Egypt and Pakistan
    before = os.environ["SDG16_DB"]
    os.environ["SDG16_DB"] = str(path)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    os.environ["SDG16_DB"] = before
    st.cache_data.clear()
    st.cache_resource.clear()


def _caption(at) -> str:
    return next(c.value for c in at.caption if "hexagons with reports" in c.value)


@pytest.mark.usefixtures("two_countries")
def test_each_successive_country_and_area_choice_is_shown() -> None:
    at = open_app("incidents", geo="EGY")
    for geo, name in (("PAK", "Pakistan"), ("EGY", "Egypt"), ("PAK", "Pakistan")):
        at.selectbox(key="incidents.country").select(geo).run()
        assert at.query_params["geo"] == geo
        assert _caption(at).startswith(f"{name}:")
    for code, area in (("PK-PB", "Punjab"), ("PK-SD", "Sindh"), ("PK-PB", "Punjab")):
        at.selectbox(key="incidents.area.PAK").select(code).run()
        assert at.query_params["admin1"] == code
        assert _caption(at).startswith(f"Pakistan · {area}:")
    # A new country drops the old country's area instead of failing on it.
    at.selectbox(key="incidents.country").select("EGY").run()
    assert not at.exception and "admin1" not in at.query_params
    assert _caption(at).startswith("Egypt:")


@pytest.mark.usefixtures("two_countries")
def test_each_successive_type_choice_is_shown() -> None:
    at = open_app("incidents", geo="EGY")
    for types in (["touching"], ["touching", "comments"], ["comments"]):
        at.multiselect(key="incidents.types").set_value(types).run()
        assert at.query_params["type"] == ",".join(types)
