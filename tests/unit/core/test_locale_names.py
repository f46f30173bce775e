"""Places, regions, disaggregations, numbers and dates in the reader's language."""

from __future__ import annotations

import datetime as dt

from sdg16.core.dimensions import code_label, dim_label
from sdg16.core.formatting import date_time, number
from sdg16.core.place_names import group_name, place_name, region_name, text_direction
from sdg16.ui.i18n import direction_html


def test_countries_by_cldr_and_aggregates_by_catalog() -> None:
    assert place_name("Egypt", "es", "EG", None, "EGY") == "Egipto"
    assert place_name("Egypt", "fr", "EG", None, "EGY") == "Égypte"
    assert place_name("World", "fr", None, 1, "UN001") == "Monde"  # CLDR by M49 code
    # CLDR has no name for M49 199; the UN's own Spanish and French ones come from the catalog.
    ldc = "Least Developed Countries (LDCs)"
    assert place_name(ldc, "es", None, 199, "UN199") == "Países menos adelantados (PMA)"
    assert place_name(ldc, "fr", None, 199, "UN199") == "Pays les moins avancés (PMA)"
    assert place_name(ldc, "en", None, 199, "UN199") == ldc


def test_region_picker_names() -> None:
    assert region_name("South-eastern Asia", "es") == "Sudeste asiático"
    assert region_name("Latin America and the Caribbean", "es") == "América Latina y el Caribe"
    assert region_name("Upper middle income", "fr") == "Revenu intermédiaire supérieur"
    assert group_name("UN sub-region", "fr") == "sous-région des Nations Unies"
    assert region_name("Northern Africa", "en") == "Northern Africa"


def test_disaggregation_labels() -> None:
    assert (dim_label("sex", "es"), code_label("BOTHSEX", "es")) == ("Sexo", "Ambos sexos")
    assert (dim_label("sex", "fr"), code_label("FEMALE", "fr")) == ("Sexe", "Femmes")
    assert code_label("15-49", "fr") == "15-49"  # an age band reads the same everywhere


def test_numbers_and_dates_per_locale() -> None:
    assert number(1534, "en") == "1,534"
    assert number(1534, "es") == "1534"  # CLDR: Spanish groups from five digits
    assert number(15340, "es") == "15.340"
    assert number(1534, "fr") == "1\u202f534"
    when = dt.datetime(2026, 12, 2, 10, 34)
    assert date_time(when, "es") == "2 dic 2026 10:34"
    assert date_time(when, "fr") == "2 déc. 2026 10:34"


def test_right_to_left_languages_mark_the_page() -> None:
    assert text_direction("ar") == "rtl" and text_direction("ur") == "rtl"
    assert '"dir": "rtl"' in direction_html("ar") and '"lang": "ar"' in direction_html("ar")
    assert '"dir": "ltr"' in direction_html("es")
