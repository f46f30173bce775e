"""The bundled data (``../shared/data`` by default): UN SDG series, WGI estimates, reference codes.

Every file is read-only input; values are kept exactly as written (``value_text``) beside their
parsed number. Any bad row fails the whole load with a message naming file, row and field.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from babel import Locale

from loaders import shapes
from loaders.base import (
    GEO_COLUMNS,
    OBSERVATION_COLUMNS,
    SERIES_COLUMNS,
    Batch,
    LoadError,
    Problem,
    Provenance,
    sha256_of,
)
from loaders.geo_codes import NON_ISO_COUNTRIES, SUBNATIONAL_M49, aggregate_id
from loaders.tables import problems_where, read_table
from sdg16.core.schema import DIMENSIONS

_ENGLISH = Locale("en").territories


def english_territory(iso2: str) -> str:
    """CLDR's English name of an ISO 3166 alpha-2 territory (the code itself if unknown)."""
    return _ENGLISH.get(iso2, iso2)


UN_SERIES = "indicators/un_sdg_goal16_series.csv"
UN_CATALOG = "indicators/un_sdg_goal16_series_catalog.csv"
UN_GEO_AREAS = "indicators/un_sdg_geo_areas.csv"
WGI = "indicators/wb_wgi_estimates_long.csv"
COUNTRY_CODES = "indicators/country_codes.csv"
WB_METADATA = "indicators/wb_country_metadata.csv"

UN_REQUIRED = ("series_code", "indicator", "geo_area_code", "geo_area_name", "year", "value")
UN_REQUIRED += ("units", "nature")
WGI_REQUIRED = ("iso3", "country_name", "indicator_code", "indicator_name", "year", "value")
# SDG observation nature codes (see the bundle's SOURCES.md).
NATURES = frozenset({"C", "CA", "E", "M", "G", "N", ""})
YEARS = (1900, 2100)


def _check_years(frame: pd.DataFrame, name: str) -> tuple[pd.Series, list[Problem]]:
    year = pd.to_numeric(frame["year"].str.strip(), errors="coerce")
    bad = year.isna() | (year % 1 != 0) | (year < YEARS[0]) | (year > YEARS[1])
    return year, problems_where(frame, bad, name, "year", f"not a year in {YEARS[0]}-{YEARS[1]}")


def _check_values(frame: pd.DataFrame, name: str) -> tuple[pd.Series, list[Problem]]:
    text = frame["value"].str.strip()
    value = pd.to_numeric(text, errors="coerce")
    problems = problems_where(frame, text.eq(""), name, "value", "value is empty")
    problems += problems_where(frame, value.isna() & text.ne(""), name, "value", "not a number")
    return value, problems


def _check_duplicates(frame: pd.DataFrame, key: list[str], name: str) -> list[Problem]:
    dup = frame.duplicated(subset=key, keep="first")
    return [
        Problem(name, f"duplicate of an earlier row with the same {', '.join(key)}", row=i + 2)
        for i in frame.index[dup]
    ]


class BundleSource:
    """Reads the bundle directory: reference codes first, then the two observation files."""

    name = "bundle"

    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    def _path(self, rel: str) -> Path:
        return self.root / rel

    def fetch(self) -> Batch:
        if not self.root.is_dir():
            raise LoadError(Problem(str(self.root), "bundle directory not found"))
        geo = self.reference()
        un_obs, un_series = self.un_series(geo)
        wgi_obs, wgi_series = self.wgi(geo)
        files = (UN_SERIES, UN_CATALOG, UN_GEO_AREAS, WGI, COUNTRY_CODES, WB_METADATA)
        rows = {UN_SERIES: len(un_obs), WGI: len(wgi_obs)}
        inputs = [
            Provenance(str(self._path(f)), rows.get(f, 0), sha256_of(self._path(f))) for f in files
        ]
        found = shapes.read(self.root)
        if found is not None:
            for name in (shapes.NE_FILE, *shapes.ADMIN1_FILES.values()):
                if self._path(name).exists():
                    inputs.append(Provenance(str(self._path(name)), 0, sha256_of(self._path(name))))
        return Batch(
            source=self.name,
            datasets=("unsd-bundle", "wgi-bundle"),
            observations=pd.concat([un_obs, wgi_obs], ignore_index=True),
            series=pd.concat([un_series, wgi_series], ignore_index=True),
            geo=geo,
            inputs=inputs,
            replaces_reference=True,
            shapes=found,
        )

    def reference(self) -> pd.DataFrame:
        """Countries (ISO3) with UN and World Bank groupings, then UN aggregates."""
        codes_path = self._path(COUNTRY_CODES)
        iso3, m49 = "ISO3166-1-Alpha-3", "M49"
        cc = read_table(codes_path, required=[iso3, m49, "ISO3166-1-Alpha-2", "official_name_en"])
        cc = cc[cc[iso3].str.strip() != ""]
        m49_num = pd.to_numeric(cc[m49], errors="coerce")
        problems = problems_where(cc, m49_num.isna(), str(codes_path), m49, "not an M49 code")
        if problems:
            raise LoadError(problems)

        def col(name: str) -> pd.Series:
            return cc[name] if name in cc.columns else pd.Series("", index=cc.index)

        display = col("CLDR display name").where(
            col("CLDR display name") != "", cc["official_name_en"]
        )
        # The file's CLDR column holds CLDR's short forms for two ("US", "UK"): a person
        # reads the English CLDR name there ("United States"), as every other row has it.
        short = display.str.fullmatch(r"[A-Z]{2,3}")
        display = display.where(~short, cc["ISO3166-1-Alpha-2"].map(english_territory))
        countries = pd.DataFrame(
            {
                "geo_id": cc[iso3],
                "m49": m49_num.astype("Int64"),
                "iso3": cc[iso3],
                "iso2": cc["ISO3166-1-Alpha-2"],
                "name": display,
                "kind": "country",
                "un_region": col("Region Name"),
                "un_subregion": col("Sub-region Name"),
                "ldc": col("Least Developed Countries (LDC)").str.lower().eq("x"),
                "lldc": col("Land Locked Developing Countries (LLDC)").str.lower().eq("x"),
                "sids": col("Small Island Developing States (SIDS)").str.lower().eq("x"),
            }
        )
        extra = pd.DataFrame(
            [
                {"geo_id": code, "m49": m, "iso3": code, "name": name, "kind": "country"}
                for m, (code, name) in NON_ISO_COUNTRIES.items()
            ]
        )
        countries = pd.concat([countries, extra], ignore_index=True)
        countries = countries.merge(self._wb_metadata(), on="iso3", how="left")

        areas_path = self._path(UN_GEO_AREAS)
        areas = read_table(areas_path, required=["geo_area", "name"])
        code = pd.to_numeric(areas["geo_area"], errors="coerce")
        problems = problems_where(
            areas, code.isna(), str(areas_path), "geo_area", "not an M49 code"
        )
        if problems:
            raise LoadError(problems)
        areas = areas.assign(m49=code.astype("Int64"))
        areas = areas[~areas["m49"].isin(countries["m49"].dropna())]
        others = pd.DataFrame(
            {
                "geo_id": [aggregate_id(int(m)) for m in areas["m49"]],
                "m49": areas["m49"],
                "name": areas["name"],
                "kind": [
                    "subnational" if m in SUBNATIONAL_M49 else "aggregate" for m in areas["m49"]
                ],
            }
        )
        geo = pd.concat([countries, others], ignore_index=True)
        return geo.reindex(columns=list(GEO_COLUMNS)).replace({"": None})

    def _wb_metadata(self) -> pd.DataFrame:
        path = self._path(WB_METADATA)
        meta = read_table(path, required=["Country Code", "Region", "IncomeGroup"])
        return pd.DataFrame(
            {
                "iso3": meta["Country Code"].str.strip(),
                "wb_region": meta["Region"].str.strip(),
                "income_group": meta["IncomeGroup"].str.strip(),
            }
        ).query("income_group != ''")

    def un_series(self, geo: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        path = self._path(UN_SERIES)
        name = str(path)
        raw = read_table(path, required=UN_REQUIRED, optional=DIMENSIONS, allow_extra=False)
        year, problems = _check_years(raw, name)
        value, more = _check_values(raw, name)
        problems += more
        m49 = pd.to_numeric(raw["geo_area_code"].str.strip(), errors="coerce")
        bad_code = m49.isna() | (m49 % 1 != 0)
        problems += problems_where(raw, bad_code, name, "geo_area_code", "not an M49 code")
        by_m49 = geo.dropna(subset=["m49"]).set_index("m49")["geo_id"]
        geo_id = m49.map(by_m49)
        unknown = ~bad_code & geo_id.isna()
        problems += problems_where(
            raw, unknown, name, "geo_area_code", "unknown country or area code"
        )
        bad_nature = ~raw["nature"].isin(NATURES)
        problems += problems_where(raw, bad_nature, name, "nature", "unknown nature code")
        empty_series = raw["series_code"].str.strip().eq("")
        problems += problems_where(raw, empty_series, name, "series_code", "series code is empty")
        dims = [d for d in DIMENSIONS if d in raw.columns]
        problems += _check_duplicates(raw, ["series_code", "geo_area_code", "year", *dims], name)
        if problems:
            raise LoadError(problems)

        obs = pd.DataFrame(
            {
                "source": "unsd-bundle",
                "series_code": raw["series_code"].str.strip(),
                "geo_id": geo_id,
                "year": year.astype("int32"),
                "value": value.astype("float64"),
                "value_text": raw["value"].str.strip(),
                "unit": raw["units"],
                "nature": raw["nature"].replace("", None),
            }
        )
        for dim in DIMENSIONS:
            obs[dim] = raw[dim].replace("", None) if dim in raw.columns else None
        series = (
            raw.groupby("series_code", sort=True)
            .agg(indicator=("indicator", "first"), unit=("units", "first"))
            .reset_index()
            .merge(self._un_descriptions(), on="series_code", how="left")
            .assign(source="unsd-bundle")
        )
        return obs.reindex(columns=list(OBSERVATION_COLUMNS)), series.reindex(
            columns=list(SERIES_COLUMNS)
        )

    def _un_descriptions(self) -> pd.DataFrame:
        path = self._path(UN_CATALOG)
        cat = read_table(path, required=["series_code", "series_description"])
        return cat.rename(columns={"series_description": "description"})[
            ["series_code", "description"]
        ]

    def wgi(self, geo: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        path = self._path(WGI)
        name = str(path)
        raw = read_table(path, required=WGI_REQUIRED)
        year, problems = _check_years(raw, name)
        value, more = _check_values(raw, name)
        problems += more
        countries = set(geo.loc[geo["kind"] == "country", "geo_id"])
        unknown = ~raw["iso3"].str.strip().isin(countries)
        problems += problems_where(raw, unknown, name, "iso3", "unknown country code")
        problems += _check_duplicates(raw, ["iso3", "indicator_code", "year"], name)
        if problems:
            raise LoadError(problems)
        obs = pd.DataFrame(
            {
                "source": "wgi-bundle",
                "series_code": raw["indicator_code"].str.strip(),
                "geo_id": raw["iso3"].str.strip(),
                "year": year.astype("int32"),
                "value": value.astype("float64"),
                "value_text": raw["value"].str.strip(),
                "unit": "INDEX",
                "nature": "E",
            }
        ).reindex(columns=list(OBSERVATION_COLUMNS))
        series = (
            raw.groupby("indicator_code", sort=True)
            .agg(description=("indicator_name", "first"))
            .reset_index()
            .rename(columns={"indicator_code": "series_code"})
            .assign(source="wgi-bundle", indicator="WGI", unit="INDEX")
        )
        return obs, series.reindex(columns=list(SERIES_COLUMNS))
