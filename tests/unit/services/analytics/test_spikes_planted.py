"""Spikes and trends on planted truth: planted months are flagged, the background is flagged
at about the nominal rate (95 % ranges: at most 5 %), trends are found with honest intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sdg16.services.analytics import spikes
from tests.unit.services.analytics import planted

SEEDS = range(30)


def _flags(series: pd.Series) -> pd.Series:
    out = spikes.expected_ranges(series, planted.JUDGE_FROM)
    return out.set_index("month")["flag"]


def _background_rate(**kw: float) -> float:
    months = [planted.planted_months(s, plant=False, **kw) for s in SEEDS]
    flagged = [(_flags(m) != "none").mean() for m in months]
    return float(np.mean(flagged))


def test_planted_spikes_and_drop_are_flagged() -> None:
    for seed in SEEDS:
        flags = _flags(planted.planted_months(seed))
        for month in planted.SPIKES:
            assert flags[month] == "high", (seed, month)
        for month in planted.DROPS:
            assert flags[month] == "low", (seed, month)


@pytest.mark.parametrize(
    "background",
    [{}, {"season": 0.5}, {"dispersion": 2.5}, {"annual_growth": 0.3}],
    ids=["uniform", "seasonal", "over-dispersed", "growing"],
)
def test_background_false_positive_rate_is_nominal(background: dict) -> None:
    """95 % ranges flag at most about 5 % of ordinary months, and not almost none (a range
    so wide it flags nothing would pass the first half)."""
    rate = _background_rate(**background)
    assert 0.005 <= rate <= 0.07, rate


def test_background_around_planted_months_stays_quiet() -> None:
    """A spike in the baseline is down-weighted: the months after it are not flagged low."""
    after = [m for m in planted.MONTHS[31:44]]
    lows = [(_flags(planted.planted_months(s))[after] == "low").mean() for s in SEEDS]
    assert np.mean(lows) <= 0.05


def test_expected_range_brackets_the_rate() -> None:
    series = planted.planted_months(1, plant=False)
    out = spikes.expected_ranges(series, planted.JUDGE_FROM)
    assert out["expected"].between(30, 50).all()  # the level is 40
    assert (out["low"] <= out["expected"]).all() and (out["expected"] <= out["high"]).all()
    assert out["high"].sub(out["low"]).between(15, 40).all()  # about +/- 2 sd of Poisson(40)


def test_short_or_sparse_history_gets_no_range() -> None:
    short = planted.planted_months(2).iloc[:20]
    assert spikes.expected_ranges(short, short.index[0])["expected"].isna().all()
    sparse = pd.Series(0.0, index=planted.MONTHS)
    sparse.iloc[::12] = 1.0
    out = spikes.expected_ranges(sparse, planted.JUDGE_FROM)
    assert out["expected"].isna().all() and (out["flag"] == "none").all()


def test_trend_finds_growth_with_an_honest_interval() -> None:
    covered, rising = 0, 0
    for seed in SEEDS:
        t = spikes.trend(planted.planted_months(seed, annual_growth=0.3, plant=False))
        covered += t.low <= 0.3 <= t.high
        rising += t.direction == "rising"
    assert rising == len(SEEDS)
    assert covered >= 0.85 * len(SEEDS)


def test_flat_series_has_no_trend_at_the_nominal_rate() -> None:
    claims = [
        spikes.trend(planted.planted_months(s, plant=False, season=0.4)).direction != "flat"
        for s in range(100)
    ]
    assert np.mean(claims) <= 0.09  # nominal 5 %


def test_trend_needs_enough_months_and_reports() -> None:
    assert spikes.trend(planted.planted_months(1).iloc[:11]) is None
    assert spikes.trend(pd.Series(1.0, index=planted.MONTHS[:15])) is None  # 15 reports
