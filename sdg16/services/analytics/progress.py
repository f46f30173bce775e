"""Are we on track? The progress measure of Statistics Canada as Open SDG computes it.

The method of open-sdg/sdg-build ``sdg/ProgressMeasure.py`` (``SeriesProgress``, read at commit
139fede74ba534d2ed8b9eee4cd878b41f54cb67) and open-sdg ``docs/progress-methodology.md``:
base year 2015 (or the first later year with data), current year = the latest;
method 1 (no numeric target): the compound annual growth rate signed by the desired direction,
against 1.5 % / 0.5 % / 0 (scaled down near a natural ``limit``);
method 2 (numeric target): observed over required growth, against 0.95 / 0.6 / 0.
Zero base values and zero targets become 0.001, a base and current value of opposite signs cannot
be assessed, negative series flip the sign: as sdg-build does, and every such case is named in
``notes``. Pure: numbers and frames in, frames out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from sdg16.core.policy import BASE_YEAR, TARGET_YEAR

ZERO_STANDIN = 0.001  # sdg-build's replacement for a zero base value or target
THRESHOLDS = {1: (0.015, 0.005, 0.0), 2: (0.95, 0.6, 0.0)}  # high, medium, low per method
LIMIT_EXPONENT = 4.44  # sdg-build's scaling-factor exponent near a natural limit

STATUSES = (
    "target_achieved",
    "substantial_progress",
    "moderate_progress",
    "limited_progress",
    "deterioration",
    "not_available",
)

# Why a value was changed or could not be computed (codes; the UI translates them).
NOTES = (
    "no_data",
    "no_data_since_base_year",
    "one_observation",
    "no_direction",
    "not_assessed",
    "duplicate_years",
    "base_value_zero",
    "target_zero",
    "sign_change",
    "negative_values",
    "target_sign_differs",
    "required_growth_zero",
    "limit_scaled",
)

COLUMNS = [
    "series",
    "geo",
    "base_year",
    "base_value",
    "current_year",
    "current_value",
    "target",
    "target_year",
    "method",
    "progress_value",
    "status",
    "notes",
]


@dataclass(frozen=True)
class Spec:
    """What a series aims for: its direction and, when there is one, a numeric target."""

    higher_is_better: bool | None
    target: float | None = None
    target_year: int = TARGET_YEAR
    base_year: int = BASE_YEAR
    limit: float | None = None
    assess: bool = True  # False for non-statistical series (a status, not a trend)

    @property
    def method(self) -> int:
        return 1 if self.target is None else 2


@dataclass(frozen=True)
class Result:
    base_year: int | None
    base_value: float | None  # as observed (a zero is reported as zero; see notes)
    current_year: int | None
    current_value: float | None
    target: float | None  # as configured (a zero is reported as zero; see notes)
    target_year: int
    method: int
    progress_value: float | None
    status: str
    notes: tuple[str, ...] = field(default_factory=tuple)


def cagr(current: float, base: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate from base to current."""
    return (current / base) ** (1 / (current_year - base_year)) - 1


def status_of(value: float | None, thresholds: Sequence[float], achieved: bool) -> str:
    if achieved:
        return "target_achieved"
    if value is None:
        return "not_available"
    high, med, low = thresholds
    if value >= high:
        return "substantial_progress"
    if value >= med:
        return "moderate_progress"
    if value >= low:
        return "limited_progress"
    return "deterioration"


def limit_coefficient(base: float, limit: float) -> float:
    """sdg-build's factor C in [0, 1] that shrinks method-1 thresholds near a natural limit."""
    base, limit = abs(base), abs(limit)
    if base >= 2 * limit:  # first, so that a zero base and zero limit give 1
        return 1.0
    if base <= limit:
        return 1 - (base / limit) ** LIMIT_EXPONENT
    return 1 - ((2 * limit - base) / limit) ** LIMIT_EXPONENT


def measure(years: Sequence[int], values: Sequence[float], spec: Spec) -> Result:
    """The progress of one series in one place; ``years``/``values`` in any order, NaN ignored."""
    pairs = [(int(y), float(v)) for y, v in zip(years, values, strict=True) if not pd.isna(v)]
    method = spec.method
    target = spec.target
    empty = Result(None, None, None, None, target, spec.target_year, method, None, "not_available")
    if not spec.assess:
        return _with(empty, "not_assessed")
    if not pairs:
        return _with(empty, "no_data")
    if len({y for y, _ in pairs}) < len(pairs):
        return _with(empty, "duplicate_years")
    series = dict(sorted(pairs))
    current_year = max(series)
    current = series[current_year]
    later = [y for y in series if y >= spec.base_year]
    if not later:  # sdg-build fails here (no base value); we say why instead
        return Result(
            None, None, current_year, current, target, spec.target_year, method, None,
            "not_available", ("no_data_since_base_year",),
        )  # fmt: skip
    base_year = min(later)
    base = series[base_year]
    done = Result(base_year, base, current_year, current, target, spec.target_year, method,
                  None, "not_available")  # fmt: skip
    if spec.higher_is_better is None:
        return _with(done, "no_direction")
    return _assess(done, spec)


def _with(result: Result, *notes: str, **changes: object) -> Result:
    fields = {**result.__dict__, **changes, "notes": result.notes + notes}
    return Result(**fields)


def _assess(r: Result, spec: Spec) -> Result:
    notes: list[str] = []
    direction = 1 if spec.higher_is_better else -1
    base, current = float(r.base_value), float(r.current_value)
    target = spec.target
    if target == 0:
        notes.append("target_zero")
        target = ZERO_STANDIN
    sign = -1 if base < 0 else 1  # from the observed base, before a zero is replaced
    if sign < 0:
        notes.append("negative_values")
    thresholds = THRESHOLDS[r.method]
    if r.method == 1 and spec.limit is not None:
        coeff = limit_coefficient(base, spec.limit)
        thresholds = tuple(t * coeff for t in thresholds)
        notes.append("limit_scaled")
    achieved = target is not None and (
        (direction < 0 and current <= target) or (direction > 0 and current >= target)
    )
    value = judged = None
    if base == 0:
        notes.append("base_value_zero")
        base = ZERO_STANDIN
    if (base > 0 > current) or (base < 0 < current):
        notes.append("sign_change")
    elif r.current_year - r.base_year < 1:
        notes.append("one_observation")
    elif r.method == 1:
        value = sign * direction * cagr(current, base, r.current_year, r.base_year)
    elif (target > 0) != (base > 0):  # a fractional power of a negative ratio is not real
        notes.append("target_sign_differs")
    else:
        required = cagr(target, base, spec.target_year, r.base_year)
        observed = sign * direction * cagr(current, base, r.current_year, r.base_year)
        if required == 0:  # the base is the target: sdg-build divides by zero and gets +-inf
            notes.append("required_growth_zero")
            judged = math.copysign(math.inf, observed) if observed else None
        else:
            value = observed / abs(required)
    judged = value if judged is None else judged
    return _with(r, *notes, progress_value=value, status=status_of(judged, thresholds, achieved))


def assess(observations: pd.DataFrame, specs: Mapping[str, Spec]) -> pd.DataFrame:
    """One row per (series, geo) of ``observations`` (columns series, geo, year, value).

    A series missing from ``specs`` is not assessed. Columns: ``COLUMNS``; ``notes`` is a
    ``;``-separated list of ``NOTES`` codes.
    """
    rows = []
    for (series, geo), group in observations.groupby(["series", "geo"], sort=True):
        spec = specs.get(series, Spec(higher_is_better=None, assess=False))
        r = measure(group["year"].tolist(), group["value"].tolist(), spec)
        row = {"series": series, "geo": geo, **r.__dict__}
        row["notes"] = ";".join(r.notes)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"base_year": "Int64", "current_year": "Int64", "target_year": "Int64"})
