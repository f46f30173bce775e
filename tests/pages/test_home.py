"""AppTest of the overview page: real values from the store for the chosen geography."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sdg16.core import catalog, formatting
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import latest_values
from testkit.apptest import open_app
from testkit.paths import ROOT


def open_home(geo: str | None = None) -> AppTest:
    return open_app("home", **({"geo": geo} if geo else {}))


@pytest.mark.parametrize("geo", ["PAK", "EGY", "MEX"])
def test_cards_show_the_stored_latest_values(store_path: Path, db: ReadOnlyDatabase, geo: str):
    at = open_home(geo)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    cat = catalog.get()
    latest = latest_values(db, geo, [s.code for s in cat.key_series()], cat)
    assert len(latest) >= 5, "the key series should mostly have data for this country"
    for row in latest.itertuples():
        title = cat.series(row.series).title
        assert metrics[title] == formatting.with_unit(row.value, row.unit, short=True)


def test_homicide_card_for_mexico_matches_the_bundle(store_path: Path) -> None:
    at = open_home("MEX")
    homicide = next(m for m in at.metric if m.label == "Homicide rate")
    # 28.18 per 100,000 in 2021 in the bundle file; shown rounded to 3 significant digits.
    assert homicide.value == "28.2 per 100k"
    assert homicide.delta == "-1.01 since 2020"


def test_choosing_a_country_updates_the_link(store_path: Path) -> None:
    at = open_home("PAK")
    at.selectbox[0].select("EGY").run()
    assert at.query_params["geo"] == "EGY"
    assert "Latest values: Egypt" in [s.value for s in at.subheader]


def test_bad_geo_in_the_link_gives_a_notice_not_an_error(store_path: Path) -> None:
    at = open_home("NOT_A_PLACE")
    assert not at.exception
    assert any("Ignored unknown geo" in c.value for c in at.caption)


def test_freshness_and_attribution_are_shown(store_path: Path) -> None:
    captions = " ".join(c.value for c in open_home("EGY").caption)
    assert "Data freshness" in captions
    assert re.search(r"loaded [A-Z][a-z]{2} \d{1,2}, 20\d\d \d{1,2}:\d\d", captions)  # CLDR
    assert "UN Statistics Division, SDG Global Database" in captions
    assert "World Bank, Worldwide Governance Indicators" in captions


@pytest.fixture
def fresh_caches():
    """Cached resources (catalog, database) are process-wide: reset them around the test."""
    import streamlit as st

    from sdg16.core import catalog

    for clear in (st.cache_resource.clear, st.cache_data.clear, catalog.get.cache_clear):
        clear()
    yield
    for clear in (st.cache_resource.clear, st.cache_data.clear, catalog.get.cache_clear):
        clear()


@pytest.mark.usefixtures("fresh_caches")
def test_invalid_catalog_stops_the_app_with_the_key(tmp_path, store_path: Path, monkeypatch):
    text = (ROOT / "indicators.yaml").read_text()
    bad = tmp_path / "indicators.yaml"
    bad.write_text(text.replace("higher_is_better: false", "higher_is_better: sometimes", 1))
    monkeypatch.setenv("SDG16_CATALOG", str(bad))
    at = open_home("EGY")
    assert not at.exception
    assert "(VC_IHR_PSRC) > higher_is_better" in at.error[0].value
    assert len(at.metric) == 0


@pytest.mark.usefixtures("fresh_caches")
def test_without_a_store_the_app_explains_how_to_load(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SDG16_DB", str(tmp_path / "missing.duckdb"))
    at = open_home()
    assert not at.exception
    assert "python -m loaders sync" in at.warning[0].value
