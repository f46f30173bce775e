"""The URL filter model: every view is a link, and bad links never raise."""

from __future__ import annotations

from datetime import date

from sdg16.core.filters import Filter, Vocabulary, parse_params

VOCAB = Vocabulary(
    series=frozenset({"VC_IHR_PSRC", "RL.EST"}),
    geos=frozenset({"MEX", "HND", "SLV", "UN419"}),
    regions=frozenset({"latin-america-and-the-caribbean"}),
    dimension_values={"sex": frozenset({"BOTHSEX", "FEMALE", "MALE"})},
)


def test_round_trip_reopens_the_same_view() -> None:
    f = Filter(
        series="VC_IHR_PSRC",
        geo=("MEX", "HND", "SLV"),
        region="latin-america-and-the-caribbean",
        year_from=2005,
        year_to=2020,
        dims=(("sex", "FEMALE"),),
        start=date(2012, 1, 1),
        lang="es",
        present=True,
    )
    again, notices = parse_params(f.to_params(), VOCAB)
    assert again == f and notices == []


def test_contract_parameter_names() -> None:
    params = Filter(
        series="RL.EST",
        geo=("MEX",),
        year_from=2000,
        year_to=2010,
        year=2005,
        dims=(("sex", "MALE"),),
    ).to_params()
    assert params == {
        "series": "RL.EST",
        "geo": "MEX",
        "from": "2000",
        "to": "2010",
        "year": "2005",
        "sex": "MALE",
    }


def test_invalid_values_are_dropped_with_a_notice() -> None:
    f, notices = parse_params(
        {
            "series": "DROP TABLE",
            "geo": "MEX,ATL,<script>",
            "from": "19x0",
            "sex": "ROBOT",
            "colour": "red",
            "lang": "xx",
            "start": "2012-13-01",
        },
        VOCAB,
    )
    assert f == Filter(geo=("MEX",))
    assert len(notices) == 8
    assert any("'colour'" in n for n in notices)


def test_lower_case_iso3_and_reversed_years_are_forgiven() -> None:
    f, notices = parse_params({"geo": "mex,hnd", "from": "2020", "to": "2001"}, VOCAB)
    assert f.geo == ("MEX", "HND") and (f.year_from, f.year_to) == (2001, 2020)
    assert notices == ["Swapped from/to: the range was reversed."]


def test_to_query_encodes_what_a_url_cannot_carry_and_keeps_lists_readable() -> None:
    from urllib.parse import parse_qs

    f = Filter(series="VC_IHR_PSRC", geo=("MEX", "HND"), region="a&b=c d")
    query = f.to_query()
    assert "geo=MEX,HND" in query
    assert parse_qs(query)["region"] == ["a&b=c d"]  # one value, not a second parameter
