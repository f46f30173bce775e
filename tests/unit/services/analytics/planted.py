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
