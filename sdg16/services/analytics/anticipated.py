"""ESCAP's Anticipated Progress Index: where the trend leads by 2030, against the target.

Sources: UN ESCAP, "Progress Assessment Methodology" (technical notes of the Asia-Pacific SDG
Progress Report, data.unescap.org/resource-guides/progress-assessment-methodology) and the UNECE
SDG report's technical notes (w3.unece.org/sdg2023/technical-notes.html): the 2030 value is
predicted by a time-weighted linear regression on the data since 2000, recent years weighing
more; the index relates the anticipated change from 2015 to 2030 to the change the target needs.
ESCAP's own weight formula (Bidarbakht Nia 2017, SD/WP/04) was not available to us offline: the
weights here grow linearly with the year (``weights``), and that choice is ours.
Only series with a numeric target get an index (ESCAP sets regional targets for the others,
which a country-by-country view cannot do).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sdg16.core.policy import BASE_YEAR, TARGET_YEAR

FIRST_YEAR = 2000

API_STATUSES = ("target_achieved", "on_track", "needs_acceleration", "regressing", "not_available")


@dataclass(frozen=True)
class Anticipated:
    base_year: int | None
    base_value: float | None
    predicted: float | None  # the regression's value in the target year
    index: float | None  # anticipated change / required change (1 = the target is reached)
    points: int  # observations the regression used
    status: str
    note: str = ""


def weights(years: np.ndarray) -> np.ndarray:
    """More weight to recent years: 1 for the first year of data, rising by 1 a year."""
    return years - years.min() + 1.0


def predict(years: Sequence[int], values: Sequence[float], year: int) -> float:
    """Weighted least-squares line through (years, values), evaluated at ``year``."""
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    slope, intercept = np.polyfit(x, y, 1, w=np.sqrt(weights(x)))  # polyfit squares w
    return float(slope * year + intercept)


def anticipated(
    years: Sequence[int],
    values: Sequence[float],
    target: float | None,
    higher_is_better: bool | None,
    target_year: int = TARGET_YEAR,
) -> Anticipated:
    pairs = sorted((int(y), float(v)) for y, v in zip(years, values, strict=True) if pd.notna(v))
    used = [(y, v) for y, v in pairs if y >= FIRST_YEAR]
    n = len(used)
    since = [(y, v) for y, v in used if y >= BASE_YEAR]
    base_year, base = since[0] if since else (None, None)

    def na(note: str) -> Anticipated:
        return Anticipated(base_year, base, None, None, n, "not_available", note)

    if target is None:
        return na("no_numeric_target")
    if higher_is_better is None:
        return na("no_direction")
    if len({y for y, _ in used}) < 2:
        return na("one_observation")
    if base is None:
        return na("no_data_since_base_year")
    current = used[-1][1]
    met = current >= target if higher_is_better else current <= target
    predicted = predict([y for y, _ in used], [v for _, v in used], target_year)
    if met:
        return Anticipated(base_year, base, predicted, None, n, "target_achieved")
    if target == base:
        return Anticipated(base_year, base, predicted, None, n, "not_available", "base_is_target")
    index = (predicted - base) / (target - base)
    status = "on_track" if index >= 1 else "needs_acceleration" if index >= 0 else "regressing"
    return Anticipated(base_year, base, predicted, index, n, status)
