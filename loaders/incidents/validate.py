"""The validator every importer shares: raw rows in, (good rows, quarantined rows) out.

A format module only renames its columns to ``RAW_FIELDS`` (all text, as written); everything
else happens here, the same way for every source: ids, dates, coordinates (decimal commas too),
categories through the taxonomy, admin areas from names in English or Arabic or from the point.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime, timedelta

import h3
import numpy as np
import pandas as pd
import pycountry

from loaders.incidents import areas
from loaders.incidents.model import (
    FLAG_COLUMNS,
    H3_RESOLUTIONS,
    INCIDENT_COLUMNS,
    QUARANTINE_COLUMNS,
)
from loaders.tables import FIELDS_COLUMN, MAX_CELL
from sdg16.core.taxonomy import UnknownLabel, get

RAW_FIELDS = (
    "source_id", "occurred", "reported", "country", "admin1", "admin2", "place_name", "lat",
    "lon", "types", "place_type", "institution", "reporter_role", "gender", "age_group",
    "description", "verification",
)  # fmt: skip
EARLIEST = datetime(1980, 1, 1)  # nothing in scope happened before this: a typo or 01/01/0001
_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]+)?", re.ASCII)
# ISO 3166 alpha-3, plus the user-assigned code the World Bank and UN data use for Kosovo.
EXTRA_COUNTRIES = frozenset({"XKX"})
BORDER_SLACK_DEG = 0.02  # about 2 km: how far outside its stated area a point may lie


class Reject(ValueError):
    def __init__(self, field: str, reason: str):
        self.field, self.reason = field, reason
        super().__init__(reason)


def parse_number(text: str, field: str) -> float:
    """A coordinate as written: '30.06', '30,06' (decimal comma), ' 31.2 '."""
    t = text.strip().replace("\u066b", ".")  # Arabic decimal separator
    if not _NUMBER.fullmatch(t):
        raise Reject(field, f"unparseable coordinate {text!r}")
    return float(t.replace(",", "."))


def split_location(text: str) -> tuple[str, str]:
    """'lat,lon' with dot decimals, or 'la,ti,lo,ng' with decimal commas (HarassMap)."""
    parts = [p.strip() for p in re.split(r"[,;]", text.strip())]
    if len(parts) == 2:
        return parts[0], parts[1]
    if len(parts) == 4:
        return f"{parts[0]}.{parts[1]}", f"{parts[2]}.{parts[3]}"
    raise Reject("location", f"unparseable coordinates {text!r}")


def parse_datetime(text: str, formats: Sequence[str], field: str) -> datetime:
    t = " ".join(text.strip().split())
    for fmt in formats:
        try:
            return datetime.strptime(t, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(t.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        raise Reject(field, f"unparseable date {text!r}") from None


def known_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def _shape(raw: dict) -> None:
    """Rows the reader marked (tables.FIELDS_COLUMN) and cells too long to be a report."""
    written = raw.get("_raw") or {}
    extra = written.get(FIELDS_COLUMN)
    if extra:
        header = len(written) - 1
        raise Reject(
            "(row)",
            f"columns shifted: this row has {extra} fields but the header has {header} (an "
            "unquoted comma, e.g. a decimal comma in a number, or a comma in the text?)",
        )
    for key, value in written.items():
        if isinstance(value, str) and len(value) > MAX_CELL:
            raise Reject(str(key), f"{len(value):,} characters; at most {MAX_CELL:,} per cell")


def _row(raw: dict, source: str, formats: Sequence[str], now: datetime) -> dict:
    tax = get()
    _shape(raw)
    sid = (raw.get("source_id") or "").strip()
    if not sid:
        raise Reject("source_id", "missing id")
    country = (raw.get("country") or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", country, re.ASCII) or not known_country(country):
        raise Reject("country", f"unknown country {raw.get('country')!r} (not ISO 3166 alpha-3)")
    if not (raw.get("occurred") or "").strip():
        raise Reject("occurred", "unparseable date (empty)")
    occurred = parse_datetime(raw["occurred"], formats, "occurred")
    reported = None
    if (raw.get("reported") or "").strip():
        reported = parse_datetime(raw["reported"], formats, "reported")
    if occurred > now:
        raise Reject("occurred", f"future date {occurred:%Y-%m-%d}")
    if occurred < EARLIEST:
        raise Reject("occurred", f"impossible date {occurred:%Y-%m-%d}")
    if reported is not None and reported > now:
        raise Reject("reported", f"future date {reported:%Y-%m-%d}")
    # A day's slack: sites stored report times in UTC and incident times in local time.
    if reported is not None and occurred > reported + timedelta(days=1):
        raise Reject("occurred", "impossible date: occurred after it was reported")
    lat = lon = np.nan
    if (raw.get("lat") or "").strip() or (raw.get("lon") or "").strip():
        lat, lon = parse_number(raw.get("lat", ""), "lat"), parse_number(raw.get("lon", ""), "lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise Reject("location", f"coordinates out of range ({lat}, {lon})")
        if not areas.inside_country(country, np.array([lat]), np.array([lon]))[0]:
            raise Reject("location", f"coordinates outside {country} ({lat:.4f}, {lon:.4f})")
    try:
        types = tax.incident_types(source, raw.get("types") or [])
    except UnknownLabel as exc:
        raise Reject("types", f"unknown category {exc}") from None
    try:
        place = tax.place_type(source, raw.get("place_type") or "")
    except UnknownLabel as exc:
        raise Reject("place_type", f"unknown place type {exc}") from None
    try:
        role = tax.reporter_role(source, raw.get("reporter_role") or "")
    except UnknownLabel as exc:
        raise Reject("reporter_role", f"unknown reporter role {exc}") from None
    text = (raw.get("description") or "").strip()
    if not types and not text:
        raise Reject("types", "empty report: no category and no description")
    admin1 = areas.admin1_code(country, raw.get("admin1") or "")
    notes = []
    if not np.isnan(lat):
        found = areas.locate(country, np.array([lat]), np.array([lon]))[0]
        off = areas.distance_deg(country, admin1, lat, lon) if admin1 and found else None
        # Within BORDER_SLACK_DEG of the stated area (1:10m borders, the Nile between Cairo
        # and Giza) the stated area stands; beyond it the point wins.
        if off is not None and off > BORDER_SLACK_DEG and found != admin1:
            # The point is the more precise statement: it wins, and the row says so.
            notes.append(
                f"stated area {raw.get('admin1')!r} ({admin1}) does not contain the point "
                f"({lat:.4f}, {lon:.4f}), which is in {found}: stored under {found}"
            )
            admin1 = found
        else:
            admin1 = admin1 or found
    cells = {f"h3_{r}": None for r in H3_RESOLUTIONS}
    if not np.isnan(lat):
        cells = {f"h3_{r}": h3.str_to_int(h3.latlng_to_cell(lat, lon, r)) for r in H3_RESOLUTIONS}

    def opt(key: str) -> str | None:
        value = (raw.get(key) or "").strip()
        return value or None

    return {
        "source": source,
        "source_id": sid,
        "occurred_at": occurred,
        "reported_at": reported,
        "country": country,
        "admin1": admin1,
        "admin2": opt("admin2"),
        "place_name": opt("place_name"),
        "lat": lat,
        "lon": lon,
        "incident_types": types or ["unspecified"],
        "place_type": place,
        "institution": opt("institution"),
        "reporter_role": role,
        "gender": opt("gender"),
        "age_group": opt("age_group"),
        "description": text or None,
        "verification": opt("verification") or "unverified",
        "synthetic": False,
        **cells,
        "_notes": notes,
    }


def validate(
    rows: list[dict], source: str, location: str, formats: Sequence[str] = ()
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Check every row; ``rows[i]`` holds RAW_FIELDS plus ``_raw`` (the row as read).

    Returns (good rows, quarantined rows, flags): a flag notes a correction made to a row
    that loaded (the point's admin area won over the stated one), FLAG_COLUMNS."""
    now = datetime.now()
    good, bad, flags, seen = [], [], [], set()
    for i, raw in enumerate(rows, start=1):
        sid = (raw.get("source_id") or "").strip()
        try:
            if sid and sid in seen:
                raise Reject("source_id", f"duplicate id {sid} in this file")
            row = _row(raw, source, formats, now)
        except Reject as exc:
            bad.append(
                {
                    "source": source,
                    "source_id": sid or None,
                    "location": location,
                    "row_no": i,
                    "field": exc.field,
                    "reason": exc.reason,
                    "raw": json.dumps(raw.get("_raw", {}), ensure_ascii=False, default=str),
                }
            )
        else:
            flags += [(source, sid, location, i, "admin1", text) for text in row.pop("_notes")]
            good.append(row)
        seen.add(sid)
    incidents = pd.DataFrame(good, columns=list(INCIDENT_COLUMNS))
    for col in (f"h3_{r}" for r in H3_RESOLUTIONS):
        incidents[col] = incidents[col].astype("UInt64")
    return (
        incidents,
        pd.DataFrame(bad, columns=list(QUARANTINE_COLUMNS)),
        pd.DataFrame(flags, columns=list(FLAG_COLUMNS)),
    )
