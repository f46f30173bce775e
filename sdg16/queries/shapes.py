"""Borders from the store's ``shape`` table (written by ``loaders/shapes.py``)."""

from __future__ import annotations

import pandas as pd

from sdg16.queries.db import ReadOnlyDatabase


def countries(db: ReadOnlyDatabase) -> pd.DataFrame:
    """geo_id, ne_name, geometry (GeoJSON text); empty when the store has no shapes yet."""
    if not db.has_table("shape"):
        return pd.DataFrame(columns=["geo_id", "ne_name", "geometry"])
    return db.query(
        "SELECT geo_id, name AS ne_name, geometry FROM shape WHERE kind = 'country' ORDER BY geo_id"
    )


def admin1(db: ReadOnlyDatabase, country: str) -> pd.DataFrame:
    """code, name, props (JSON text), geometry (GeoJSON text) of a country's admin-1 areas."""
    if not db.has_table("shape"):
        return pd.DataFrame(columns=["code", "name", "props", "geometry"])
    return db.query(
        "SELECT geo_id AS code, name, props, geometry FROM shape"
        " WHERE kind = 'admin1' AND country = ? ORDER BY geo_id",
        [country],
    )
