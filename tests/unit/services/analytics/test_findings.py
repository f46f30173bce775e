"""Written findings: each sentence says what its statistic says, with the numbers behind it;
the privacy rule holds; the bias statement is always there; other languages follow."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import privacy
from sdg16.services.analytics import findings, gather, spikes
from sdg16.services.analytics.hotspots import COLUMNS, Hotspots
from sdg16.state.roles import Role
from tests.unit.services.analytics import planted


def _stats(**changes: object) -> findings.Stats:
    cells = pd.DataFrame(
        [
            ["a", "EG-C", 90, 4.1, 0.0001, 0.001, "hot", 99],
            ["b", "EG-C", 70, 3.0, 0.003, 0.02, "hot", 95],
            ["c", "EG-GZ", 60, 2.5, 0.01, 0.06, "hot", 90],
            ["d", "EG-GZ", 0, -3.2, 0.001, 0.01, "cold", 99],
            ["e", "EG-GZ", 9, 0.1, 0.9, 0.95, "none", 0],
        ],
        columns=COLUMNS,
    )
    months = pd.DataFrame(
        {
            "month": pd.to_datetime(["2013-05-01", "2013-06-01", "2013-07-01"]),
            "reports": [40, 120, 10],
            "expected": [42.0, 45.0, 44.0],
            "low": [28.0, 30.0, 29.0],
            "high": [58.0, 61.0, 60.0],
            "flag": ["none", "high", "low"],
        }
    )
    trend = spikes.Trend(36, 1200, pd.Timestamp("2012-01-01"), pd.Timestamp("2014-12-01"),
                         0.35, 0.20, 0.51, 0.0001)  # fmt: skip
    base = {
        "place": "Cairo, Egypt",
        "reports": 1000,
        "first": "2012-01",
        "last": "2014-12",
        "by_type": pd.DataFrame(
            {"key": ["Touching", "Comments", "Stalking"], "reports": [450, 380, 90]}
        ),
        "by_place": pd.DataFrame(
            {"key": ["Not stated", "Street", "Transport"], "reports": [600, 300, 100]}
        ),
        "months": months,
        "trend": trend,
        "hotspots": Hotspots(cells, 7, 5, 0),
        "area_names": {"EG-C": "Cairo", "EG-GZ": "Giza"},
    }  # fmt: skip
    return findings.Stats(**{**base, **changes})


def _by_key(found: list[findings.Finding]) -> dict[str, findings.Finding]:
    return {f.key: f for f in found}


def test_each_sentence_carries_its_numbers() -> None:
    found = _by_key(findings.write(_stats()))
    assert list(found) == ["volume", "trend", "types", "places", "hotspots", "spikes", "bias"]
    assert found["volume"].text == "1,000 reports in Cairo, Egypt from 2012-01 to 2014-12."
    assert found["trend"].text == (
        "Reports rose 35 % a year (95 % CI 20 to 51 %) from 2012-01 to 2014-12."
    )
    assert found["trend"].numbers["ci_low"] == 0.2 and found["trend"].numbers["months"] == 36
    assert found["types"].text.startswith("Most named types: Touching (45 %), Comments (38 %)")
    assert found["places"].text == (
        "Most reported places: Street (30 %), Transport (10 %); 60 % of reports state none."
    )
    assert found["hotspots"].text.startswith("Hotspots: 3; cold spots: 1 (90 % confidence")
    assert "hotspots in Cairo (2), Giza (1)." in found["hotspots"].text
    assert found["hotspots"].numbers["hot_areas"] == {"Cairo": 2, "Giza": 1}
    assert "of 3 judged: 1 above, 1 below" in found["spikes"].text  # no "1 months"
    assert "2013-06: 120 (expected 30 to 61)" in found["spikes"].text
    assert "crowd-sourced, self-selected and unverified" in found["bias"].text


def test_trend_wording_follows_the_interval() -> None:
    def text(change: float, low: float, high: float) -> str:
        t = spikes.Trend(24, 500, pd.Timestamp("2012-01-01"), pd.Timestamp("2013-12-01"),
                         change, low, high, 0.5)  # fmt: skip
        return findings.trend(_stats(trend=t), "en").text

    assert text(-0.25, -0.36, -0.12).startswith("Reports fell 25 % a year (95 % CI -36 to -12 %)")
    assert text(0.05, -0.03, 0.14).startswith("No clear trend from 2012-01 to 2013-12: 5 % a year")
    assert "Too few months or reports" in findings.trend(_stats(trend=None), "en").text


def test_nothing_found_is_said_plainly() -> None:
    quiet = _stats(
        hotspots=Hotspots(pd.DataFrame(columns=COLUMNS), 5, 40, 0),
        months=_stats().months.assign(flag="none"),
    )
    found = _by_key(findings.write(quiet))
    assert found["hotspots"].text.startswith("No hotspot or cold spot at 90 % confidence")
    assert found["spikes"].text == "No month outside its expected range (95 %) among 3 judged."
    no_history = _stats(months=_stats().months.assign(expected=float("nan")))
    assert "Too little history" in findings.spike_sentence(no_history, "en").text


def test_a_small_selection_says_only_that() -> None:
    found = findings.write(_stats(reports=None))
    assert [f.key for f in found] == ["volume", "bias"]
    assert found[0].text == "Fewer than 5 reports in Cairo, Egypt: too few to describe."


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_findings_in_other_languages(lang: str) -> None:
    found = findings.write(_stats(), lang)
    english = findings.write(_stats(), "en")
    for mine, theirs in zip(found, english, strict=True):
        assert mine.text != theirs.text, mine.key  # translated
        assert mine.numbers == theirs.numbers
    # CLDR: French groups thousands; Spanish only from five digits (minimumGroupingDigits 2).
    assert {"es": "1000", "fr": "1\u202f000"}[lang] in found[0].text


def test_findings_on_planted_store(planted_store: Path) -> None:
    db = ReadOnlyDatabase(planted_store)
    f = Filter(geo=("EGY",), admin1="EG-C")
    found = _by_key(gather.key_findings(db, f, Role.ANALYST, "en"))
    total = len(planted.planted_reports())
    assert found["volume"].numbers["reports"] == total
    assert found["trend"].numbers["ci_low"] <= 0 <= found["trend"].numbers["ci_high"]
    assert found["hotspots"].numbers["hot"] >= 1
    assert found["hotspots"].numbers["hot_areas"] == {"Cairo": found["hotspots"].numbers["hot"]}
    for month in planted.STORE_SPIKES:
        assert month.strftime("%Y-%m") in found["spikes"].numbers
    spanish = _by_key(gather.key_findings(db, Filter(geo=("EGY",)), Role.ANALYST, "es"))
    assert " en Egipto de " in spanish["volume"].text  # CLDR's name, not the store's English
    public = _by_key(gather.key_findings(db, f, Role.ANONYMOUS, "en"))
    assert public["volume"].numbers["reports"] == privacy.publish(total)  # base 5
