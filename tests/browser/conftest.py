"""Browser tests: one app server for the module, headless Debian Chromium, network closed."""

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
