"""Run-time state the app writes: users, sessions, login attempts, audit log, presentations.

SQLite by default (one file, a laptop or one process); PostgreSQL when ``SDG16_STATE_URL`` is a
``postgresql://`` URL, so several replicas share one state. ``backend.connect`` hides which.
"""
