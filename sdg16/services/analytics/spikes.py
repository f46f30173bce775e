"""Spikes and trends in monthly report counts (pure: series in, frames out).

Expected range, month by month: a quasi-Poisson GLM (statsmodels) fitted to the HISTORY
calendar months before the month: a log-linear trend plus one annual harmonic (month-of-year
seasonality as a sine and cosine), dispersion from the Pearson chi-square (at least 1). The
expected count is the fit's prediction for the month; its 95 % range the 2.5 and 97.5 %
quantiles of a negative binomial with that mean and variance phi*mu + mu^2*var(eta), the extra
spread of crowd reports plus the fit's own uncertainty (Poisson when not over-dispersed).
The trend is kept only where significant and not predicting above the baseline's largest
count (Farrington's guard). A month above the range is "high", below it "low". Within each
baseline, months far above the fit are down-weighted and the model refitted (Farrington et al.
1996), so one spike does not inflate the range that should catch the next. The fits run
batched (``glm``).

Why this method: monthly crowd-sourced counts are small, seasonal and over-dispersed, and the
record is short (HarassMap: 2010-2016). A GLM on the recent past follows trend and season; a
harmonic needs 2 parameters where 11 month dummies would overfit 36 months; quasi-Poisson
absorbs the extra variation; negative-binomial bounds are whole numbers a reader can check
against a bar. Mean +/- 3 sd control limits assume symmetric counts and no season; Farrington
proper compares the same weeks of several past years, which this record does not have.

Trend over a period: quasi-Poisson regression of its monthly counts on time (with the harmonic
once there are 24 months): the annual change exp(beta) - 1 with its 95 % confidence interval.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import nbinom, norm, poisson

from sdg16.services.analytics import glm

HISTORY = 36  # months of baseline before the judged month
MIN_HISTORY = 24  # fewer usable months than this: no expectation
MIN_BASELINE_REPORTS = 30  # about one a month: fewer in the baseline is too few to judge
LEVEL = 0.95
TREND_MIN_MONTHS, TREND_MIN_REPORTS = 12, 20
CAP = 1.5  # a trend predicting over 1.5 times the baseline's largest month is dropped
COLUMNS = ["month", "reports", "expected", "low", "high", "flag"]


def _design(offset: np.ndarray, month_of_year: np.ndarray, seasonal: bool) -> np.ndarray:
    """Intercept, years from the reference month, and the annual harmonic."""
    cols = [np.ones(len(offset)), offset / 12.0]
    if seasonal:
        angle = 2 * np.pi * (month_of_year - 1) / 12
        cols += [np.sin(angle), np.cos(angle)]
    return np.column_stack(cols)


def _fit(y: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, float] | None:
    """(coefficients, their covariance, dispersion) of one quasi-Poisson fit, or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence is checked below
        try:
            res = sm.GLM(y, x, family=sm.families.Poisson()).fit(scale="X2")
        except (ValueError, np.linalg.LinAlgError):
            return None
    if not res.converged or not np.all(np.isfinite(res.params)):
        return None
    phi = max(1.0, float(res.scale))
    return res.params, phi * res.normalized_cov_params, phi


def bounds(mu: np.ndarray, variance: np.ndarray, level: float = LEVEL):
    """Central ``level`` range of counts with mean ``mu`` and ``variance``: negative binomial,
    or Poisson where the variance is not above the mean. Returns (low, high) arrays."""
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    mu, variance = np.asarray(mu, dtype=float), np.asarray(variance, dtype=float)
    over = variance > mu * (1 + 1e-9)
    size = np.where(over, mu * mu / np.where(over, variance - mu, 1.0), 1.0)
    p = size / (size + mu)
    low = np.where(over, nbinom.ppf(lo_q, size, p), poisson.ppf(lo_q, mu))
    high = np.where(over, nbinom.ppf(hi_q, size, p), poisson.ppf(hi_q, mu))
    return low, high


def monthly(frame: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> pd.Series:
    """Reports per month (frame: month, reports) over every month from first to last, zeros
    where a month has no row."""
    index = pd.date_range(first, last, freq="MS")
    sums = frame.groupby(pd.to_datetime(frame["month"]))["reports"].sum()
    return sums.reindex(index, fill_value=0).astype(float)


def _guarded(y: np.ndarray, x: np.ndarray, w: np.ndarray, x_new: np.ndarray):
    """(mean, variance) with Farrington's guard on the trend: it is kept only where it is
    significant (|z| >= 1.96) and its prediction does not exceed the baseline's largest count;
    otherwise the model without trend answers (an exponential trend fitted across a launch
    or a lull would otherwise predict absurd counts)."""
    mu_t, var_t, _ = glm.predict(y, x, w, x_new)
    flat = [0, 2, 3]
    mu_0, var_0, _ = glm.predict(y, x[..., flat], w, x_new[:, flat])
    keep = (mu_t <= CAP * y.max(axis=1)) & np.isfinite(mu_t)
    return np.where(keep, mu_t, mu_0), np.where(keep, var_t, var_0)


def expected_ranges(series: pd.Series, judge_from: pd.Timestamp) -> pd.DataFrame:
    """COLUMNS for each month of ``series`` (reports per month, every month present) from
    ``judge_from`` on. Months with too little history get no range and flag 'none'."""
    wide = series.to_frame("series")
    return expected_ranges_many(wide, judge_from).drop(columns="area")


def expected_ranges_many(wide: pd.DataFrame, judge_from: pd.Timestamp) -> pd.DataFrame:
    """``area`` + COLUMNS for every column of ``wide`` (reports per month, one column per
    area, every month a row), all fitted in one batch."""
    months = pd.DatetimeIndex(wide.index)
    judged = np.flatnonzero(months >= judge_from)
    y = wide.to_numpy(dtype=float).T  # (areas, months)
    areas = np.repeat(wide.columns.to_numpy(), len(judged))
    out = pd.DataFrame(
        {
            "area": areas,
            "month": np.tile(months[judged], len(wide.columns)),
            "reports": y[:, judged].reshape(-1).astype(int),
        }
    ).assign(expected=np.nan, low=np.nan, high=np.nan, flag="none")
    # One baseline window per area and judged month: the HISTORY months before it, padded at
    # the start of the series with weight 0.
    lag = np.arange(-HISTORY, 0)
    pos = judged[:, None] + lag[None, :]  # (judged, HISTORY)
    present = np.broadcast_to(pos >= 0, (len(wide.columns), *pos.shape)).reshape(-1, HISTORY)
    counts = np.where(pos >= 0, y[:, np.clip(pos, 0, None)], 0.0).reshape(-1, HISTORY)
    ok = (present.sum(axis=1) >= MIN_HISTORY) & (counts.sum(axis=1) >= MIN_BASELINE_REPORTS)
    if not ok.any():
        return out
    moy = months.month.to_numpy()
    season = np.tile(moy[np.clip(pos, 0, None)], (len(wide.columns), 1))[ok]
    angle = 2 * np.pi * (season - 1) / 12
    x = np.stack(
        [np.ones_like(angle), np.broadcast_to(lag / 12.0, angle.shape), np.sin(angle),
         np.cos(angle)],
        axis=-1,
    )  # fmt: skip
    x_new = _design(np.zeros(ok.sum()), np.tile(moy[judged], len(wide.columns))[ok], True)
    mu, variance = _guarded(counts[ok], x, present[ok].astype(float), x_new)
    low, high = bounds(mu, variance)
    rows = np.flatnonzero(ok)
    seen = out["reports"].to_numpy()[rows]
    out.loc[rows, "expected"] = mu
    out.loc[rows, "low"], out.loc[rows, "high"] = low, high
    out.loc[rows, "flag"] = np.where(seen > high, "high", np.where(seen < low, "low", "none"))
    return out


@dataclass(frozen=True)
class Trend:
    months: int
    reports: int
    first: pd.Timestamp
    last: pd.Timestamp
    annual_change: float  # e.g. 0.35 = +35 % a year
    low: float  # 95 % confidence interval of annual_change
    high: float
    p_value: float

    @property
    def direction(self) -> str:
        """'rising' or 'falling' when the interval excludes no change, else 'flat'."""
        return "rising" if self.low > 0 else "falling" if self.high < 0 else "flat"


def trend(series: pd.Series) -> Trend | None:
    """The annual change over ``series`` (reports per month, every month present), or None
    with fewer than TREND_MIN_MONTHS months or TREND_MIN_REPORTS reports."""
    y = series.to_numpy(dtype=float)
    if len(y) < TREND_MIN_MONTHS or y.sum() < TREND_MIN_REPORTS:
        return None
    months = pd.DatetimeIndex(series.index)
    offset = np.arange(len(y)) - (len(y) - 1) / 2
    fit = _fit(y, _design(offset, months.month.to_numpy(), len(y) >= 24))
    if fit is None:
        return None
    params, cov, _ = fit
    beta, se = float(params[1]), float(np.sqrt(cov[1, 1]))
    z = norm.ppf(1 - (1 - LEVEL) / 2)
    p_value = float(2 * norm.sf(abs(beta / se))) if se > 0 else 0.0
    return Trend(
        months=len(y),
        reports=int(y.sum()),
        first=months[0],
        last=months[-1],
        annual_change=float(np.expm1(beta)),
        low=float(np.expm1(beta - z * se)),
        high=float(np.expm1(beta + z * se)),
        p_value=p_value,
    )
