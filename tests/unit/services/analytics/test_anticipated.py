"""ESCAP's Anticipated Progress Index (second view) on lines computed by hand."""

from __future__ import annotations

import pytest

from sdg16.services.analytics.anticipated import API_STATUSES, anticipated, predict


def test_a_straight_line_is_extended_whatever_the_weights():
    # 50, 52, ... 60 over 2015-2020: slope 2, so 80 in 2030; index (80 - 50) / (100 - 50) = 0.6
    years, values = list(range(2015, 2021)), [50, 52, 54, 56, 58, 60]
    a = anticipated(years, values, 100, True)
    assert a.predicted == pytest.approx(80)
    assert (a.index, a.status, a.base_year, a.points) == (
        pytest.approx(0.6),
        "needs_acceleration",
        2015,
        6,
    )
    fast = anticipated(years, [50, 54, 58, 62, 66, 70], 100, True)  # 110 by 2030: index 1.2
    assert (fast.index, fast.status) == (pytest.approx(1.2), "on_track")
    back = anticipated(years, [50, 48, 46, 44, 42, 40], 100, True)  # 20 by 2030: index -0.6
    assert (back.index, back.status) == (pytest.approx(-0.6), "regressing")


def test_recent_years_weigh_more():
    # weights 1, 2, 3 on (2015, 0), (2016, 0), (2017, 3): weighted means x = 2016.3333, y = 1.5;
    # Sxy = 2 + 1 + 3 = 6, Sxx = 1.7778 + 0.2222 + 1.3333 = 3.3333, slope 1.8;
    # 2030: 1.5 + 1.8 x 13.6667 = 26.1 (an unweighted line gives 1 + 1.5 x 14 = 22)
    assert predict([2015, 2016, 2017], [0, 0, 3], 2030) == pytest.approx(26.1)


def test_data_since_2000_lower_is_better_and_edge_cases():
    # 1990 is left out: the line through 2000 = 10 and 2020 = 6 reaches 4 in 2030; base 2020
    a = anticipated([1990, 2000, 2020], [100, 10, 6], 0, False)
    assert (a.points, a.base_year, a.predicted) == (2, 2020, pytest.approx(4))
    assert a.index == pytest.approx((4 - 6) / (0 - 6)) and a.status == "needs_acceleration"
    assert anticipated([2015, 2020], [1, 2], None, True).note == "no_numeric_target"
    assert anticipated([2018], [5], 0, False).note == "one_observation"
    assert anticipated([2001, 2010], [5, 6], 100, True).note == "no_data_since_base_year"
    assert anticipated([2015, 2020], [90, 100], 100, True).status == "target_achieved"
    assert anticipated([2015, 2020], [1, 2], 10, None).note == "no_direction"


def test_every_status_is_one_of_the_documented_ones():
    cases = [([2015, 2020], [50, 60], 100), ([2015, 2020], [50, 40], 100), ([2018], [5], 100)]
    assert {anticipated(y, v, t, True).status for y, v, t in cases} <= set(API_STATUSES)
