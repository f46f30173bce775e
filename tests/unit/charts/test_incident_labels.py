"""City names on the incident map stay inside it: east of the centre they run west."""

from __future__ import annotations

import json

import pandas as pd

from sdg16.charts.incidents import density_deck
from sdg16.core.cities import City


def test_names_east_of_the_centre_run_west_of_their_dot() -> None:
    cells = pd.DataFrame(columns=["hex", "reports", "types"])
    areas = pd.DataFrame(columns=["admin1", "reports", "types"])
    cities = [City("Alexandria", 31.2, 29.9, 5_000_000), City("Suez", 29.97, 32.55, 700_000)]
    deck = density_deck(cells, areas, [], (30.0, 31.2, 6), cities=cities)
    layers = {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}
    label = {row["name"]: row for row in layers["cities"]["data"]}
    assert label["Alexandria"]["anchor"] == "start" and label["Alexandria"]["offset"][0] > 0
    assert label["Suez"]["anchor"] == "end" and label["Suez"]["offset"][0] < 0
    assert layers["cities"]["getTextAnchor"] == "@@=anchor"


def test_names_are_in_the_page_font_with_every_letter_they_use() -> None:
    """deck.gl's defaults are Monaco and ASCII only: "Shubrā al Khaymah" lost its "ā"."""
    cells = pd.DataFrame(columns=["hex", "reports", "types"])
    areas = pd.DataFrame(columns=["admin1", "reports", "types"])
    cities = [City("Shubrā al Khaymah", 30.12, 31.25, 1_240_289)]
    deck = density_deck(cells, areas, [], (30.12, 31.25, 6), cities=cities)
    layer = next(x for x in json.loads(deck.to_json())["layers"] if x["id"] == "cities")
    assert [row["name"] for row in layer["data"]] == ["Shubrā al Khaymah"]
    assert layer["characterSet"] == "auto"
    assert layer["fontFamily"].startswith("Source Sans")
