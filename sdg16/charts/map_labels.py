"""Which city names a map without a basemap draws, and on which side of the dot.

deck.gl's TextLayer draws every name it is given: around Cairo they fell on top of each other,
and a city just off the map showed a name cut at its edge. The map's view (centre, zoom) and
the size it is drawn at are known on the server, so the names are placed here, in screen px.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sdg16.core.cities import City

FONT_PX = 14  # the TextLayer's size (a presenter's map may ask for more)
GAP_PX = 6  # from the dot to the name
DOT_PX = 3  # the dot's radius
# Source Sans' mean advance is about 0.5 em (capitals and the white outline more): a name is
# taken wider than drawn rather than narrower.
CHAR_EM = 0.56
_PAD = 2  # px around every box: the outline, and a little air


@dataclass(frozen=True)
class Label:
    city: City
    anchor: str  # "start": the name runs east of its dot; "end": west of it


Box = tuple[float, float, float, float]  # left, top, right, bottom (px)


def screen_xy(lat: float, lon: float, view: tuple[float, float, float], frame: tuple[int, int]):
    """Where (lat, lon) falls on a ``frame`` (width, height) px deck.gl map of ``view``
    (lat, lon, zoom): Web Mercator, 512 * 2**zoom px around the world."""
    c_lat, c_lon, zoom = view
    world = 512 * 2**zoom

    def y(la: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(la) / 2)) / (2 * math.pi) * world

    return frame[0] / 2 + (lon - c_lon) / 360 * world, frame[1] / 2 - (y(lat) - y(c_lat))


def _text_box(x: float, y: float, name: str, anchor: str, font_px: int) -> Box:
    width = len(name) * CHAR_EM * font_px
    left = x + GAP_PX if anchor == "start" else x - GAP_PX - width
    return left - _PAD, y - font_px / 2 - _PAD, left + width + _PAD, y + font_px / 2 + _PAD


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box: Box, frame: tuple[int, int]) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= frame[0] and box[3] <= frame[1]


def place(
    cities: list[City],
    view: tuple[float, float, float],
    frame: tuple[int, int],
    font_px: int = FONT_PX,
) -> list[Label]:
    """The names to draw (``font_px`` high) on a map of ``view`` drawn ``frame`` (width,
    height) px, larger cities first: a city whose dot is off the map, or whose name
    would run past its edge or onto a name or dot already placed, is left out. A name runs
    away from the map's centre line (east of it: west of the dot), else to the other side."""
    placed: list[Box] = []
    out: list[Label] = []
    for city in sorted(cities, key=lambda c: -c.population):
        x, y = screen_xy(city.lat, city.lon, view, frame)
        dot = (x - DOT_PX - _PAD, y - DOT_PX - _PAD, x + DOT_PX + _PAD, y + DOT_PX + _PAD)
        if not _inside(dot, frame) or any(_overlap(dot, b) for b in placed):
            continue
        sides = ("end", "start") if x > frame[0] / 2 else ("start", "end")
        for anchor in sides:
            text = _text_box(x, y, city.name, anchor, font_px)
            if _inside(text, frame) and not any(_overlap(text, b) for b in placed):
                placed += [dot, text]
                out.append(Label(city, anchor))
                break
    return out
