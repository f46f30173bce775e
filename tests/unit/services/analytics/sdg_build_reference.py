"""sdg-build's progress measure, transcribed step by step for the tests to compare against.

Transcribed from open-sdg/sdg-build ``sdg/ProgressMeasure.py`` at commit
139fede74ba534d2ed8b9eee4cd878b41f54cb67 (class ``SeriesProgress``: ``__init__``,
``calculate_progress_value``, ``methodology_1``/``_2``, ``is_target_achieved``,
``get_progress_thresholds``; functions ``growth_calculation``, ``get_progress_status``), keeping
its order of steps and its failures: where sdg-build raises (no value in or after the base year,
this raises too; a required growth of zero gives +-inf (numpy years) and a negative ratio a
complex number, as in sdg-build). Logging, caching, the score and the column filtering
of Open SDG's data format are left out: the input is already one headline series.
"""

from __future__ import annotations

import pandas as pd


def growth(val1: float, val2: float, t1: float, t2: float) -> float:
    return ((val1 / val2) ** (1 / (t1 - t2))) - 1


def thresholds(method: int, base_value: float, limit: float | None, direction: int) -> dict:
    if method == 2:
        return {"high": 0.95, "med": 0.6, "low": 0}
    out = {"high": 0.015, "med": 0.005, "low": 0}
    if limit is not None:
        b, lim = abs(base_value), abs(limit)
        if b >= 2 * lim:
            coeff = 1
        elif b <= lim:
            coeff = 1 - (b / lim) ** 4.44
        else:
            coeff = 1 - ((2 * lim - b) / lim) ** 4.44
        out = {k: v * coeff for k, v in out.items()}
    return out


def status(value: float | None, th: dict, achieved: bool) -> str:
    if achieved:
        return "target_achieved"
    if value is not None:
        if value >= th["high"]:
            return "substantial_progress"
        if th["med"] <= value < th["high"]:
            return "moderate_progress"
        if th["low"] <= value < th["med"]:
            return "limited_progress"
        if value < th["low"]:
            return "deterioration"
    return "not_available"


def series_progress(years: list[int], values: list[float], config: dict) -> tuple:
    """(progress_value, status) as SeriesProgress computes them for ``config``."""
    base_year = config.get("base_year", 2015)
    target = config.get("target")
    if target == 0:
        target = 0.001
    target_year = config.get("target_year", 2030)
    direction = 1 if config.get("direction") == "positive" else -1
    limit = config.get("limit")
    method = 1 if target is None else 2

    data = pd.DataFrame({"Year": years, "Value": values})
    data = data[data["Value"].notna()]
    data["Value"] = data["Value"].astype("float")
    if not data.loc[data["Year"].duplicated(False)].empty:
        raise ValueError("duplicate value for a year")
    if data.shape[0] < 1:
        return None, "not_available"

    current_year = data["Year"].max()
    current_value = data.Value[data.Year == current_year].item()
    if base_year not in data["Year"].values:
        base_year = data["Year"][data["Year"] > base_year].min()
    base_value = data.Value[data.Year == base_year].item()  # raises when no such year
    sign = -1 if base_value < 0 else 1
    th = thresholds(method, base_value, limit, direction)
    achieved = target is not None and (
        (direction == -1 and current_value <= target)
        or (direction == 1 and current_value >= target)
    )

    value = None
    if base_value == 0:
        base_value = 0.001
    if (base_value > 0 and current_value < 0) or (base_value < 0 and current_value > 0):  # noqa: SIM114 (two checks, as in sdg-build)
        value = None
    elif base_year > current_year or current_year - base_year < 1:
        value = None
    elif method == 1:
        value = sign * direction * growth(current_value, base_value, current_year, base_year)
    else:
        observed = growth(current_value, base_value, current_year, base_year)
        required = growth(target, base_value, target_year, base_year)
        value = sign * direction * observed / abs(required)  # +-inf, or complex / modulus
    return value, status(value, th, achieved)
