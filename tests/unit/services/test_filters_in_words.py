"""One description of a filter, for report covers and download sheets alike."""

from __future__ import annotations

from sdg16.core import catalog
from sdg16.core.filters import Filter
from sdg16.services.filters import describe


def test_filter_in_plain_words(db) -> None:
    f = Filter(
        series="VC_IHR_PSRC",
        geo=("MEX", "HND"),
        region="un-central-america",
        year_from=2005,
        year_to=2020,
        dims=(("sex", "FEMALE"),),
    )
    lines = describe(f, db=db, catalog=catalog.get(), region_label="Central America")
    assert lines == (
        "Indicator: Homicide rate (VC_IHR_PSRC)",
        "Region: Central America",
        "Geography: Mexico, Honduras",
        "Years: 2005 to 2020",
        "Sex: Female",
    )


def test_long_geography_lists_are_counted_not_listed(db) -> None:
    names = {f"C{i}": f"Country {i}" for i in range(30)}
    f = Filter(geo=tuple(names), year_from=2010)
    lines = describe(f, db=db, catalog=catalog.get(), names=names)
    assert lines[0].endswith("Country 11 and 18 more (30 geographies)")
    assert lines[1] == "Years: 2010 to latest"


def test_the_words_follow_the_language(db) -> None:
    f = Filter(series="VC_IHR_PSRC")
    (line, _all) = describe(f, "es", db=db, catalog=catalog.get())
    assert (
        line == "Indicador: Tasa de homicidios (VC_IHR_PSRC)" and _all == "Zona geográfica: todas"
    )
    f = Filter(geo=("EGY", "MEX"), year_to=2020, dims=(("sex", "BOTHSEX"),))
    assert describe(f, "fr", db=db, catalog=catalog.get()) == (
        "Zone géographique : Égypte, Mexique",
        "Années : première disponible – 2020",
        "Sexe : Les deux sexes",
    )
