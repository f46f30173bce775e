"""UCDP Georeferenced Event Dataset (GED) events, as a second, security-incident source.

Reads the GED CSV (``latitude``/``longitude`` columns) or its GeoJSON form (Point geometry).
Each event is one report of type ``armed_conflict``; ``where_prec`` > 1 means the point is only
approximate, which is kept in ``verification``. Countries are GED names ("DR Congo (Zaire)").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry

from loaders.base import LoadError, Problem
from loaders.tables import read_table, require

SOURCE = "ucdp"
SIGNATURE = {"id", "type_of_violence", "date_start", "where_prec"}
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S")
VIOLENCE = {"1": "state-based", "2": "non-state", "3": "one-sided"}
# GED names pycountry does not resolve after the bracketed old name is dropped.
ALIASES = {
    "DR Congo": "COD",
    "Ivory Coast": "CIV",
    "Bosnia-Herzegovina": "BIH",
    "Kingdom of eSwatini": "SWZ",
    "Macedonia, FYR": "MKD",
    "Russia": "RUS",
    "Serbia": "SRB",
    "Turkey": "TUR",
}


def iso3(name: str) -> str:
    """ISO3 of a GED country name, or the name itself (the validator then rejects it)."""
    short = re.sub(r"\s*\(.*\)\s*$", "", name).strip()
    if short in ALIASES:
        return ALIASES[short]
    try:
        return pycountry.countries.lookup(short).alpha_3
    except LookupError:
        return name


def _records(path: Path) -> list[dict]:
    if path.suffix.lower() in (".geojson", ".json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError) as exc:
            raise LoadError(Problem(str(path), f"not GeoJSON: {exc}")) from exc
        out = []
        for feat in data.get("features", []):
            rec = {k: "" if v is None else str(v) for k, v in feat["properties"].items()}
            coords = (feat.get("geometry") or {}).get("coordinates") or ["", ""]
            rec["longitude"], rec["latitude"] = str(coords[0]), str(coords[1])
            out.append(rec)
        return out
    frame = read_table(path)
    require(frame, path, SIGNATURE)
    return frame.to_dict(orient="records")


def raw_rows(path: Path) -> list[dict]:
    rows = []
    for rec in _records(path):
        kind = VIOLENCE.get(str(rec.get("type_of_violence", "")), "unknown type")
        rows.append(
            {
                "source_id": str(rec.get("id", "")),
                "occurred": rec.get("date_start", ""),
                "country": iso3(rec.get("country", "")),
                "admin1": rec.get("adm_1", ""),
                "admin2": rec.get("adm_2", ""),
                "place_name": rec.get("where_description", ""),
                "lat": rec.get("latitude", ""),
                "lon": rec.get("longitude", ""),
                "types": ["armed_conflict"],
                "description": f"{kind} violence: {rec.get('dyad_name', '')}; "
                f"best estimate {rec.get('best', '?')} deaths",
                "verification": f"UCDP where_prec={rec.get('where_prec', '?')}",
                "_raw": {k: rec.get(k) for k in ("id", "date_start", "country", "latitude")},
            }
        )
    return rows
