"""Shared fixtures: the real bundle loaded once into a throwaway store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from loaders.bundle import BundleSource
from loaders.store import Store
from sdg16.queries.db import ReadOnlyDatabase
from testkit.paths import ARTIFACTS, BUNDLE, HARASSMAP


def pytest_configure(config: pytest.Config) -> None:
    if not (BUNDLE / "indicators").is_dir():
        raise pytest.UsageError(f"the data bundle is missing at {BUNDLE} (set SDG16_BUNDLE)")


# autouse: the app's start-up check needs a store, so every AppTest does too.
@pytest.fixture(scope="session", autouse=True)
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the real bundle; also exported as SDG16_DB for the app and the CLI."""
    path = tmp_path_factory.mktemp("store") / "sdg16.duckdb"
    Store(path).apply(BundleSource(BUNDLE).fetch())
    os.environ["SDG16_DB"] = str(path)
    # Downloads are audited on click: never write a test's entries into the real state DB.
    os.environ.setdefault("SDG16_STATE_DB", str(path.with_name("app_state.sqlite")))
    return path


@pytest.fixture(scope="session")
def db(store_path: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(store_path)


@pytest.fixture
def bundle_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundle's indicator files, for tests that break one of them."""
    target = tmp_path / "bundle"
    shutil.copytree(BUNDLE / "indicators", target / "indicators")
    return target


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def incident_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundle store with the HarassMap reports imported (the shared one is left
    as the bundle made it, for the tests that check its load log)."""
    from loaders.incidents import read

    path = tmp_path_factory.mktemp("incidents") / "sdg16.duckdb"
    shutil.copyfile(store_path, path)
    Store(path).apply_incidents(read(HARASSMAP, "harassmap"))
    return path


@pytest.fixture
def incident_app(incident_store: Path):
    """Point the app (and its caches) at the incident store for one AppTest, then back."""
    import streamlit as st

    before = os.environ.get("SDG16_DB")
    os.environ["SDG16_DB"] = str(incident_store)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield incident_store
    if before is not None:
        os.environ["SDG16_DB"] = before
    st.cache_resource.clear()
    st.cache_data.clear()
