"""A KoBoToolbox export of the project's incident form ("CSV (legacy)": ';'-separated, XML
names or labels as headers; XLSX works too). The form's questions are listed in
docs/incident-template.md. ``_geolocation`` ("[lat, lon]") and ``_submission_time`` are
KoBo's own system columns; a select_multiple answer is space-separated choice names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from loaders.tables import read_table, require

SOURCE = "kobo"
SIGNATURE = {"_id", "_submission_time", "incident_date", "incident_types"}
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def _table(path: Path) -> pd.DataFrame:
    frame = read_table(path, sep=None)  # "CSV (legacy)" is ';'-separated
    # Group paths ("report/incident_date") are dropped: the names below are unique in the form.
    frame.columns = [str(c).strip().split("/")[-1] for c in frame.columns]
    return frame.loc[:, ~frame.columns.duplicated()]


def _point(rec: dict) -> tuple[str, str]:
    geo = rec.get("location", "") or ""
    if geo.strip():  # a geopoint: "lat lon alt acc"
        parts = geo.split()
        return (parts[0], parts[1]) if len(parts) >= 2 else (geo, "?")
    nums = re.findall(r"-?\d+(?:\.\d+)?", rec.get("_geolocation", "") or "")
    return (nums[0], nums[1]) if len(nums) == 2 else ("", "")


def raw_rows(path: Path) -> list[dict]:
    frame = _table(path)
    require(frame, path, SIGNATURE)
    return [to_raw(rec) for rec in frame.to_dict(orient="records")]


def to_raw(rec: dict) -> dict:
    """One submission (export row, or API result with its keys flattened) as RAW_FIELDS."""
    lat, lon = _point(rec)
    status = rec.get("_validation_status", "")
    return {
        "source_id": rec.get("_id", ""),
        "occurred": rec.get("incident_date", ""),
        "reported": rec.get("_submission_time", "").replace("T", " ")[:19],
        "country": rec.get("country", ""),
        "admin1": rec.get("admin1", ""),
        "admin2": rec.get("admin2", ""),
        "place_name": rec.get("place_name", ""),
        "lat": lat,
        "lon": lon,
        "types": rec.get("incident_types", "").split(),
        "place_type": rec.get("place_type", "").replace("_", " "),
        "institution": rec.get("institution", ""),
        "reporter_role": rec.get("reporter_role", ""),
        "description": rec.get("description", ""),
        "verification": "verified" if "approved" in status else "unverified",
        "_raw": rec,
    }
