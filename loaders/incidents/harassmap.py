"""HarassMap's report export (bundle: incidents/harassmap_egypt_reports_2010-2016.csv).

Quirks handled: header names with trailing spaces and typos ("addess/description"),
``location`` as "lat,lon" with decimal commas ("30,062519,31,219625"), governorates in English
or Arabic, multi-label ``categories`` with typos. All reports are from Egypt.
"""

from __future__ import annotations

from pathlib import Path

from loaders.incidents.validate import Reject, split_location
from loaders.tables import read_table, require

SOURCE = "harassmap"
SIGNATURE = {"report_number", "incident_date", "categories", "location"}
DATE_FORMATS = ("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y")


def raw_rows(path: Path) -> list[dict]:
    frame = read_table(path)
    require(frame, path, SIGNATURE)
    rows = []
    for rec in frame.to_dict(orient="records"):
        lat = lon = ""
        if rec["location"].strip():
            try:
                lat, lon = split_location(rec["location"])
            except Reject:
                lat, lon = rec["location"], "?"  # the validator names it unparseable
        rows.append(
            {
                "source_id": rec["report_number"],
                "occurred": rec["incident_date"],
                "reported": rec.get("report_date_time", ""),
                "country": "EGY",
                "admin1": rec.get("governorate", ""),
                "admin2": rec.get("city/town", ""),
                "place_name": rec.get("place", "") or rec.get("addess/description", ""),
                "lat": lat,
                "lon": lon,
                "types": rec["categories"].split(","),
                "place_type": rec.get("incident_place_type", ""),
                "reporter_role": rec.get("reporter_state", ""),
                "gender": rec.get("gender_harassed", ""),
                "age_group": rec.get("age_harassed", ""),
                "description": " ".join(
                    t for t in (rec.get("title", ""), rec.get("description", "")) if t.strip()
                ),
                "_raw": rec,
            }
        )
    return rows
