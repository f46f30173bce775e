"""A store holding only planted SYNTHETIC reports (tests/unit/services/analytics/planted.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from loaders.base import Provenance
from loaders.incidents.model import IncidentBatch
from loaders.store import Store
from tests.unit.services.analytics import planted


@pytest.fixture(scope="session")
def planted_store(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("planted") / "sdg16.duckdb"
    shutil.copyfile(store_path, path)
    rows = planted.planted_reports()
    batch = IncidentBatch("synthetic", rows, pd.DataFrame(), [Provenance("planted", len(rows), "")])
    Store(path).apply_incidents(batch)
    return path
