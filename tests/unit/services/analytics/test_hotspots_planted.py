"""Gi* on planted truth: the planted hot and cold cells are found; the background's false
positive rate stays at the nominal level (raw p) and false discoveries under the FDR level."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sdg16.services.analytics import hotspots
from tests.unit.services.analytics import planted

SEEDS = range(12)


def _run(seed: int, plant: bool = True) -> pd.DataFrame:
    counts = planted.planted_cells(seed, plant=plant)
    study = pd.DataFrame({"cell": planted.grid(), "area": "EG-C"})
    return hotspots.gi_star(counts[counts["reports"] > 0], study).set_index("cell")


def test_planted_hotspots_and_cold_spot_are_found() -> None:
    for seed in SEEDS:
        out = _run(seed)
        for centre in planted.hot_centres():
            assert out.loc[centre, "class"] == "hot", (seed, centre)
            assert out.loc[centre, "confidence"] >= 95 and out.loc[centre, "p_fdr"] <= 0.05
        assert out.loc[planted.cold_centre(), "class"] == "cold", seed
        assert out.loc[planted.cold_centre(), "reports"] == 0  # a zero of the study area


def test_background_false_positive_rate_is_nominal() -> None:
    """No planted cells: raw two-sided p under 0.05 in about 5 % of cells, 0.10 in 10 %."""
    rates = {0.05: [], 0.10: []}
    for seed in SEEDS:
        p = _run(seed, plant=False)["p_value"]
        for alpha, seen in rates.items():
            seen.append(float((p < alpha).mean()))
    assert 0.03 <= np.mean(rates[0.05]) <= 0.07, rates[0.05]
    assert 0.07 <= np.mean(rates[0.10]) <= 0.13, rates[0.10]


def test_fdr_keeps_background_discoveries_rare() -> None:
    """With plants: background cells (over 2 rings from a planted centre) called hot or cold
    make up under the FDR level (10 %) of the discoveries, on average over the seeds."""
    near = planted.near_planted(2)
    shares, background_rates = [], []
    for seed in SEEDS:
        out = _run(seed)
        found = out[out["class"] != "none"]
        false = found[~found.index.isin(near)]
        shares.append(len(false) / max(len(found), 1))
        background = out[~out.index.isin(near)]
        background_rates.append(float((background["class"] != "none").mean()))
    assert np.mean(shares) <= 0.10, shares
    assert np.mean(background_rates) <= 0.01, background_rates


def test_no_contrast_means_no_hotspot() -> None:
    study = pd.DataFrame({"cell": planted.grid()[:10], "area": "EG-C"})
    same = study.assign(reports=3)
    out = hotspots.gi_star(same, study)
    assert (out["class"] == "none").all() and out["gi_z"].isna().all()
    assert (hotspots.gi_star(same.head(2), study.head(2))["class"] == "none").all()


def test_classes_follow_the_fdr_levels() -> None:
    z = np.array([3.0, -3.0, 2.0, 1.0, -2.0, 0.5])
    p = np.array([0.001, 0.004, 0.03, 0.09, 0.2, np.nan])
    classes, confidence = hotspots.classify(z, p)
    assert classes == ["hot", "cold", "hot", "hot", "none", "none"]
    assert confidence == [99, 99, 95, 90, 0, 0]
