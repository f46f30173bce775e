"""The replica test (``make replicas-test``): nginx + 2 replicas + PostgreSQL on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sdg16.core.browser import CHROMIUM, CHROMIUM_ARGS
from testkit import cluster as lb
from testkit.cluster import ROOT


@pytest.fixture(scope="module")
def cluster(store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the session store (the test syncs into it), served by the cluster."""
    store = tmp_path_factory.mktemp("lb-store") / "sdg16.duckdb"
    shutil.copyfile(store_path, store)
    running = lb.start(store)
    yield running
    # nginx's and the replicas' logs outlive the run, for whoever reads a failure.
    out = ROOT / "artifacts" / "replicas-logs"
    out.mkdir(parents=True, exist_ok=True)
    for name in ("access.log", "error.log", "r1.log", "r2.log"):
        if (running.run / name).exists():
            shutil.copyfile(running.run / name, out / name)
    running.stop()


@pytest.fixture(scope="module")
def chromium():
    """One browser; each session gets its own context (own cookies), as separate people do."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
