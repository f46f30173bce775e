"""Download buttons for the explorer pages: CSV, Excel and Parquet of the rows on screen."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from sdg16.charts import export
from sdg16.core.attribution import attribution
from sdg16.core.formatting import dataset_label, date_text, unit_label
from sdg16.core.i18n import N_
from sdg16.reports import images, tables
from sdg16.services.filters import describe
from sdg16.state.roles import Role
from sdg16.ui import cache, guard
from sdg16.ui.explorer import View, share_link
from sdg16.ui.i18n import _, current_lang, num

LABELS = {"csv": "CSV", "xlsx": "Excel", "parquet": "Parquet"}
CHART_LABELS = {"png": N_("Chart (PNG)"), "svg": N_("Chart (SVG)")}
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def about(view: View, url_path: str) -> tables.About:
    cat = cache.indicator_catalog()
    f = view.query
    indicator, entry = cat.indicator_of(f.series), cat.series(f.series)
    lines = describe(
        f.update(geo=tuple(view.geos)),
        current_lang(),
        db=cache.database(),
        catalog=cat,
        names=view.names,
        region_label=view.region_label,
    )
    return tables.About(
        series=f.series,
        title=_(entry.title),
        indicator=f"{indicator.code} {_(indicator.title)}",
        unit=unit_label(entry.unit, current_lang()),
        custodian=indicator.custodian,
        attribution=attribution(current_lang(), indicator),
        filters="; ".join(lines),
        link=share_link(url_path, view.link),
    )


def chart_frame(rows: pd.DataFrame) -> tuple[str, str]:
    """(sources, data date) for the chart image, in the page's language. Read while the page
    runs: the image is made on click, outside the run (no URL, so no language, there)."""
    lang = current_lang()
    fresh = cache.freshness()
    loaded = fresh[fresh["dataset"].isin(set(rows["source"]))]["loaded_at"]
    when = date_text(loaded.max(), lang) if len(loaded) else ""
    return "; ".join(sorted({_(dataset_label(s)) for s in rows["source"]})), when


def chart_file(fig: go.Figure, meta: tables.About, frame: tuple[str, str], lang: str, fmt: str):
    """The chart on screen as PNG or SVG, its title, filters, source and data date drawn in."""
    framed = export.framed(fig, meta.title, meta.filters, *frame, lang)
    return images.image(framed, fmt, width=1000, height=600)


def buttons(rows: pd.DataFrame, view: View, url_path: str, figure: go.Figure | None = None) -> None:
    """Buttons, each built from ``rows`` (the frame the page just drew) and, when given, the
    chart drawn from them as PNG and SVG."""
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
    labels = dict(LABELS)
    if figure is not None and images.chromium_available():
        frame, lang = chart_frame(rows), current_lang()
        for ext, label in CHART_LABELS.items():
            files[ext] = lambda ext=ext: chart_file(figure, meta, frame, lang, ext)
            labels[ext] = _(label)
    query = view.link.to_query()
    for col, (ext, make) in zip(st.columns(len(files)), files.items(), strict=True):
        with col:
            guard.guarded_download(
                labels[ext],
                Role.ANONYMOUS,
                lambda make=make: (make(), len(rows)),
                file_name=f"{stem}.{ext}",
                mime=MIME[ext],
                filters=query,
                fmt=ext,
                width="stretch",
            )
