"""Download buttons for the explorer pages: CSV, Excel and Parquet of the rows on screen."""

from __future__ import annotations

from collections.abc import Callable

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


def chart_file(
    fig: go.Figure | Callable[[], go.Figure],
    title: str,
    subtitle: str,
    frame: tuple[str, str],
    lang: str,
    fmt: str,
) -> bytes:
    """The chart on screen as PNG or SVG, its title, filters, source and data date drawn in.
    ``fig`` may be a function that draws it for the image's size, called only on click."""
    framed = export.framed(
        fig if isinstance(fig, go.Figure) else fig(), title, subtitle, *frame, lang
    )
    return images.image(framed, fmt, width=1000, height=600)


def chart_files(
    fig: go.Figure | Callable[[], go.Figure], title: str, subtitle: str, rows: pd.DataFrame
) -> dict:
    """{ext: (label, make)} for the chart as PNG and SVG; empty without Chromium to draw it."""
    if not images.chromium_available():
        return {}
    frame, lang = chart_frame(rows), current_lang()
    return {
        ext: (_(label), lambda ext=ext: chart_file(fig, title, subtitle, frame, lang, ext))
        for ext, label in CHART_LABELS.items()
    }


def chart_buttons(
    fig: go.Figure | Callable[[], go.Figure],
    title: str,
    subtitle: str,
    rows: pd.DataFrame,
    *,
    stem: str,
    filters: str,
) -> None:
    """The chart as PNG and SVG on their own (the map page), made on click through the guard."""
    files = chart_files(fig, title, subtitle, rows)
    if not files:
        return
    for col, (ext, (label, make)) in zip(st.columns(len(files)), files.items(), strict=True):
        with col:
            _download(label, make, len(rows), f"{stem}.{ext}", ext, filters)


def _download(label: str, make, n: int, file_name: str, ext: str, filters: str) -> None:
    """A file made on click through the guard (role check and audit entry)."""
    guard.guarded_download(
        label,
        Role.ANONYMOUS,
        lambda: (make(), n),
        file_name=file_name,
        mime=MIME[ext],
        filters=filters,
        fmt=ext,
        width="stretch",
    )


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
    labelled = {ext: (LABELS[ext], make) for ext, make in files.items()}
    if figure is not None:
        labelled |= chart_files(figure, meta.title, meta.filters, rows)
    query = view.link.to_query()
    for col, (ext, (label, make)) in zip(st.columns(len(labelled)), labelled.items(), strict=True):
        with col:
            _download(label, make, len(rows), f"{stem}.{ext}", ext, query)
