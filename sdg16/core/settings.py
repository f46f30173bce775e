"""Where things live. Every path can be overridden by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project root (sdg16/core/ is two below)


def db_path() -> Path:
    """The DuckDB store (``SDG16_DB``, default ``data/sdg16.duckdb``)."""
    return Path(os.environ.get("SDG16_DB") or ROOT / "data" / "sdg16.duckdb")


def bundle_dir() -> Path:
    """The read-only data bundle (``SDG16_BUNDLE``, default ``../shared/data``)."""
    return Path(os.environ.get("SDG16_BUNDLE") or ROOT.parent / "shared" / "data")


def catalog_path() -> Path:
    """The indicator catalog (``SDG16_CATALOG``, default ``indicators.yaml``)."""
    return Path(os.environ.get("SDG16_CATALOG") or ROOT / "indicators.yaml")


def http_timeout() -> float:
    """Seconds before an API request gives up (``SDG16_HTTP_TIMEOUT``)."""
    return float(os.environ.get("SDG16_HTTP_TIMEOUT", "20"))


def state_db_path() -> Path:
    """Operational state the app writes (users, logins, audit log): ``SDG16_STATE_DB``."""
    return Path(os.environ.get("SDG16_STATE_DB") or ROOT / "data" / "app_state.sqlite")


def state_url() -> str | None:
    """A ``postgresql://`` URL for shared state when several processes serve the app
    (``SDG16_STATE_URL``); unset, the state stays in the SQLite file above."""
    return os.environ.get("SDG16_STATE_URL") or None


def reader_memory_limit() -> str:
    """DuckDB memory for the app's reads (``SDG16_DUCKDB_MEMORY``, default 400MB). DuckDB caches
    what it reads up to its limit, 80% of RAM by default: a bound keeps each replica's memory
    predictable beside the others on one host."""
    return os.environ.get("SDG16_DUCKDB_MEMORY") or "400MB"
