"""What each role receives from the incident store: queries, then the privacy rules
(``privacy.py``): small counts merged or dropped, and ``PRIVATE_COLUMNS`` stripped from every
frame a role below analyst gets.

Everything the incident pages show comes through here (via sdg16/ui/cache.py), so the rules
in sdg16/services/privacy.py hold for every view, not only for what a chart happens to draw.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import h3
import pandas as pd
import shapely

from sdg16.core.disclosure import SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.core.i18n import gettext
from sdg16.core.taxonomy import get as taxonomy
from sdg16.queries import incidents as q
from sdg16.queries import shapes as shapes_q
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import privacy
from sdg16.state.roles import Role

BORDER_TOLERANCE_DEG = 0.01
MAX_POINTS = 5_000  # above this, analysts get cells too: points would swamp the browser


@dataclass(frozen=True)
class MapData:
    cells: pd.DataFrame  # hex, reports, types (text); nothing finer than the cell
    areas: pd.DataFrame  # admin1, name, reports, types (text)
    resolution: int
    hidden: int | None  # reports in cells under the threshold, not drawn (published: rounded)
    points: pd.DataFrame | None  # analysts only, when the selection is small enough


def type_labels() -> dict[str, str]:
    return dict(taxonomy().types)


def map_data(db: ReadOnlyDatabase, f: Filter, role: Role) -> MapData:
    """Hexagons at country level (H3 res 5), finer (res 7) once an admin-1 area is chosen."""
    resolution = 7 if f.admin1 else 5
    # The tooltips name the types in the reader's language (the filter carries it).
    labels = {k: gettext(f.lang or "en", v) for k, v in type_labels().items()}
    f = privacy.coarse_filter(f, role)
    cells, hidden = privacy.drop_small(q.cell_counts(db, f, resolution), role)
    cells = cells.assign(types=[privacy.type_summary(t, role, labels) for t in cells["types"]])
    by_area, _ = privacy.drop_small(q.area_counts(db, f), role)
    names = area_names(f.geo[0]) if f.geo else {}
    by_area = by_area.assign(
        name=by_area["admin1"].map(names).fillna(by_area["admin1"]),
        types=[privacy.type_summary(t, role, labels) for t in by_area["types"]],
    )
    points = None
    if privacy.sees_points(role):
        found = q.points(db, f, MAX_POINTS + 1)
        points = found if len(found) <= MAX_POINTS else None
    if not privacy.sees_points(role):
        hidden = privacy.publish(hidden)
    cells, by_area = privacy.strip_private(cells, role), privacy.strip_private(by_area, role)
    return MapData(cells, by_area.reset_index(drop=True), resolution, hidden, points)


def area_names(country: str, db: ReadOnlyDatabase | None = None) -> dict[str, str]:
    """ISO 3166-2 code -> English name of a country's admin-1 areas, from the store."""
    db = db or ReadOnlyDatabase()
    return dict(_admin1(str(db.path), db.version(), country)[0])


def borders(country: str, db: ReadOnlyDatabase | None = None) -> list[dict]:
    """The store's admin-1 features for a country (empty if it has none), simplified to
    about 1 km: the 1:10m outlines are 0.7 MB of JSON per rerun otherwise."""
    db = db or ReadOnlyDatabase()
    return list(_admin1(str(db.path), db.version(), country)[1])


@lru_cache(maxsize=16)
def _admin1(path: str, store_version: str, country: str) -> tuple[tuple, tuple]:
    rows = shapes_q.admin1(ReadOnlyDatabase(Path(path)), country)
    names, features = [], []
    for code, name, props, geometry in rows.itertuples(index=False):
        names.append((code, name))
        geom = shapely.simplify(
            shapely.from_geojson(geometry), BORDER_TOLERANCE_DEG, preserve_topology=True
        )
        properties = {"name_en": name, **json.loads(props), "iso_3166_2": code}
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    return tuple(names), tuple(features)


# view_of zooms out this much (log2) from the zoom that just fits: the margin around the cells.
_MARGIN_ZOOM = 0.4


def _busiest_span(cells: pd.DataFrame, share: float) -> tuple[float, float, float, float]:
    """(west, east, Mercator y south, y north) around the cells holding ``share`` of the
    reports. Those are the cells' centres: a cell's width more on each side, so the edge cells
    are whole (a degree of latitude is 111 km)."""
    ranked = cells.sort_values("reports", ascending=False)
    keep = ranked[ranked["reports"].cumsum().shift(fill_value=0) < share * ranked["reports"].sum()]
    pts = [h3.cell_to_latlng(c) for c in keep["hex"]]
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    pad = 2 * h3.average_hexagon_edge_length(h3.get_resolution(keep["hex"].iloc[0]), "km") / 111
    pad_lon = pad / math.cos(math.radians((min(lats) + max(lats)) / 2))
    return (
        min(lons) - pad_lon,
        max(lons) + pad_lon,
        _merc(min(lats) - pad),
        _merc(max(lats) + pad),
    )


def view_of(
    cells: pd.DataFrame, share: float = 0.8, fit_px: int | tuple[int, int] = 450
) -> tuple[float, float, float]:
    """(lat, lon, zoom) framing the cells that hold ``share`` of the reports in a frame of
    ``fit_px`` (width, height) px, or a square of that side: a phone's tall narrow map is
    fitted by its width, a presenter's low wide one by its height."""
    if cells.empty:
        return 26.8, 30.8, 4.5
    width, height = fit_px if isinstance(fit_px, tuple) else (fit_px, fit_px)
    west, east, y_lo, y_hi = _busiest_span(cells, share)
    # deck.gl's world is 512 * 2**z px wide and tall in Web Mercator (x: 360 degrees, y: 2 pi);
    # the zoom that fits both spans, a little less for a margin.
    x_zoom = math.log2(360 * width / (512 * max(east - west, 0.3)))
    y_zoom = math.log2(2 * math.pi * height / (512 * max(y_hi - y_lo, math.radians(0.25))))
    zoom = min(max(min(x_zoom, y_zoom) - _MARGIN_ZOOM, 4.0), 11.0)
    lat = math.degrees(2 * math.atan(math.exp((y_lo + y_hi) / 2)) - math.pi / 2)
    return lat, (west + east) / 2, round(zoom, 1)


def snug_height(
    cells: pd.DataFrame, view: tuple[float, float, float], most: int, least: int, share: float = 0.8
) -> int:
    """The height (px, within ``least``..``most``) a map of ``view`` needs to hold the busiest
    cells with ``view_of``'s margin above and below. A map fitted by its width (a phone's) is
    shorter than the frame it was fitted for: the rest would be blank sea or desert, a band of
    nothing above and below the cells, as there is no basemap."""
    if cells.empty:
        return most
    _west, _east, y_lo, y_hi = _busiest_span(cells, share)
    span = max(y_hi - y_lo, math.radians(0.25)) * 512 * 2 ** view[2] / (2 * math.pi)
    # A little over the margin: view_of's zoom was rounded to 0.1.
    return min(max(math.ceil(span * 2 ** (_MARGIN_ZOOM + 0.05)), least), most)


def _merc(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def data_bbox(cells: pd.DataFrame, margin: float = 0.3) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) around the cells, for choosing which city names to draw."""
    if cells.empty:
        return None
    pts = [h3.cell_to_latlng(c) for c in cells["hex"]]
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin


def timeline(db: ReadOnlyDatabase, f: Filter, role: Role, period: str) -> pd.DataFrame:
    """period, type (label), reports: types under the threshold merged per period."""
    frame = q.timeline(db, privacy.coarse_filter(f, role), period)
    frame = frame.assign(type=frame["type"].map(type_labels()).fillna(frame["type"]))
    return privacy.strip_private(privacy.merge_small(frame, role, key="type", by=("period",)), role)


def breakdown(db: ReadOnlyDatabase, f: Filter, role: Role, by: str) -> pd.DataFrame:
    """key (label), reports: categories under the threshold merged into one row."""
    frame = q.breakdown(db, privacy.coarse_filter(f, role), by)
    if by == "type":
        frame = frame.assign(key=frame["key"].map(type_labels()).fillna(frame["key"]))
    elif by == "place_type":
        frame = frame.assign(key=frame["key"].map(taxonomy().place_types).fillna(frame["key"]))
    elif by == "admin1" and f.geo:
        frame = frame.assign(key=frame["key"].map(area_names(f.geo[0])).fillna(frame["key"]))
    return privacy.strip_private(privacy.merge_small(frame, role), role)


def reports(db: ReadOnlyDatabase, f: Filter, role: Role, limit: int = 500) -> pd.DataFrame:
    """Individual reports with text: analysts only (raises PermissionError otherwise)."""
    privacy.require_points(role)
    return q.points(db, f, limit)


def summary(db: ReadOnlyDatabase, f: Filter, role: Role) -> dict:
    """Total, synthetic count, first/last date. Below analyst: a total under 5 is not given
    (reports=None) and dates only to the month, so a tiny selection does not date a report."""
    out = q.summary(db, privacy.coarse_filter(f, role))
    out["has_synthetic"] = bool(out["synthetic"])
    if privacy.sees_points(role):
        return out
    if out["reports"] < SMALL_COUNT:
        return {**out, "reports": None, "synthetic": None, "first": None, "last": None}
    month = {k: pd.Timestamp(out[k]).strftime("%Y-%m") for k in ("first", "last") if out[k]}
    counts = {k: privacy.publish(out[k]) for k in ("reports", "synthetic")}
    return {**out, **month, **counts}


def countries(db: ReadOnlyDatabase, role: Role) -> pd.DataFrame:
    """Countries with reports (country, reports, synthetic); below analyst only those with at
    least SMALL_COUNT, counts rounded: a country with one report is not offered to the public."""
    frame = q.countries(db)
    if privacy.sees_points(role) or frame.empty:
        return frame
    frame = frame[frame["reports"] >= SMALL_COUNT].reset_index(drop=True)
    return frame.assign(
        reports=[privacy.publish(n) for n in frame["reports"]],
        synthetic=[privacy.publish(n) or 0 for n in frame["synthetic"]],
    )


def date_span(db: ReadOnlyDatabase, country: str, role: Role) -> tuple | None:
    """The slider's bounds (lo, hi, before, after), from ``q.date_span``: the bulk of the data,
    ``before`` counting the early outliers left out. Below analyst, whole months that never
    date a single report: from the month of the 5th earliest report (or the bulk's start, if
    later) to the end of the month of the 5th latest, and ``before`` rounded (publish)."""
    span = q.date_span(db, country)
    if span is None or privacy.sees_points(role):
        return span
    edges = q.date_edges(db, country, SMALL_COUNT)
    if edges is None:
        return None
    lo = max(span[0], edges[0].replace(day=1))
    hi = (pd.Timestamp(min(span[1], edges[1])) + pd.offsets.MonthEnd(0)).date()
    if lo > hi:
        return None
    before = q.count_before(db, country, lo)
    return lo, hi, privacy.publish(before) or 0, 0
