"""The incident map's first view holds the busiest cells whole in the frame it is drawn in:
a phone's narrow tall map and a presenter's low wide one alike."""

from __future__ import annotations

import math

import h3
import pandas as pd
import pytest

from sdg16.services.incidents import snug_height, view_of

# Cairo (most reports) and Alexandria, 200 km north-west: together most of Egypt's reports.
CELLS = pd.DataFrame(
    {
        "hex": [
            h3.latlng_to_cell(lat, lon, 6)
            for lat, lon in ((30.04, 31.24), (30.12, 31.38), (31.20, 29.92), (27.2, 33.8))
        ],
        "reports": [600, 150, 200, 10],  # the first three: 99 % of the reports
    }
)


def _seen(view: tuple[float, float, float], width: int, height: int):
    """(west, south, east, north) a deck.gl map of width x height px shows for ``view``."""
    lat, lon, zoom = view
    world = 512 * 2**zoom  # px, Web Mercator
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    half_y = height / 2 / world * 2 * math.pi

    def unmerc(v: float) -> float:
        return math.degrees(2 * math.atan(math.exp(v)) - math.pi / 2)

    half_lon = width / 2 / world * 360
    return lon - half_lon, unmerc(y - half_y), lon + half_lon, unmerc(y + half_y)


def _cells_inside(view, width: int, height: int) -> bool:
    west, south, east, north = _seen(view, width, height)
    for cell in CELLS["hex"][:3]:  # the busiest (view_of frames those holding 80 %)
        for lat, lon in h3.cell_to_boundary(cell):  # the whole hexagon, not its centre
            if not (west < lon < east and south < lat < north):
                return False
    return True


@pytest.mark.parametrize("frame", [(358, 560), (1120, 296), (1760, 600), (450, 450)])
def test_busiest_cells_are_whole_in_the_frame(frame: tuple[int, int]) -> None:
    assert _cells_inside(view_of(CELLS, fit_px=frame), *frame)


def test_a_square_guess_cuts_a_phone_map() -> None:
    """Why the page measures its room: framed for 450 px, a 358 px wide map cuts Cairo."""
    assert not _cells_inside(view_of(CELLS, fit_px=450), 358, 560)


def _blank_rows(view, width: int, height: int) -> tuple[float, float]:
    """px of the frame above the northernmost and below the southernmost busy cell."""
    lat, _lon, zoom = view
    world = 512 * 2**zoom

    def y(la: float) -> float:  # px from the frame's top
        merc = math.log(math.tan(math.pi / 4 + math.radians(la) / 2))
        centre = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return height / 2 - (merc - centre) * world / (2 * math.pi)

    corners = [p for c in CELLS["hex"][:3] for p in h3.cell_to_boundary(c)]
    return min(y(p[0]) for p in corners), height - max(y(p[0]) for p in corners)


def test_a_phone_map_is_only_as_tall_as_its_cells_need() -> None:
    """Fitted by its 358 px width, the 560 px map left a blank band (sea, no basemap) above
    the cells: it is drawn shorter, the cells whole, with the fitting margin only."""
    view = view_of(CELLS, fit_px=(358, 560))
    height = snug_height(CELLS, view, most=560, least=200)
    assert height < 560
    assert _cells_inside(view, 358, height)
    above, below = _blank_rows(view, 358, height)
    assert above < 0.2 * height and below < 0.2 * height


def test_a_map_fitted_by_its_height_keeps_it() -> None:
    view = view_of(CELLS, fit_px=(1120, 296))
    assert snug_height(CELLS, view, most=296, least=200) == 296


def test_a_thin_strip_of_cells_gets_the_least_height() -> None:
    """Cells along a coast, 600 km east-west and one cell tall: not a 60 px sliver of a map."""
    lons = [25 + 0.5 * i for i in range(12)]
    strip = pd.DataFrame(
        {"hex": [h3.latlng_to_cell(31.0, lon, 6) for lon in lons], "reports": [10] * 12}
    )
    view = view_of(strip, fit_px=(358, 560))
    assert snug_height(strip, view, most=560, least=300) == 300
