"""The progress measure against worked examples (computed by hand below) and against sdg-build.

Each example states the arithmetic. ``ref`` is sdg-build's ``SeriesProgress`` transcribed in
``sdg_build_reference.py`` (open-sdg/sdg-build sdg/ProgressMeasure.py @ 139fede7).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sdg16.services.analytics.progress import Spec, assess, limit_coefficient, measure
from tests.unit.services.analytics import sdg_build_reference as ref

LOWER = Spec(higher_is_better=False)
HIGHER = Spec(higher_is_better=True)

# (name, years, values, spec, progress_value by hand, status, notes)
WORKED = [
    # homicide 20 -> 15 over 2015-2020: (15/20)^(1/5) - 1 = 0.944088 - 1 = -0.055912; lower is
    # better, so +0.055912 >= 0.015
    ("homicide falls", [2015, 2020], [20, 15], LOWER, 0.055912, "substantial_progress", ()),
    # 100 -> 105.1: 1.051^(1/5) - 1 = exp(0.2 * 0.049742) - 1 = 0.009998, in [0.005, 0.015)
    ("slow rise", [2015, 2020], [100, 105.1], HIGHER, 0.009998, "moderate_progress", ()),
    # 2013 is before the base year; base = 2016 (first later year): (12/10)^(1/3) - 1 = 0.062659
    (
        "base after 2015",
        [2013, 2016, 2019],
        [50, 10, 12],
        HIGHER,
        0.062659,
        "substantial_progress",
        (),
    ),
    # gap: 2015 = 50, 2021 = 40 (nothing in between used): 0.8^(1/6) - 1 = -0.036508 -> +0.036508
    (
        "gaps in years",
        [2015, 2018, 2021],
        [50, 70, 40],
        LOWER,
        0.036508,
        "substantial_progress",
        (),
    ),
    # birth registration 80 -> 90 (2015-2020), target 100 by 2030:
    # observed 1.125^(1/5) - 1 = 0.023836; required 1.25^(1/15) - 1 = 0.0149874; ratio 1.590416
    (
        "target, ahead",
        [2015, 2020],
        [80, 90],
        Spec(True, target=100),
        1.590416,
        "substantial_progress",
        (),
    ),
    # 80 -> 84: observed 1.05^(1/5) - 1 = 0.009806; 0.0098058 / 0.0149874 = 0.654268, in [0.6, 0.95)
    (
        "target, behind",
        [2015, 2020],
        [80, 84],
        Spec(True, target=100),
        0.654268,
        "moderate_progress",
        (),
    ),
    # 80 -> 100 meets the target whatever the growth: observed 1.25^(1/5)-1 = 0.0456396 / 0.0149874
    (
        "target met",
        [2015, 2020],
        [80, 100],
        Spec(True, target=100),
        3.045187,
        "target_achieved",
        (),
    ),
    # target 0 becomes 0.001: required (0.001/10)^(1/15) - 1 = -0.458830; observed
    # 0.5^(1/5) - 1 = -0.129449; ratio -1 * -0.129449 / 0.458830 = 0.282129, in [0, 0.6)
    (
        "target zero",
        [2015, 2020],
        [10, 5],
        Spec(False, target=0),
        0.282129,
        "limited_progress",
        ("target_zero",),
    ),
    # base 0 becomes 0.001: (2/0.001)^(1/5) - 1 = 2000^0.2 - 1 = 3.573051; lower is better: -3.57
    ("base zero", [2015, 2020], [0, 2], LOWER, -3.573051, "deterioration", ("base_value_zero",)),
    # a governance estimate -1.0 -> -0.5, higher is better: 0.5^(1/5) - 1 = -0.129449, times the
    # sign of the base (-1) = +0.129449: an improvement
    (
        "negative values",
        [2015, 2020],
        [-1.0, -0.5],
        HIGHER,
        0.129449,
        "substantial_progress",
        ("negative_values",),
    ),
    # -0.2 -> 0.3 crosses zero: no growth rate exists
    (
        "sign change",
        [2015, 2020],
        [-0.2, 0.3],
        HIGHER,
        None,
        "not_available",
        ("negative_values", "sign_change"),
    ),
    ("one observation", [2018], [7.0], LOWER, None, "not_available", ("one_observation",)),
    # one observation, but it meets the target: sdg-build says target achieved
    (
        "one observation, target met",
        [2020],
        [100.0],
        Spec(True, target=100),
        None,
        "target_achieved",
        ("one_observation",),
    ),
    # base 95 near the limit 100: C = 1 - 0.95^4.44 = 0.203670, thresholds 0.003055 / 0.001018;
    # (96/95)^(1/5) - 1 = 0.002096 -> moderate (limited without the limit)
    (
        "near a limit",
        [2015, 2020],
        [95, 96],
        Spec(True, limit=100),
        0.002096,
        "moderate_progress",
        ("limit_scaled",),
    ),
]


@pytest.mark.parametrize(("name", "years", "values", "spec", "value", "status", "notes"), WORKED)
def test_worked_examples(name, years, values, spec, value, status, notes):
    r = measure(years, values, spec)
    assert r.status == status, name
    assert r.notes == notes, name
    if value is None:
        assert r.progress_value is None
    else:
        assert r.progress_value == pytest.approx(value, abs=5e-6), name


def _config(spec: Spec) -> dict:
    config = {"direction": "positive" if spec.higher_is_better else "negative"}
    for key in ("target", "limit"):
        if getattr(spec, key) is not None:
            config[key] = getattr(spec, key)
    return config


@pytest.mark.parametrize(("name", "years", "values", "spec", "value", "status", "notes"), WORKED)
def test_worked_examples_match_sdg_build(name, years, values, spec, value, status, notes):
    ref_value, ref_status = ref.series_progress(years, values, _config(spec))
    r = measure(years, values, spec)
    assert r.status == ref_status
    assert (r.progress_value is None) == (ref_value is None)
    if ref_value is not None:
        assert r.progress_value == pytest.approx(ref_value, rel=1e-12)


def test_base_and_current_are_reported_as_observed():
    r = measure([2021, 2015, 2018], [0.0, 0.0, 3.0], LOWER)
    assert (r.base_year, r.base_value, r.current_year, r.current_value) == (2015, 0.0, 2021, 0.0)
    # 0.001 -> 0: (0/0.001)^(1/6) - 1 = -1, lower is better: +1
    assert r.progress_value == 1.0 and "base_value_zero" in r.notes


def test_cases_sdg_build_cannot_compute_are_named():
    before = measure([2010, 2012], [5, 6], LOWER)
    assert (before.status, before.notes) == ("not_available", ("no_data_since_base_year",))
    with pytest.raises(ValueError):  # sdg-build finds no base value
        ref.series_progress([2010, 2012], [5, 6], {"direction": "negative"})
    # the base is the target and the value moved away: sdg-build divides by a zero required
    # growth (-inf, deterioration); the ratio is not reported, the reason is
    flat = measure([2015, 2020], [100, 99], Spec(True, target=100))
    assert (flat.status, flat.notes, flat.progress_value) == (
        "deterioration",
        ("required_growth_zero",),
        None,
    )
    value, status = ref.series_progress(
        [2015, 2020], [100, 99], {"direction": "positive", "target": 100}
    )
    assert (value, status) == (-math.inf, "deterioration")
    # a target of the other sign than the base has no real required growth; sdg-build's Python
    # power gives a complex number and divides by its modulus: a deliberate difference here
    crossed = measure([2015, 2020], [-2.0, -1.0], Spec(True, target=1.0))
    assert (crossed.status, crossed.notes[-1]) == ("not_available", "target_sign_differs")
    value, status = ref.series_progress(
        [2015, 2020], [-2.0, -1.0], {"direction": "positive", "target": 1.0}
    )
    assert status == "moderate_progress" and value == pytest.approx(0.618742, abs=1e-6)


def test_no_direction_and_not_assessed():
    assert measure([2015, 2020], [1, 2], Spec(None)).notes == ("no_direction",)
    assert measure([2015, 2020], [1, 2], Spec(True, assess=False)).notes == ("not_assessed",)
    assert measure([], [], LOWER).notes == ("no_data",)
    assert measure([2015, 2015], [1, 2], LOWER).notes == ("duplicate_years",)
    assert measure([2015, 2019], [float("nan"), 2], LOWER).notes == ("one_observation",)


def test_limit_coefficient_by_hand():
    assert limit_coefficient(95, 100) == pytest.approx(1 - 0.95**4.44)
    assert limit_coefficient(100, 100) == 0.0
    assert limit_coefficient(250, 100) == 1.0
    assert limit_coefficient(0, 0) == 1.0  # sdg-build checks 2 x limit first for this case


def test_frame_in_frame_out():
    obs = pd.DataFrame(
        {
            "series": ["A", "A", "A", "B"],
            "geo": ["MEX", "MEX", "HND", "MEX"],
            "year": [2015, 2020, 2019, 2016],
            "value": [20, 15, 4, 1],
        }
    )
    out = assess(obs, {"A": LOWER, "B": HIGHER})
    assert list(zip(out["series"], out["geo"], out["status"], strict=True)) == [
        ("A", "HND", "not_available"),
        ("A", "MEX", "substantial_progress"),
        ("B", "MEX", "not_available"),
    ]
    assert out.loc[1, "notes"] == "" and out.loc[0, "notes"] == "one_observation"
    assert math.isclose(out.loc[1, "progress_value"], 0.055912, abs_tol=5e-6)
