"""Browser tests: one app server per store for the session (the bundle store, and a copy with
the incident reports), headless Debian Chromium, network closed. Tests that need a server of
their own say why (a fresh server's first request, their own accounts, an identity provider)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sdg16.state import accounts
from sdg16.state.roles import Role
from testkit.auth import PASSWORDS
from testkit.browser import CHROMIUM, running_app, shared_chromium

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Collection hooks see every test in the session: mark only the ones in this folder.
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url(store_path: Path):
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run)")
    with running_app({"SDG16_DB": str(store_path)}) as url:
        yield url


@pytest.fixture(scope="session")
def incident_url(incident_store: Path):
    """The app on the store with the HarassMap reports imported."""
    with running_app({"SDG16_DB": str(incident_store)}) as url:
        yield url


@pytest.fixture(scope="session", autouse=True)
def chromium():
    """One Chromium for the session (a launch costs seconds; a new context per test does not)."""
    with shared_chromium():
        yield


@pytest.fixture(scope="module")
def analyst_app(store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A server of the module's own whose state DB holds one analyst, ``ana``: the module's
    tests read that DB's audit log, which nothing else writes to. Yields (url, state DB)."""
    state = tmp_path_factory.mktemp("state") / "app_state.sqlite"
    accounts.add_user("ana", Role.ANALYST, PASSWORDS["ana"], path=state)
    with running_app({"SDG16_DB": str(store_path), "SDG16_STATE_DB": str(state)}) as url:
        yield url, state
