"""Shared fixtures: the real bundle loaded once into a throwaway store."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from loaders.bundle import BundleSource
from loaders.store import Store
from sdg16.queries.db import ReadOnlyDatabase
from testkit.paths import ARTIFACTS, BUNDLE, HARASSMAP

# The replica test starts nginx, PostgreSQL and two app servers: only `make replicas-test` runs it.
collect_ignore = [] if os.environ.get("SDG16_REPLICAS_TEST") else ["replicas"]


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
def postgres_server():
    """One PostgreSQL server for the session (Debian's package, loopback, temp dir)."""
    from testkit import postgres

    server = postgres.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def state_target(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty state database on each backend: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "state.sqlite"
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"state_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def state_env(state_target, monkeypatch: pytest.MonkeyPatch):
    """``state_target`` made the app's state through the environment, as a deployment sets it."""
    if isinstance(state_target, Path):
        monkeypatch.delenv("SDG16_STATE_URL", raising=False)
        monkeypatch.setenv("SDG16_STATE_DB", str(state_target))
    else:
        monkeypatch.setenv("SDG16_STATE_URL", state_target)
    return state_target


def state_vars(target) -> dict[str, str]:
    """The environment variable a subprocess needs to use ``target``."""
    if isinstance(target, Path):
        return {"SDG16_STATE_DB": str(target)}
    return {"SDG16_STATE_URL": target}


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
    from testkit.apptest import app_store

    with app_store(incident_store):
        yield incident_store
