"""Seeded synthetic reports for scale tests and demos (source "synthetic", flagged everywhere).

Points scatter around the label points of the bundle's admin-1 areas, weighted towards the big
cities, so maps look plausible; the admin area is the one the point was drawn for.
"""

from __future__ import annotations

from datetime import datetime

import h3
import numpy as np
import pandas as pd

from loaders.base import Provenance
from loaders.incidents import areas
from loaders.incidents.model import H3_RESOLUTIONS, INCIDENT_COLUMNS, IncidentBatch
from sdg16.core.taxonomy import get

SOURCE = "synthetic"
COUNTRIES = ("EGY", "PAK")
START, END = datetime(2015, 1, 1), datetime(2025, 12, 31)
BIG = {"EG-C": 8, "EG-GZ": 5, "EG-ALX": 4, "PK-SD": 8, "PK-PB": 8, "PK-IS": 3, "PK-KP": 3}


def _centres() -> pd.DataFrame:
    rows = []
    for country in COUNTRIES:
        a = areas.admin1(country)
        for feat in a.features:
            p = feat["properties"]
            w = BIG.get(p["iso_3166_2"], 1)
            rows.append((country, p["iso_3166_2"], p["latitude"], p["longitude"], w))
    return pd.DataFrame(rows, columns=["country", "admin1", "lat", "lon", "weight"])


def generate(n: int, seed: int) -> pd.DataFrame:
    """``n`` reports; the same (n, seed) always gives the same rows."""
    rng = np.random.default_rng(seed)
    tax = get()
    centres = _centres()
    pick = rng.choice(len(centres), size=n, p=centres["weight"] / centres["weight"].sum())
    c = centres.iloc[pick].reset_index(drop=True)
    lat = np.round(c["lat"].to_numpy() + rng.normal(0, 0.15, n), 5)
    lon = np.round(c["lon"].to_numpy() + rng.normal(0, 0.15, n), 5)
    span = int((END - START).total_seconds())
    occurred = pd.Timestamp(START) + pd.to_timedelta(rng.integers(0, span, n), unit="s")
    delay = pd.to_timedelta(rng.integers(0, 14 * 86400, n), unit="s")
    type_codes = np.array([t for t in tax.types if t not in ("armed_conflict", "unspecified")])
    places = np.array(list(tax.place_types))
    first = rng.integers(0, len(type_codes), n)
    second = rng.integers(0, len(type_codes), n)
    two = rng.random(n) < 0.3
    types = [
        [type_codes[a], type_codes[b]] if t and a != b else [type_codes[a]]
        for a, b, t in zip(first, second, two, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "source": SOURCE,
            "source_id": [f"S{seed}-{i}" for i in range(n)],
            "occurred_at": occurred.astype("datetime64[us]"),
            "reported_at": (occurred + delay).astype("datetime64[us]"),
            "country": c["country"],
            "admin1": c["admin1"],
            "lat": lat,
            "lon": lon,
            "incident_types": types,
            "place_type": places[rng.integers(0, len(places), n)],
            "reporter_role": np.where(rng.random(n) < 0.7, "target", "witness"),
            "description": "SYNTHETIC report (generated, not real)",
            "verification": "synthetic",
            "synthetic": True,
        }
    )
    for r in H3_RESOLUTIONS:
        cells = [h3.str_to_int(h3.latlng_to_cell(a, b, r)) for a, b in zip(lat, lon, strict=True)]
        frame[f"h3_{r}"] = pd.array(cells, dtype="UInt64")
    return frame.reindex(columns=list(INCIDENT_COLUMNS))


def batch(n: int, seed: int) -> IncidentBatch:
    rows = generate(n, seed)
    return IncidentBatch(
        SOURCE, rows, pd.DataFrame(), [Provenance(f"synthetic:n={n},seed={seed}", n, "")]
    )
