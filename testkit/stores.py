"""Test stores built once: the bundle is parsed once per process, the loaded store is built
once per test session and copied where a test needs one of its own (a copy is a file copy, a
load is a parse and a DuckDB write)."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

from loaders.base import Batch
from loaders.bundle import BundleSource
from loaders.store import Store
from testkit.paths import BUNDLE, HARASSMAP


@functools.cache
def bundle_batch() -> Batch:
    """The bundle as one batch, parsed once per process. ``Store.apply`` only reads it."""
    return BundleSource(BUNDLE).fetch()


def bundle_store(path: Path) -> Path:
    """A new store at ``path`` holding the bundle (one load, as ``make data`` makes it)."""
    Store(path).apply(bundle_batch())
    return path


def copy_of(store: Path, path: Path) -> Path:
    """A private copy of ``store`` for a test that writes to it."""
    shutil.copyfile(store, path)
    return path


def with_incidents(store: Path, path: Path) -> Path:
    """A copy of ``store`` with the HarassMap reports imported."""
    from loaders.incidents import read

    Store(copy_of(store, path)).apply_incidents(read(HARASSMAP, "harassmap"))
    return path
