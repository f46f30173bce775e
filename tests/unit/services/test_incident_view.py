"""The incident map's first view holds the busiest cells whole in the frame it is drawn in:
a phone's narrow tall map and a presenter's low wide one alike."""

from __future__ import annotations

import math

import h3
import pandas as pd
import pytest

from sdg16.services.incidents import view_of

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
