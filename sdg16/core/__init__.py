"""The bottom layer: settings, schema constants, policies and pure models everyone shares.

Imports nothing of the project (``.importlinter``), so loaders, queries, services and the UI
can all depend on it without depending on each other.
"""
