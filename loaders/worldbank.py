"""World Bank Indicators API v2: the Worldwide Governance Indicators (dataset ``wb-api``).

Rows come as ``[meta, rows]`` pages. Nulls and World Bank aggregates (ARB, WLD, …) are skipped
and counted in ``skipped``; everything else is validated, and any bad row fails the whole load.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import requests

from loaders.api import ApiSource
from loaders.base import OBSERVATION_COLUMNS, SERIES_COLUMNS, Batch, LoadError, Problem, Provenance
from loaders.geo_codes import is_country_iso3, minimal_geo
from loaders.http import JsonPage, get_json

DATASET = "wb-api"
PER_PAGE = 1000
YEARS = (1900, 2100)


def default_series() -> list[str]:
    """The catalog's WGI series (RL.EST, CC.EST, …)."""
    from sdg16.core import catalog

    return [s.code for i in catalog.get().indicators if i.source == "wgi" for s in i.series]


def _error_message(data: Any) -> str | None:
    """The text of a ``[{"message": [{"id", "key", "value"}]}]`` error envelope, else None."""
    if not (isinstance(data, list) and data and isinstance(data[0], dict)):
        return None
    messages = data[0].get("message")
    if not isinstance(messages, list):
        return None
    parts = [
        f"{m.get('key', '')} (id {m.get('id', '?')}): {m.get('value', '')}".strip()
        for m in messages
        if isinstance(m, dict)
    ]
    return "; ".join(parts) or "error without a message"


def _as_int(meta: dict, key: str, url: str) -> int:
    # The API sends page counts as ints on some endpoints and as strings on others.
    try:
        return int(str(meta[key]))
    except (KeyError, ValueError) as exc:
        raise LoadError(Problem(url, f"page metadata has no usable '{key}'", field=key)) from exc


class WorldBankSource(ApiSource):
    """Fetches WGI estimates for every country, page by page."""

    name = "worldbank"
    label = "World Bank"

    def __init__(
        self,
        series_codes: list[str] | None = None,
        session: requests.Session | None = None,
        base_url: str = "https://api.worldbank.org/v2",
        progress: bool = True,
    ):
        super().__init__(series_codes, session, base_url, progress)
        self.skipped: Counter[str] = Counter()
        self._descriptions: dict[str, str] = {}

    def default_series(self) -> list[str]:
        return default_series()

    def url(self, code: str, page: int) -> str:
        query = urlencode({"format": "json", "per_page": PER_PAGE, "page": page})
        return f"{self.base_url}/country/all/indicator/{code}?{query}"

    def _page(self, code: str, page: int) -> tuple[JsonPage, int]:
        url = self.url(code, page)
        result = get_json(self.session, url, numbers_as_text=True)
        data = result.data
        message = _error_message(data)
        if message:
            raise LoadError(Problem(url, f"World Bank API error: {message}"))
        if result.status >= 400:
            raise LoadError(Problem(url, f"HTTP {result.status}"))
        if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], dict)):
            raise LoadError(Problem(url, "expected a [meta, rows] array"))
        if data[1] is not None and not isinstance(data[1], list):
            raise LoadError(Problem(url, "rows are not a list"))
        return result, _as_int(data[0], "pages", url)

    def _rows(self, page: JsonPage) -> list[Any]:
        return page.data[1] or []

    def _start(self) -> None:
        self.skipped.clear()
        self._descriptions = {}

    def _seen(self, code: str, row: Any, record: dict[str, Any]) -> None:
        self._descriptions.setdefault(code, (row.get("indicator") or {}).get("value") or code)

    def _record(
        self, code: str, row: Any, url: str, i: int, problems: list[Problem]
    ) -> dict[str, Any] | None:
        """One row as an observation, None when skipped; bad rows are added to ``problems``."""
        if not isinstance(row, dict):
            problems.append(Problem(url, "row is not an object", row=i))
            return None
        got = str((row.get("indicator") or {}).get("id") or code)
        if got != code:
            problems.append(Problem(url, f"asked for {code}, got {got}", row=i, field="indicator"))
            return None
        if row.get("value") is None:
            self.skipped["null value"] += 1
            return None
        iso3 = str(row.get("countryiso3code") or "").strip()
        if not iso3 or not is_country_iso3(iso3):
            self.skipped["aggregate or no ISO3 code"] += 1
            return None
        text = str(row["value"]).strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            problems.append(Problem(url, f"not a number: {text!r}", row=i, field="value"))
            return None
        date = str(row.get("date") or "").strip()
        if not (date.isdigit() and YEARS[0] <= int(date) <= YEARS[1]):
            problems.append(Problem(url, f"not a year: {date!r}", row=i, field="date"))
            return None
        name = (row.get("country") or {}).get("value") or iso3
        return {
            "series_code": code,
            "geo_id": iso3,
            "year": int(date),
            "value": value,
            "value_text": text,
            "name": name,
        }

    def _batch(self, records: list[dict[str, Any]], inputs: list[Provenance]) -> Batch:
        descriptions = self._descriptions
        raw = pd.DataFrame(records)
        self.check_unique(raw, ["series_code", "geo_id", "year"], "row(s)")
        obs = raw.assign(
            source=DATASET,
            year=raw["year"].astype("int32"),
            value=raw["value"].astype("float64"),
            unit=["INDEX" if c.endswith(".EST") else None for c in raw["series_code"]],
            nature="E",
        ).reindex(columns=list(OBSERVATION_COLUMNS))
        series = pd.DataFrame(
            {
                "series_code": code,
                "source": DATASET,
                "indicator": "WGI",
                "description": descriptions.get(code, code),
                "unit": "INDEX" if code.endswith(".EST") else None,
            }
            for code in self.series_codes
            if code in descriptions
        ).reindex(columns=list(SERIES_COLUMNS))
        codes = raw[["geo_id", "name"]].rename(columns={"geo_id": "iso3"}).assign(m49=pd.NA)
        geo = minimal_geo(codes.drop_duplicates("iso3"))
        return Batch(
            source=self.name,
            datasets=(DATASET,),
            observations=obs,
            series=series,
            geo=geo,
            inputs=inputs,
            replaces_reference=False,
        )
