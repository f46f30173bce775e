"""Downloads of exactly the rows on screen: CSV, Excel (with an "About" sheet) and Parquet.

Every builder takes the frame the page drew (an ``indicators.observations`` frame), so a
download can never hold other rows than the screen. Pure: no Streamlit here.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from sdg16.core import spreadsheet
from sdg16.core.dimensions import kind_label
from sdg16.core.formatting import dataset_label, nature_label, unit_label
from sdg16.core.i18n import N_, gettext
from sdg16.reports.xlsx import Sheet, workbook

# The human view of the rows, in the order the screen shows them.
SCREEN_COLUMNS = {
    "geo_name": N_("Country or area"),
    "geo_kind": N_("Type"),
    "year": N_("Year"),
    "value": N_("Value"),
    "unit_label": N_("Unit"),
    "nature_label": N_("Data type"),
    "source_label": N_("Source"),
    "iso3": N_("Code"),
    "series": N_("Series"),
    "nature": N_("Nature code"),
}
EXPORT_COLUMNS = [
    "series",
    "iso3",
    "geo_name",
    "geo_kind",
    "year",
    "value",
    "value_text",
    "unit",
    "nature",
    "nature_label",
    "source",
]


@dataclass(frozen=True)
class About:
    """What the "About" sheet (and the Parquet metadata) says about the rows."""

    series: str
    title: str
    indicator: str
    unit: str
    custodian: str
    attribution: str
    filters: str  # the filters in plain words
    link: str  # the URL that reopens this view


def screen_frame(rows: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The table the page shows, headings and labels in ``lang``: human columns, then codes."""
    out = rows.assign(
        unit_label=rows["unit"].map(lambda u: unit_label(u, lang) if isinstance(u, str) else ""),
        nature_label=rows["nature"].map(lambda n: nature_label(n, lang)),
        source_label=rows["source"].map(lambda s: gettext(lang, dataset_label(s))),
        geo_kind=rows["geo_kind"].map(lambda k: kind_label(k, lang)),
    )
    names = {k: gettext(lang, v) for k, v in SCREEN_COLUMNS.items()}
    return out[list(SCREEN_COLUMNS)].rename(columns=names).reset_index(drop=True)


def export_frame(rows: pd.DataFrame, dims: dict[str, str] | None = None) -> pd.DataFrame:
    """The downloaded rows: the number and the value exactly as the source wrote it, codes and
    labels, and one column per disaggregation the rows were filtered on (e.g. sex)."""
    out = rows.assign(nature_label=rows["nature"].map(nature_label))[EXPORT_COLUMNS]
    for dim, code in sorted((dims or {}).items()):
        out[dim] = code
    return out.reset_index(drop=True)


def to_csv(rows: pd.DataFrame, dims: dict[str, str] | None = None) -> bytes:
    return spreadsheet.csv_bytes(export_frame(rows, dims))


def _about_rows(about: About, n_rows: int, sources: list[str]) -> list[tuple[str, str]]:
    return [
        ("Series", about.series),
        ("Title", about.title),
        ("Indicator", about.indicator),
        ("Unit", about.unit),
        ("Custodian agency", about.custodian),
        ("Source dataset", "; ".join(dataset_label(s) for s in sources) or "none"),
        ("Attribution", about.attribution),
        ("Filters", about.filters),
        ("Link to this view", about.link),
        ("Rows", str(n_rows)),
        ("Value columns", "value = number; value_text = exactly as the source wrote it"),
        ("Downloaded", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
    ]


def to_excel(rows: pd.DataFrame, about: About, dims: dict[str, str] | None = None) -> bytes:
    """A workbook with the rows on a "Data" sheet and the metadata on an "About" sheet."""
    data = export_frame(rows, dims)
    meta = pd.DataFrame(
        _about_rows(about, len(data), sorted(rows["source"].dropna().unique())),
        columns=["Field", "Value"],
    )
    return workbook(
        [
            Sheet("Data", data, ((0, len(data.columns) - 1, 14),), freeze_header=True),
            Sheet("About", meta, ((0, 0, 20), (1, 1, 100))),
        ]
    )


def to_parquet(rows: pd.DataFrame, about: About, dims: dict[str, str] | None = None) -> bytes:
    """Parquet with the same columns; the About fields travel in the file's metadata."""
    table = pa.Table.from_pandas(export_frame(rows, dims), preserve_index=False)
    about_json = json.dumps(dict(_about_rows(about, table.num_rows, sorted(set(rows["source"])))))
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), b"sdg16.about": about_json.encode("utf-8")}
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()
