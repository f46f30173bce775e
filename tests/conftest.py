"""Shared fixtures: the real bundle loaded once into a throwaway store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from loaders.bundle import BundleSource
from loaders.store import Store
from sdg16 import settings
from sdg16.db import ReadOnlyDatabase

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = settings.bundle_dir()
FIXTURES = BUNDLE.parent / "fixtures"
ARTIFACTS = ROOT / "artifacts"


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


def open_app(page: str | None = None, **params: str):
    """Run ``views/<page>.py`` through app.py's navigation in AppTest, with URL ``params``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"views/{page}.py")
    return at.run()
