"""Indicator interactions over the real bundle: sdg16.queries.indicators vs raw SQL vs pandas."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bench.scenarios import RecordingDatabase, Scenario
from sdg16.core.catalog import Catalog
from sdg16.core.filters import Filter
from sdg16.queries import indicators


class PandasIndicators:
    """The same reads done the common Streamlit way: whole tables in frames, filtered in pandas."""

    def __init__(self, db: RecordingDatabase):
        self.obs = db.query("SELECT * FROM observation")
        self.geo = db.query("SELECT * FROM geo")
        ranked = db.query("SELECT * FROM series").sort_values(
            ["series_code", "preference", "load_id"], ascending=[True, True, False]
        )
        self.preferred = ranked.drop_duplicates("series_code").set_index("series_code")["source"]

    def _headline(self, codes: list[str], dims_of: Mapping[str, dict]) -> pd.DataFrame:
        obs = self.obs[self.obs["series_code"].isin(codes)]
        obs = obs[obs["source"] == obs["series_code"].map(self.preferred)]
        keep = pd.Series(False, index=obs.index)
        for code in codes:
            mask = obs["series_code"] == code
            for dim, value in dims_of[code].items():
                mask &= obs[dim] == value
            keep |= mask
        return obs[keep]

    def observations(self, f: Filter, catalog: Catalog) -> pd.DataFrame:
        obs = self._headline([f.series], {f.series: indicators.headline_dims(catalog, f.series, f)})
        if f.geo:
            obs = obs[obs["geo_id"].isin(f.geo)]
        if f.year_from is not None:
            obs = obs[obs["year"] >= f.year_from]
        if f.year_to is not None:
            obs = obs[obs["year"] <= f.year_to]
        if f.year is not None:
            obs = obs[obs["year"] == f.year]
        out = obs.merge(self.geo[["geo_id", "name", "kind"]], on="geo_id")
        return out.sort_values(["kind", "geo_id", "year"])

    def latest_values(self, geo_id: str, codes: list[str], catalog: Catalog) -> pd.DataFrame:
        dims = {c: indicators.headline_dims(catalog, c) for c in codes}
        obs = self._headline(codes, dims)
        obs = obs[obs["geo_id"] == geo_id].sort_values(["series_code", "year"], ascending=False)
        obs = obs.assign(recency=obs.groupby("series_code").cumcount() + 1)
        cur = obs[obs["recency"] == 1]
        prev = obs[obs["recency"] == 2][["series_code", "year", "value"]]
        prev = prev.rename(columns={"year": "prev_year", "value": "prev_value"})
        return cur.merge(prev, on="series_code", how="left")


def scenarios(db: RecordingDatabase, catalog: Catalog) -> list[Scenario]:
    """Home cards, a five-country trend, a one-year map, a whole-series table."""
    pdi = PandasIndicators(db)
    key = [s.code for s in catalog.key_series()]
    trend = Filter(series="VC_IHR_PSRC", geo=("MEX", "HND", "SLV", "GTM", "COL"), year_from=2005)
    one_year = Filter(series="VC_IHR_PSRC", year=2020)
    table = Filter(series="VC_IHR_PSRC")
    return [
        Scenario(
            "home: change country (latest values)",
            lambda: indicators.latest_values(db, "EGY", key, catalog),
            lambda: pdi.latest_values("EGY", key, catalog),
        ),
        Scenario(
            "trend: 5 countries since 2005",
            lambda: indicators.observations(db, trend, catalog),
            lambda: pdi.observations(trend, catalog),
        ),
        Scenario(
            "map: one series, one year, all geographies",
            lambda: indicators.observations(db, one_year, catalog),
            lambda: pdi.observations(one_year, catalog),
        ),
        Scenario(
            "table/export: one series, every year and geography",
            lambda: indicators.observations(db, table, catalog),
            lambda: pdi.observations(table, catalog),
        ),
    ]
