"""City names on a map without a basemap: none on top of another (the larger city keeps its
name), none cut at the map's edge, none for a dot off the map."""

from __future__ import annotations

import pytest

from sdg16.charts import map_labels
from sdg16.charts.map_labels import place, screen_xy
from sdg16.core.cities import City

CAIRO = City("Cairo", 30.06263, 31.24967, 9_606_916)
GIZA = City("Giza", 30.00944, 31.20861, 4_367_343)
SHUBRA = City("Shubrā al Khaymah", 30.12511, 31.25053, 1_240_289)
NASR = City("Madīnat an Naşr", 30.06667, 31.3, 668_413)
ALEXANDRIA = City("Alexandria", 31.20176, 29.91582, 5_263_542)
PORT_SAID = City("Port Said", 31.26531, 32.3019, 780_515)
PHONE = (358, 351)  # the phone's Egypt map, as the page draws it
EGYPT = (30.561, 30.666, 6.7)  # its view (lat, lon, zoom), from view_of


def _names(labels) -> set[str]:
    return {label.city.name for label in labels}


def _box(label, view, frame, font_px=map_labels.FONT_PX):
    x, y = screen_xy(label.city.lat, label.city.lon, view, frame)
    return map_labels._text_box(x, y, label.city.name, label.anchor, font_px)


def test_the_view_centre_is_the_frame_centre() -> None:
    assert screen_xy(EGYPT[0], EGYPT[1], EGYPT, PHONE) == pytest.approx((179, 175.5))


@pytest.mark.parametrize("order", [1, -1])
def test_around_cairo_only_the_largest_city_keeps_its_name(order: int) -> None:
    """At a country's zoom Cairo, Giza and Shubra are a few px apart: whatever the order
    they come in, Cairo is named and the two smaller ones, which would cover it, are not."""
    cities = [CAIRO, GIZA, SHUBRA, ALEXANDRIA][::order]
    assert _names(place(cities, EGYPT, PHONE)) == {"Cairo", "Alexandria"}


def test_zoomed_in_the_neighbours_have_room_and_are_all_named() -> None:
    """The same cities on an admin-1 area's map (zoom 10): far enough apart for every name."""
    cairo_area = (30.06, 31.25, 10.0)
    labels = place([CAIRO, GIZA, SHUBRA, NASR], cairo_area, (1120, 560))
    assert _names(labels) == {"Cairo", "Giza", "Shubrā al Khaymah", "Madīnat an Naşr"}
    boxes = [_box(label, cairo_area, (1120, 560)) for label in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not map_labels._overlap(a, b)


def test_a_dot_just_off_the_map_gets_no_name() -> None:
    """Port Said lies east of the phone's frame: its name was drawn cut ("Por…") at the edge."""
    x, _y = screen_xy(PORT_SAID.lat, PORT_SAID.lon, EGYPT, PHONE)
    assert x > PHONE[0]  # off the map, as on the phone
    assert "Port Said" not in _names(place([PORT_SAID, CAIRO], EGYPT, PHONE))


def test_a_name_by_an_edge_runs_inwards_and_stays_whole() -> None:
    """Near the east edge a name runs west of its dot, near the west edge east of it."""
    view, frame = (30.06, 31.0, 7.0), (500, 300)
    east = place([CAIRO], view, frame)  # Cairo lies east of the centre
    assert [label.anchor for label in east] == ["end"]
    west = place([CAIRO], (30.06, 31.5, 7.0), frame)
    assert [label.anchor for label in west] == ["start"]
    for label, v in ((east[0], view), (west[0], (30.06, 31.5, 7.0))):
        left, top, right, bottom = _box(label, v, frame)
        assert left >= 0 and right <= frame[0] and top >= 0 and bottom <= frame[1]


def test_a_name_wider_than_the_room_on_either_side_is_left_out() -> None:
    """A long name on a narrow map, its dot in the middle: cut either way, so not drawn."""
    view = (SHUBRA.lat, SHUBRA.lon, 6.0)
    assert place([SHUBRA], view, (120, 200)) == []
    assert _names(place([SHUBRA], view, (400, 200))) == {"Shubrā al Khaymah"}


def test_a_bigger_font_takes_more_room() -> None:
    """A presenter's larger names collide sooner: Cairo's neighbour at zoom 10 loses its name."""
    view, frame = (30.06, 31.25, 10.0), (1120, 560)
    assert _names(place([CAIRO, NASR], view, frame, font_px=14)) == {"Cairo", "Madīnat an Naşr"}
    assert _names(place([CAIRO, NASR], view, frame, font_px=40)) == {"Cairo"}
