"""indicators.yaml: valid, complete for the bundle, and each headline is one value."""

from __future__ import annotations

import pytest

from sdg16.core import catalog
from sdg16.core.catalog import CatalogError
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import headline_dims


def test_catalog_covers_every_series_in_the_store(db: ReadOnlyDatabase) -> None:
    cat = catalog.get()
    stored = set(db.query("SELECT DISTINCT series_code FROM series")["series_code"])
    assert stored - {s.code for s in cat.all_series()} == set()
    assert {"RL.EST", "CC.EST", "GE.EST", "RQ.EST", "PV.EST"} <= stored


def test_every_goal16_indicator_in_the_bundle_has_an_entry(db: ReadOnlyDatabase) -> None:
    codes = {i.code for i in catalog.get().indicators}
    stored = db.query("SELECT DISTINCT indicator FROM series WHERE source = 'unsd-bundle'")
    for field in stored["indicator"]:
        goal16 = [c.strip() for c in field.split(",") if c.strip().startswith("16.")]
        assert goal16 == [] or goal16[0] in codes, field


def test_each_headline_is_one_value_per_geography_and_year(db: ReadOnlyDatabase) -> None:
    cat = catalog.get()
    for entry in cat.all_series():
        dims = headline_dims(cat, entry.code)
        where = " AND ".join(f"{d} = ?" for d in dims) or "TRUE"
        dupes = db.query(
            f"SELECT geo_id, year, count(*) AS n FROM observation WHERE series_code = ? AND {where}"
            " GROUP BY ALL HAVING count(*) > 1 LIMIT 3",
            [entry.code, *dims.values()],
        )
        assert dupes.empty, f"{entry.code} default {dims} leaves several values: {dupes}"


def test_a_mistake_is_reported_with_its_key() -> None:
    text = catalog.settings.catalog_path().read_text()
    broken = text.replace("unit: per 100,000 population", "unit: ''", 1)
    with pytest.raises(
        CatalogError,
        match=r"indicators\[0\] \(16\.1\.1\) > series\[0\] "
        r"\(VC_IHR_PSRC\) > unit",
    ):
        catalog.parse(broken)


def test_unknown_dimension_and_duplicates_are_rejected() -> None:
    text = catalog.settings.catalog_path().read_text()
    with pytest.raises(CatalogError, match="unknown dimension"):
        catalog.parse(text.replace("sex: BOTHSEX", "gender: BOTHSEX", 1))
    with pytest.raises(CatalogError, match="duplicate series code"):
        catalog.parse(text.replace("code: VC_IHR_PSRCN", "code: VC_IHR_PSRC", 1))


def test_progress_targets_are_validated():
    from sdg16.core.catalog import CatalogError, load, parse

    real = load()
    assert real.progress("SG_REG_BRTH").target == 100
    assert real.progress("VC_IHR_PSRC").target is None
    for bad, says in (
        ("target: .inf", "finite"),
        ("target: 100\n    target_year: 2010", "target_year"),
        ("target: lots", "target"),
        ("{}", "source"),
    ):
        text = f"""indicators:
- code: '1'
  title: T
  target: '1'
  custodian: C
  source: unsd
  definition: D
  progress:
    {bad if bad != "{}" else "target: 1"}
    {"" if bad == "{}" else "source: S"}
  series:
  - code: A
    title: A
    unit: '%'
    higher_is_better: true
"""
        with pytest.raises(CatalogError, match=says):
            parse(text)
