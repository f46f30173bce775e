"""The app's run-time state (never the DuckDB store, which is read-only to the app and replaced
atomically by loads): SQLite by default, PostgreSQL with ``SDG16_STATE_URL``. See
``sdg16.state.backend``; the schema is in ``sdg16/state/migrations/``."""

from __future__ import annotations

from sdg16.state.backend import Connection, IntegrityError, Target, connect, origin

__all__ = ["Connection", "IntegrityError", "Target", "connect", "origin"]
