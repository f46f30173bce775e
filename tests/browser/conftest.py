"""Browser tests: one app server per store for the session (the bundle store, and a copy with
the incident reports), headless Debian Chromium, network closed. Tests that need a server of
their own say why (a fresh server's first request, their own accounts, an identity provider)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from testkit.browser import CHROMIUM, running_app

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
