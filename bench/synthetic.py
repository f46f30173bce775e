"""Seeded synthetic incident reports: the harness's own stand-in until the incidents branch lands.

Writes ``report`` (id, country, admin1, occurred_at, incident_type, place_type, lat, lon, h3_r3,
h3_r4, h3_r5, h3_r7) into a DuckDB file and the same rows to Parquet. Places, types and admin
areas are made-up codes around rough country centres: nothing here comes from the data bundle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import h3.api.basic_int as h3
import numpy as np
import pandas as pd

# Rough centres (lat, lon) and a spread in degrees; weights skew reports the way real ones are.
COUNTRIES = {
    "EGY": (28.0, 30.5, 2.5),
    "MEX": (22.0, -101.0, 4.0),
    "COL": (4.5, -74.0, 2.5),
    "KEN": (0.2, 37.5, 2.0),
    "PAK": (29.5, 70.0, 3.0),
    "PHL": (12.5, 122.5, 2.5),
    "GTM": (15.5, -90.3, 1.0),
    "NGA": (9.0, 8.0, 3.0),
    "IND": (22.0, 79.0, 5.0),
    "CAF": (6.6, 20.9, 2.0),
}
WEIGHTS = np.array([30, 18, 12, 9, 8, 7, 5, 5, 4, 2], dtype=float)
INCIDENT_TYPES = ("verbal", "staring", "touching", "following", "stalking", "indecent", "assault")
PLACE_TYPES = ("street", "transport", "market", "workplace", "school", "online", "other")
ADMIN1_PER_COUNTRY = 24
START = np.datetime64("2015-01-01T00:00:00", "s")
SPAN_S = 10 * 365 * 86400
CHUNK = 1_000_000


@dataclass(frozen=True)
class SyntheticStore:
    rows: int
    duckdb_path: Path
    parquet_path: Path


def _cells(lat: np.ndarray, lon: np.ndarray, res: int) -> np.ndarray:
    return np.fromiter(
        (h3.latlng_to_cell(a, b, res) for a, b in zip(lat, lon, strict=True)), np.int64
    )


def _chunk(rng: np.random.Generator, first_id: int, n: int) -> pd.DataFrame:
    codes = list(COUNTRIES)
    country = rng.choice(len(codes), size=n, p=WEIGHTS / WEIGHTS.sum())
    centre = np.array([COUNTRIES[c] for c in codes])[country]
    lat = np.clip(centre[:, 0] + rng.normal(0, 1, n) * centre[:, 2], -85, 85)
    lon = centre[:, 1] + rng.normal(0, 1, n) * centre[:, 2]
    admin = rng.integers(0, ADMIN1_PER_COUNTRY, n)
    admin_labels = [f"{c}-{i:02d}" for c in codes for i in range(ADMIN1_PER_COUNTRY)]
    # Types skewed too (verbal most common), so filters select different shares.
    type_p = np.array([30, 20, 15, 12, 10, 8, 5], dtype=float)
    return pd.DataFrame(
        {
            "id": np.arange(first_id, first_id + n, dtype=np.int64),
            "country": pd.Categorical.from_codes(country, codes),
            "admin1": pd.Categorical.from_codes(country * ADMIN1_PER_COUNTRY + admin, admin_labels),
            "occurred_at": START + rng.integers(0, SPAN_S, n).astype("timedelta64[s]"),
            "incident_type": pd.Categorical.from_codes(
                rng.choice(len(INCIDENT_TYPES), n, p=type_p / type_p.sum()), INCIDENT_TYPES
            ),
            "place_type": pd.Categorical.from_codes(
                rng.integers(0, len(PLACE_TYPES), n), PLACE_TYPES
            ),
            "lat": lat.round(5),
            "lon": lon.round(5),
            "h3_r3": _cells(lat, lon, 3),
            "h3_r4": _cells(lat, lon, 4),
            "h3_r5": _cells(lat, lon, 5),
            "h3_r7": _cells(lat, lon, 7),
        }
    )


def write(rows: int, folder: Path, seed: int = 16) -> SyntheticStore:
    """Write ``rows`` reports (same seed, same rows) to ``folder``; reuse them if already there."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / f"reports-{rows}-{seed}.duckdb"
    pq_path = db_path.with_suffix(".parquet")
    if db_path.exists() and pq_path.exists():
        return SyntheticStore(rows, db_path, pq_path)
    tmp = db_path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    rng = np.random.default_rng(seed)
    con = duckdb.connect(str(tmp))
    try:
        for first in range(0, rows, CHUNK):
            part = _chunk(rng, first + 1, min(CHUNK, rows - first))
            con.register("part", part)
            # Categoricals arrive as ENUMs; store plain VARCHAR like the real schema will.
            select = (
                "SELECT id, country::VARCHAR AS country, admin1::VARCHAR AS admin1, occurred_at,"
                " incident_type::VARCHAR AS incident_type, place_type::VARCHAR AS place_type,"
                " lat, lon, h3_r3, h3_r4, h3_r5, h3_r7 FROM part"
            )
            if first == 0:
                con.execute(f"CREATE TABLE report AS {select}")
            else:
                con.execute(f"INSERT INTO report {select}")
            con.unregister("part")
        con.execute("COPY report TO ? (FORMAT parquet)", [str(pq_path)])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    tmp.rename(db_path)
    return SyntheticStore(rows, db_path, pq_path)
