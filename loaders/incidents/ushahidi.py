"""An Ushahidi platform CSV export (or its import sample: ``title, name, date, location, details``).

Ushahidi deployments serve one country, which the export does not name: pass ``country``.
Column names vary between versions, so each field is looked up under its known spellings.
Rows without an id get one derived from their content, so a re-import is still a no-op.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from loaders.base import LoadError, Problem
from loaders.tables import read_table

SOURCE = "ushahidi"
SIGNATURE = {"Post ID", "Title", "Description"}
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%m/%d/%Y %H:%M", "%d/%m/%Y")
FIELDS = {
    "source_id": ("post id", "id"),
    "occurred": ("post date (utc)", "post date", "date", "created (utc)"),
    "reported": ("created (utc)", "created"),
    "place_name": ("location", "location name"),
    "lat": ("location.lat", "lat", "latitude"),
    "lon": ("location.lon", "lon", "longitude"),
    "types": ("categories", "category"),
    "description": ("description", "details", "content"),
    "title": ("title",),
    "verification": ("post status", "status"),
}


def _pick(rec: dict, names: tuple[str, ...]) -> str:
    lower = {k.strip().lower(): v for k, v in rec.items()}
    return next((lower[n] for n in names if n in lower), "").strip()


def raw_rows(path: Path, country: str | None = None) -> list[dict]:
    if not country:
        raise LoadError(Problem(str(path), "Ushahidi exports do not name the country: give it"))
    frame = read_table(path)
    rows = []
    for rec in frame.to_dict(orient="records"):
        row = {k: _pick(rec, names) for k, names in FIELDS.items()}
        if not row["source_id"]:
            row["source_id"] = (
                "h" + hashlib.sha1(repr(sorted(rec.items())).encode()).hexdigest()[:16]
            )
        title = row.pop("title")
        row["description"] = " ".join(t for t in (title, row["description"]) if t)
        row["types"] = [t for t in row["types"].split(",") if t.strip()]
        row.update(country=country, _raw=rec)
        rows.append(row)
    return rows
