"""Every assessed catalog series in every country of the bundle: the module against sdg-build's
method (``sdg_build_reference``), and the assessment service's rows."""

from __future__ import annotations

import math

import pytest

from sdg16.core import catalog as catalog_mod
from sdg16.queries import meta
from sdg16.queries.progress import headline_series
from sdg16.services.analytics import assessment
from sdg16.services.analytics.progress import measure
from tests.unit.services.analytics import sdg_build_reference as ref


@pytest.fixture(scope="module")
def cat():
    return catalog_mod.load()


def _config(sp) -> dict:
    config = {"direction": "positive" if sp.higher_is_better else "negative"}
    config.update({k: getattr(sp, k) for k in ("target", "limit") if getattr(sp, k) is not None})
    return config


def test_bundle_series_match_sdg_build(db, cat):
    countries = meta.geographies(db, "country")["geo_id"].tolist()
    specs = {s.code: assessment.spec(cat, s.code) for s in cat.all_series()}
    codes = [c for c, sp in specs.items() if sp.assess]
    obs = headline_series(db, cat, codes, countries)
    compared = raised = 0
    statuses = set()
    for (code, _geo), group in obs.groupby(["series", "geo"]):
        years, values = group["year"].astype(int).tolist(), group["value"].tolist()
        mine = measure(years, values, specs[code])
        try:
            value, status = ref.series_progress(years, values, _config(specs[code]))
        except ValueError:  # sdg-build has no base value: we say so
            raised += 1
            assert mine.notes[-1] == "no_data_since_base_year"
            continue
        compared += 1
        statuses.add(status)
        assert mine.status == status, (code, _geo)
        if value is None or not math.isfinite(value):
            assert mine.progress_value is None
        else:
            assert mine.progress_value == pytest.approx(value, rel=1e-12), (code, _geo)
    # the bundle exercises every status and both methods, and thousands of cases
    assert compared > 3000 and raised > 0
    assert statuses == {
        "target_achieved",
        "substantial_progress",
        "moderate_progress",
        "limited_progress",
        "deterioration",
        "not_available",
    }


def test_assessment_rows_for_every_request(db, cat):
    out = assessment.assess(db, cat, ["MEX", "HND"], ["VC_IHR_PSRC", "SG_REG_BRTH", "RL.EST"])
    assert list(zip(out["series"], out["geo"], strict=True)) == [
        ("VC_IHR_PSRC", "MEX"),
        ("VC_IHR_PSRC", "HND"),
        ("SG_REG_BRTH", "MEX"),
        ("SG_REG_BRTH", "HND"),
        ("RL.EST", "MEX"),
        ("RL.EST", "HND"),
    ]
    mex = out.iloc[0]
    # the bundle's homicide rate for Mexico: 17.28 (2015) -> 28.18 (2021)
    assert (mex["base_year"], mex["base_value"], mex["current_year"]) == (2015, 17.28, 2021)
    assert mex["progress_value"] == pytest.approx(-((28.18 / 17.28) ** (1 / 6) - 1))
    assert mex["status"] == "deterioration" and mex["method"] == 1
    birth = out.iloc[2]
    assert (birth["target"], birth["target_year"], birth["method"]) == (100.0, 2030, 2)
    assert "Statistics Canada" in birth["target_source"]
    assert out.iloc[4]["notes"] == "negative_values"
    assert mex["years"][0] <= 2015 and len(mex["years"]) == len(mex["values"])
