"""Operational state the app writes at run time (SQLite, never the DuckDB store): users, roles,
login attempts, the append-only audit log, saved presentations."""
