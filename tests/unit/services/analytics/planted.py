"""Seeded planted truth: counts on a uniform background with known hotspots and spikes."""

from __future__ import annotations

import h3
import numpy as np
import pandas as pd

CENTRE = h3.latlng_to_cell(30.05, 31.25, 7)  # Cairo, resolution 7
RADIUS = 15  # rings of cells around CENTRE: 721 cells


def grid() -> list[str]:
    return sorted(h3.grid_disk(CENTRE, RADIUS))


def hot_centres() -> list[str]:
    """Three cells 7 rings out from the centre, in different directions (far apart)."""
    ring = sorted(h3.grid_ring(CENTRE, 7))
    return [ring[0], ring[len(ring) // 3], ring[2 * len(ring) // 3]]


def cold_centre() -> str:
    return CENTRE


def planted_cells(
    seed: int, background: float = 6.0, lift: float = 4.0, plant: bool = True
) -> pd.DataFrame:
    """cell, area, reports: Poisson(background) per cell; hot centres and their first ring at
    ``lift`` times the rate, the cold centre and its first ring empty."""
    rng = np.random.default_rng(seed)
    cells = grid()
    rate = pd.Series(background, index=cells)
    if plant:
        for c in hot_centres():
            rate[list(h3.grid_disk(c, 1))] = background * lift
        rate[list(h3.grid_disk(cold_centre(), 1))] = 0.0
    counts = rng.poisson(rate.to_numpy())
    return pd.DataFrame({"cell": cells, "area": "EG-C", "reports": counts})


def near_planted(ring: int = 2) -> set[str]:
    """Cells within ``ring`` of a planted centre: their Gi* sums include planted cells."""
    out: set[str] = set()
    for c in [*hot_centres(), cold_centre()]:
        out |= set(h3.grid_disk(c, ring))
    return out


MONTHS = pd.date_range("2015-01-01", periods=72, freq="MS")
SPIKES = {MONTHS[30]: 2.2, MONTHS[45]: 2.2, MONTHS[60]: 2.2}
DROPS = {MONTHS[52]: 0.25}
JUDGE_FROM = MONTHS[24]


def planted_months(
    seed: int,
    level: float = 40.0,
    season: float = 0.0,
    dispersion: float = 1.0,
    annual_growth: float = 0.0,
    plant: bool = True,
) -> pd.Series:
    """Reports per month: ``level`` times a seasonal wave (amplitude ``season``) and growth,
    negative binomial with variance ``dispersion`` times the mean (Poisson at 1); planted
    SPIKES and DROPS multiply the rate."""
    rng = np.random.default_rng(seed)
    t = np.arange(len(MONTHS))
    rate = level * (1 + season * np.sin(2 * np.pi * t / 12)) * (1 + annual_growth) ** (t / 12)
    if plant:
        for month, factor in {**SPIKES, **DROPS}.items():
            rate[MONTHS.get_loc(month)] *= factor
    if dispersion > 1:
        size = rate / (dispersion - 1)
        counts = rng.negative_binomial(size, size / (size + rate))
    else:
        counts = rng.poisson(rate)
    return pd.Series(counts.astype(float), index=MONTHS)


STORE_CENTRE = h3.latlng_to_cell(30.05, 31.24, 7)  # central Cairo
STORE_HOT = sorted(h3.grid_ring(STORE_CENTRE, 3))[4]
STORE_MONTHS = pd.date_range("2015-01-01", periods=60, freq="MS")
STORE_SPIKES = (STORE_MONTHS[36], STORE_MONTHS[50])


def planted_reports(seed: int = 11) -> pd.DataFrame:
    """SYNTHETIC reports in Cairo for a store: H3 r7 cells within 6 rings of STORE_CENTRE,
    Poisson(60) a month (2.2 times that in STORE_SPIKES), STORE_HOT and its ring 4 times as
    likely to be chosen as any other cell. Columns as the loader's model."""
    from loaders.incidents.model import H3_RESOLUTIONS, INCIDENT_COLUMNS

    rng = np.random.default_rng(seed)
    cells = sorted(h3.grid_disk(STORE_CENTRE, 6))
    weight = np.array([4.0 if c in h3.grid_disk(STORE_HOT, 1) else 1.0 for c in cells])
    rows = []
    for month in STORE_MONTHS:
        n = rng.poisson(60 * (2.2 if month in STORE_SPIKES else 1.0))
        picks = rng.choice(len(cells), size=n, p=weight / weight.sum())
        days = rng.integers(0, month.days_in_month * 86400, n)
        for cell, second in zip(picks, days, strict=True):
            rows.append((cells[cell], month + pd.Timedelta(seconds=int(second))))
    lat, lon = zip(*(h3.cell_to_latlng(c) for c, _ in rows), strict=True)
    n = len(rows)
    frame = pd.DataFrame(
        {
            "source": "synthetic",
            "source_id": [f"planted-{seed}-{i}" for i in range(n)],
            "occurred_at": pd.to_datetime([t for _, t in rows]).astype("datetime64[us]"),
            "country": "EGY",
            "admin1": "EG-C",
            "lat": np.round(lat, 5),
            "lon": np.round(lon, 5),
            "incident_types": [["touching"] if i % 2 else ["comments"] for i in range(n)],
            "place_type": "street",
            "description": "SYNTHETIC planted report",
            "verification": "synthetic",
            "synthetic": True,
        }
    )
    frame["reported_at"] = frame["occurred_at"]
    for r in H3_RESOLUTIONS:
        ids = [h3.str_to_int(h3.latlng_to_cell(a, b, r)) for a, b in zip(lat, lon, strict=True)]
        frame[f"h3_{r}"] = pd.array(ids, dtype="UInt64")
    return frame.reindex(columns=list(INCIDENT_COLUMNS))
