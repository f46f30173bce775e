"""Stores for the benchmark, made through the loader exactly as a sync makes them.

Each size is the real bundle (indicators, HarassMap's 1,534 reports) plus N seeded synthetic
reports (``loaders.incidents.synthetic``: source "synthetic", flagged on every page), imported
with ``Store.apply_incidents``. Stores are reused across runs; what making them cost (the sync
cost at that size) is kept beside each file so a reused store still reports it.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

SEED = 16


@dataclass(frozen=True)
class BenchStore:
    rows: int  # synthetic reports
    path: Path
    generate_s: float
    import_s: float  # copy, insert, aggregate, checkpoint, swap

    @property
    def file_mb(self) -> float:
        return self.path.stat().st_size / 2**20


def indicator_store(work: Path) -> Path:
    """The real bundle and the HarassMap reports, loaded fresh into the work folder."""
    from loaders.bundle import BundleSource
    from loaders.incidents import read
    from loaders.store import Store
    from sdg16.core import settings

    path = work / "bundle.duckdb"
    if not path.exists():
        tmp = work / "bundle.tmp.duckdb"
        tmp.unlink(missing_ok=True)
        Store(tmp).apply(BundleSource(settings.bundle_dir()).fetch())
        harassmap = settings.bundle_dir() / "incidents" / "harassmap_egypt_reports_2010-2016.csv"
        Store(tmp).apply_incidents(read(harassmap, "harassmap"))
        tmp.rename(path)
    return path


def incident_store(rows: int, work: Path, seed: int = SEED) -> BenchStore:
    """The bundle store plus ``rows`` synthetic reports (same rows for the same seed)."""
    from loaders.incidents import synthetic
    from loaders.store import Store

    path = work / f"reports-{rows}-{seed}.duckdb"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        cost = json.loads(meta.read_text())
        return BenchStore(rows, path, cost["generate_s"], cost["import_s"])
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    shutil.copyfile(indicator_store(work), tmp)
    started = time.perf_counter()
    batch = synthetic.batch(rows, seed)
    generated = time.perf_counter()
    Store(tmp).apply_incidents(batch)
    done = time.perf_counter()
    del batch
    tmp.rename(path)
    cost = {"generate_s": generated - started, "import_s": done - generated}
    meta.write_text(json.dumps(cost))
    return BenchStore(rows, path, cost["generate_s"], cost["import_s"])
