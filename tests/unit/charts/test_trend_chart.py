"""The trend figure and the download builders, on real rows from the store."""

from __future__ import annotations

import io

import pandas as pd

from sdg16.charts.trends import MAX_LINES, trend_figure
from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.queries import explorer
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.indicators import observations
from sdg16.reports import tables


def _rows(db: ReadOnlyDatabase, series: str, geo: tuple[str, ...]) -> pd.DataFrame:
    return observations(db, Filter(series=series, geo=geo), catalog.get())


def test_markers_tell_country_data_from_estimates(db: ReadOnlyDatabase) -> None:
    rows = _rows(db, "IU_COR_BRIB", ("MEX", "HND"))
    fig = trend_figure(rows, ["MEX", "HND"], "Bribery prevalence", "%")
    for trace in fig.data:
        natures = rows[rows["geo_name"] == trace.name].sort_values("year")["nature"]
        expected = ["circle" if n in ("C", "CA") else "circle-open" for n in natures]
        assert list(trace.marker.symbol) == expected
    assert {"circle", "circle-open"} <= {s for t in fig.data for s in t.marker.symbol}


def test_hover_names_value_unit_year_and_source(db: ReadOnlyDatabase) -> None:
    rows = _rows(db, "VC_IHR_PSRC", ("MEX",))
    trace = trend_figure(rows, ["MEX"], "Homicide rate", "per 100,000 population").data[0]
    assert "%{x}" in trace.hovertemplate  # the year
    value, nature, source = trace.customdata[-1]
    assert value == "28.18 per 100,000 population"  # 2021 in the bundle
    assert nature == "country data"
    assert source.startswith("Source: UN Statistics Division, SDG Global Database")


def test_aggregates_are_dotted_and_named_and_lines_are_capped(db: ReadOnlyDatabase) -> None:
    geos = explorer.default_countries(
        explorer.series_geographies(db, Filter(series="VC_IHR_PSRC"), catalog.get()), None, 20
    )
    rows = _rows(db, "VC_IHR_PSRC", (*geos, "UN419"))
    fig = trend_figure(rows, ["UN419", *geos], "Homicide rate", "per 100,000 population")
    assert len(fig.data) == MAX_LINES
    assert fig.data[0].name == "Latin America and the Caribbean (aggregate)"
    assert fig.data[0].line.dash == "dot" and fig.data[1].line.dash == "solid"


def test_dimension_values_list_the_series_own_codes(db: ReadOnlyDatabase) -> None:
    found = explorer.dimension_values(db, "VC_IHR_PSRC")
    assert set(zip(found["dimension"], found["code"], strict=True)) == {
        ("sex", "BOTHSEX"),
        ("sex", "FEMALE"),
        ("sex", "MALE"),
    }
    everything = explorer.dimension_values(db)
    assert {"age", "sex", "location"} <= set(everything["dimension"])


def test_excel_has_data_and_about_sheets_and_csv_keeps_source_text(db) -> None:
    rows = _rows(db, "VC_IHR_PSRC", ("MEX", "SLV"))
    about = tables.About(
        "VC_IHR_PSRC", "Homicide rate", "16.1.1", "per 100,000", "UNODC", "x", "f", "l"
    )
    book = pd.read_excel(io.BytesIO(tables.to_excel(rows, about, {"sex": "BOTHSEX"})), None)
    assert list(book) == ["Data", "About"]
    assert len(book["Data"]) == len(rows) and set(book["Data"]["sex"]) == {"BOTHSEX"}
    csv = pd.read_csv(io.BytesIO(tables.to_csv(rows)), dtype={"value_text": str})
    assert csv["value_text"].tolist() == rows["value_text"].tolist()
