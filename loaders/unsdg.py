"""UN SDG API v1 (``/Series/Data``): the catalog's Goal 16 series (dataset ``unsd-api``).

Each series is read page by page (``totalPages``). Dimension names map to the store's columns;
an unknown one fails the load, because dropping it would merge distinct disaggregations.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import requests

from loaders.api import ApiSource
from loaders.base import OBSERVATION_COLUMNS, SERIES_COLUMNS, Batch, LoadError, Problem, Provenance
from loaders.geo_codes import geo_id_for_m49, minimal_geo
from loaders.http import JsonPage, get_json
from sdg16.core.schema import DIMENSIONS

DATASET = "unsd-api"
PAGE_SIZE = 1000
YEARS = (1900, 2100)
# Always "G" (global) in the database, which holds only the custodian agencies' data.
IGNORED_DIMENSIONS = frozenset({"Reporting Type"})


def default_series() -> list[str]:
    """Every catalog series of an indicator sourced from the UN SDG database."""
    from sdg16.core import catalog

    return [s.code for i in catalog.get().indicators if i.source == "unsd" for s in i.series]


def _indicators() -> dict[str, str]:
    from sdg16.core import catalog

    return {s.code: i.code for i in catalog.get().indicators for s in i.series}


def dimension_column(name: str) -> str | None:
    """The store column of an API dimension name ("Cause of death" -> cause_of_death)."""
    column = "_".join(name.strip().lower().replace("-", " ").split())
    return column if column in DIMENSIONS else None


class UnSdgSource(ApiSource):
    """Fetches UN SDG Global Database series through the SDG API."""

    name = "unsdg"
    label = "UN SDG"

    def __init__(
        self,
        series_codes: list[str] | None = None,
        session: requests.Session | None = None,
        base_url: str = "https://unstats.un.org/SDGAPI/v1/sdg",
        progress: bool = True,
    ):
        super().__init__(series_codes, session, base_url, progress)

    def default_series(self) -> list[str]:
        return default_series()

    def url(self, code: str, page: int) -> str:
        query = urlencode({"seriesCode": code, "page": page, "pageSize": PAGE_SIZE})
        return f"{self.base_url}/Series/Data?{query}"

    def list_series(self, goal: str = "16") -> list[str]:
        """Codes of ``/Series/List`` entries whose goal list contains ``goal``."""
        url = f"{self.base_url}/Series/List"
        page = get_json(self.session, url)
        if page.status >= 400 or not isinstance(page.data, list):
            raise LoadError(Problem(url, f"HTTP {page.status}: expected a list of series"))
        codes = [
            s["code"]
            for s in page.data
            if isinstance(s, dict) and "code" in s and goal in (s.get("goal") or [])
        ]
        return list(dict.fromkeys(codes))

    def _page(self, code: str, page: int) -> tuple[JsonPage, int]:
        url = self.url(code, page)
        result = get_json(self.session, url)
        if result.status >= 400:
            raise LoadError(Problem(url, f"HTTP {result.status}: {str(result.data)[:200]}"))
        data = result.data
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise LoadError(Problem(url, "expected an object with a 'data' list"))
        try:
            pages = int(data.get("totalPages") or 0)
        except (TypeError, ValueError) as exc:
            raise LoadError(Problem(url, "no usable 'totalPages'", field="totalPages")) from exc
        return result, pages

    def _rows(self, page: JsonPage) -> list[Any]:
        return page.data["data"]

    def _start(self) -> None:
        self._indicators = _indicators()
        self._series: dict[str, dict[str, Any]] = {}

    def _seen(self, code: str, row: Any, record: dict[str, Any]) -> None:
        indicator = self._indicators.get(code) or next(iter(row.get("indicator") or []), None)
        self._series.setdefault(
            code,
            {
                "series_code": code,
                "source": DATASET,
                "indicator": indicator,
                "description": row.get("seriesDescription"),
                "unit": record["unit"],
            },
        )

    def _record(
        self, code: str, item: Any, url: str, i: int, problems: list[Problem]
    ) -> dict[str, Any] | None:
        """One data item as an observation; bad items are added to ``problems``."""
        if not isinstance(item, dict):
            problems.append(Problem(url, "item is not an object", row=i))
            return None
        before = len(problems)

        def bad(field: str, message: str) -> None:
            problems.append(Problem(url, message, row=i, field=field))

        got = str(item.get("series") or code)
        if got != code:
            bad("series", f"asked for series {code}, got {got}")
        text = str(item.get("value") if item.get("value") is not None else "").strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            bad("value", f"not a number: {text!r}")
        year = item.get("timePeriodStart")
        try:
            year_ok = float(year) % 1 == 0 and YEARS[0] <= float(year) <= YEARS[1]
        except (TypeError, ValueError):
            year_ok = False
        if not year_ok:
            bad("timePeriodStart", f"not a year: {year!r}")
        area = str(item.get("geoAreaCode") or "").strip()
        if not area.isdigit():
            bad("geoAreaCode", f"not an M49 code: {area!r}")
        dims: dict[str, str | None] = {}
        for dim, dim_code in (item.get("dimensions") or {}).items():
            if dim in IGNORED_DIMENSIONS:
                continue
            column = dimension_column(dim)
            if column is None:
                bad("dimensions", f"series {code}: unknown dimension '{dim}'")
            else:
                dims[column] = (str(dim_code).strip() or None) if dim_code is not None else None
        if len(problems) > before:
            return None
        attributes = item.get("attributes") or {}
        geo_id, _kind = geo_id_for_m49(int(area))
        return {
            "series_code": code,
            "geo_id": geo_id,
            "m49": int(area),
            "name": item.get("geoAreaName") or geo_id,
            "year": int(float(year)),
            "value": value,
            "value_text": text,
            "unit": attributes.get("Units"),
            "nature": attributes.get("Nature") or None,
            **dims,
        }

    def _batch(self, records: list[dict[str, Any]], inputs: list[Provenance]) -> Batch:
        raw = pd.DataFrame(records)
        for dim in DIMENSIONS:
            # Absent dimensions are NULL, never NaN, like the bundle's.
            column = raw[dim] if dim in raw.columns else pd.Series(None, index=raw.index)
            raw[dim] = column.astype(object).where(column.notna(), None)
        key = ["series_code", "geo_id", "year", *DIMENSIONS]
        self.check_unique(raw, key, "observation(s) with the same area, year and dimensions")
        obs = raw.assign(
            source=DATASET, year=raw["year"].astype("int32"), value=raw["value"].astype("float64")
        ).reindex(columns=list(OBSERVATION_COLUMNS))
        geo = minimal_geo(raw[["m49", "name"]].assign(iso3=None).drop_duplicates("m49"))
        return Batch(
            source=self.name,
            datasets=(DATASET,),
            observations=obs,
            series=pd.DataFrame(list(self._series.values())).reindex(columns=list(SERIES_COLUMNS)),
            geo=geo,
            inputs=inputs,
            replaces_reference=False,
        )
