"""The progress of catalog series in chosen places: the store read through ``sdg16.queries``,
targets and directions from the catalog, both measures side by side (one row per series x geo).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sdg16.core.catalog import Catalog
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.queries.progress import headline_series
from sdg16.services.analytics import anticipated as api
from sdg16.services.analytics import progress


def spec(catalog: Catalog, code: str) -> progress.Spec:
    entry, p = catalog.series(code), catalog.progress(code)
    if p is None:
        return progress.Spec(higher_is_better=entry.higher_is_better)
    return progress.Spec(
        higher_is_better=entry.higher_is_better,
        target=p.target,
        target_year=p.target_year,
        base_year=p.base_year,
        limit=p.limit,
        assess=p.assess,
    )


def assess(
    db: ReadOnlyDatabase,
    catalog: Catalog,
    geos: Sequence[str],
    series: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every requested (series, geo), also those without data (status not_available, no_data).

    Columns: ``progress.COLUMNS`` + indicator, title, unit, geo_name, source, target_source, years,
    values (the observations that produced it), api_predicted, api_index, api_status, api_note;
    in catalog then geo order.
    """
    codes = list(series) if series else [s.code for s in catalog.all_series()]
    obs = headline_series(db, catalog, codes, list(geos))
    names = dict(zip(obs["geo"], obs["geo_name"], strict=False))
    # One pass over the rows (ordered by series, geo, year): no frame filtering per pair.
    groups: dict[tuple[str, str], tuple[list[int], list[float], set[str]]] = {}
    for code, geo, year, value, source in zip(
        obs["series"], obs["geo"], obs["year"], obs["value"], obs["source"], strict=True
    ):
        years, values, sources = groups.setdefault((code, geo), ([], [], set()))
        years.append(int(year))
        values.append(float(value))
        sources.add(source)
    rows = []
    for code in codes:
        sp = spec(catalog, code)
        p = catalog.progress(code)
        entry, indicator = catalog.series(code), catalog.indicator_of(code).code
        for geo in geos:
            years, values, sources = groups.get((code, geo), ([], [], set()))
            r = progress.measure(years, values, sp)
            a = api.anticipated(years, values, sp.target, sp.higher_is_better, sp.target_year)
            rows.append(
                {
                    "series": code,
                    "geo": geo,
                    **{k: v for k, v in r.__dict__.items() if k != "notes"},
                    "notes": ";".join(r.notes),
                    "indicator": indicator,
                    "title": entry.title,
                    "unit": entry.unit,
                    "geo_name": names.get(geo, geo),
                    "source": ";".join(sorted(sources)),
                    "target_source": p.source if p else "",
                    "years": years,
                    "values": values,
                    "api_predicted": a.predicted,
                    "api_index": a.index,
                    "api_status": a.status if sp.assess else "not_available",
                    "api_note": a.note if sp.assess else "not_assessed",
                }
            )
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    return frame.astype({"base_year": "Int64", "current_year": "Int64", "target_year": "Int64"})
