"""Download buttons for the explorer pages: CSV, Excel and Parquet of the rows on screen."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdg16.core.formatting import unit_label
from sdg16.reports import tables
from sdg16.state.roles import Role
from sdg16.ui import cache, guard
from sdg16.ui.explorer import View, code_label, dim_label, share_link
from sdg16.ui.i18n import _, current_lang, num

LABELS = {"csv": "CSV", "xlsx": "Excel", "parquet": "Parquet"}
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


def about(view: View, url_path: str) -> tables.About:
    cat = cache.indicator_catalog()
    f = view.query
    indicator, entry = cat.indicator_of(f.series), cat.series(f.series)
    attribution = (
        _("World Bank, Worldwide Governance Indicators")
        if indicator.source == "wgi"
        else _("UN Statistics Division, SDG Global Database; custodian {custodian}").format(
            custodian=indicator.custodian
        )
    )
    words = tables.describe_filter(
        f.series,
        [view.names.get(g, g) for g in view.geos],
        (f.year_from, f.year_to),
        {dim_label(d): code_label(c) for d, c in f.dims},
        view.region_label,
        current_lang(),
    )
    return tables.About(
        series=f.series,
        title=_(entry.title),
        indicator=f"{indicator.code} {_(indicator.title)}",
        unit=unit_label(entry.unit, current_lang()),
        custodian=indicator.custodian,
        attribution=attribution,
        filters=words,
        link=share_link(url_path, view.link),
    )


def buttons(rows: pd.DataFrame, view: View, url_path: str) -> None:
    """Three buttons, each built from ``rows``: the frame the page just drew."""
    if rows.empty:
        return
    meta = about(view, url_path)
    dims = dict(view.query.dims)
    stem = f"sdg16-{view.query.series}-{url_path}"
    files = {  # made only when clicked, through the guard that writes the audit entry
        "csv": lambda: tables.to_csv(rows, dims),
        "xlsx": lambda: tables.to_excel(rows, meta, dims),
        "parquet": lambda: tables.to_parquet(rows, meta, dims),
    }
    st.caption(
        _("Download the {n} rows shown · filters: {filters}").format(
            n=num(len(rows)), filters=meta.filters
        )
    )
    query = "&".join(f"{k}={v}" for k, v in view.link.to_params().items())
    for col, (ext, make) in zip(st.columns(len(files)), files.items(), strict=True):
        with col:
            guard.guarded_download(
                LABELS[ext],
                Role.ANONYMOUS,
                lambda make=make: (make(), len(rows)),
                file_name=f"{stem}.{ext}",
                mime=MIME[ext],
                filters=query,
                fmt=ext,
                width="stretch",
            )
