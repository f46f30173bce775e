"""What is in the store: geographies, load log, freshness, counts."""

from __future__ import annotations

import pandas as pd

from sdg16.queries.db import ReadOnlyDatabase


def geographies(db: ReadOnlyDatabase, kind: str | None = None) -> pd.DataFrame:
    """The reference table; ``kind`` is country, aggregate or subnational."""
    sql = "SELECT * FROM geo"
    params: list = []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    return db.query(sql + " ORDER BY kind, name", params)


def geographies_with_data(db: ReadOnlyDatabase) -> pd.DataFrame:
    """Geographies that have at least one observation: geo_id, name, kind."""
    return db.query(
        "SELECT geo_id, name, kind FROM geo"
        " WHERE geo_id IN (SELECT DISTINCT geo_id FROM observation) ORDER BY kind, name"
    )


def load_log(db: ReadOnlyDatabase, limit: int = 200) -> pd.DataFrame:
    """Newest first."""
    return db.query(
        "SELECT * FROM load_log ORDER BY load_id DESC, location LIMIT ?",
        [limit],
    )


def freshness(db: ReadOnlyDatabase) -> pd.DataFrame:
    """Per dataset: rows stored, when it was last loaded and from where."""
    return db.query(
        """
        SELECT s.source AS dataset, count(DISTINCT s.series_code) AS series,
               max(l.finished_at) AS loaded_at, any_value(l.source) AS loader,
               (SELECT count(*) FROM observation o WHERE o.source = s.source) AS observations
        FROM series s JOIN load_log l ON l.load_id = s.load_id AND l.outcome = 'ok'
        GROUP BY s.source ORDER BY s.source
        """
    )


def status(db: ReadOnlyDatabase) -> dict:
    """The summary ``python -m loaders status --json`` prints."""
    counts = db.query(
        """
        SELECT (SELECT count(DISTINCT series_code) FROM series) AS series,
               (SELECT count(*) FROM observation) AS observations,
               (SELECT count(DISTINCT o.geo_id) FROM observation o JOIN geo g USING (geo_id)
                 WHERE g.kind = 'country') AS countries,
               (SELECT count(DISTINCT o.geo_id) FROM observation o JOIN geo g USING (geo_id)
                 WHERE g.kind <> 'country') AS aggregates
        """
    ).iloc[0]
    log = load_log(db)
    for col in ("started_at", "finished_at"):
        log[col] = log[col].map(lambda t: t.isoformat() + "Z" if pd.notna(t) else None)
    log = log.astype(object).where(log.notna(), None)
    return {
        "database": str(db.path),
        "series": int(counts["series"]),
        "observations": int(counts["observations"]),
        "countries": int(counts["countries"]),
        "aggregates": int(counts["aggregates"]),
        "sources": log.to_dict(orient="records"),
    }


# Region filters: UN regions and sub-regions, World Bank regions, World Bank income groups.
REGION_GROUPS = (
    ("un", "un_region", "UN region"),
    ("un", "un_subregion", "UN sub-region"),
    ("wb", "wb_region", "World Bank region"),
    ("income", "income_group", "Income group"),
)


def _slug(prefix: str, name: str) -> str:
    return prefix + "-" + "-".join("".join(c if c.isalnum() else " " for c in name).lower().split())


def regions(db: ReadOnlyDatabase) -> pd.DataFrame:
    """Every region code usable in ``?region=``: code, label, group, column, name, countries."""
    rows = []
    for prefix, column, group in REGION_GROUPS:
        counts = db.query(
            f"SELECT {column} AS name, count(*) AS countries FROM geo"
            f" WHERE kind = 'country' AND {column} IS NOT NULL GROUP BY 1 ORDER BY 1"
        )
        for rec in counts.itertuples(index=False):
            rows.append(
                {
                    "code": _slug(prefix, rec.name),
                    "label": rec.name,
                    "group": group,
                    "column": column,
                    "countries": int(rec.countries),
                }
            )
    return pd.DataFrame(rows).drop_duplicates("code")


def region_members(db: ReadOnlyDatabase, region_code: str) -> list[str]:
    """ISO3 codes of the countries in a region code from ``regions``; [] if unknown."""
    table = regions(db)
    found = table[table["code"] == region_code]
    if found.empty:
        return []
    column, name = found.iloc[0]["column"], found.iloc[0]["label"]
    members = db.query(
        f"SELECT geo_id FROM geo WHERE kind = 'country' AND {column} = ? ORDER BY geo_id", [name]
    )
    return members["geo_id"].tolist()
