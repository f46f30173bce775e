"""The project's own CSV/XLSX template (documented in docs/incident-template.md).

One row per report; ``incident_types`` holds one or more codes or labels separated by ';'.
Coordinates may use decimal commas; dates are ISO (2024-03-05 or 2024-03-05T18:30) or
DD/MM/YYYY [HH:MM].
"""

from __future__ import annotations

from pathlib import Path

from loaders.incidents.tables import read_table, require

SOURCE = "template"
SIGNATURE = {"id", "occurred_at", "country", "incident_types"}
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y")
# Optional columns kept under their own name (reported_at is renamed to reported below).
OPTIONAL = (
    "admin1", "admin2", "place_name", "lat", "lon", "place_type", "institution",
    "reporter_role", "gender", "age_group", "description", "verification",
)  # fmt: skip


def raw_rows(path: Path) -> list[dict]:
    frame = read_table(path)
    require(frame, path, SIGNATURE)
    rows = []
    for rec in frame.to_dict(orient="records"):
        row = {k: rec.get(k, "") for k in OPTIONAL}
        row.update(
            source_id=rec["id"],
            occurred=rec["occurred_at"],
            reported=rec.get("reported_at", ""),
            country=rec["country"],
            types=[t for t in rec["incident_types"].split(";")],
            _raw=rec,
        )
        rows.append(row)
    return rows
