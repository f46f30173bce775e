"""Property-based: any text in any link parameter gives a filter and notices, never an
exception; digits other than ASCII 0-9 (superscripts, Arabic-Indic, fullwidth...) are refused
with a notice that names the parameter, never read as a number."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sdg16.core.filters import KNOWN_KEYS, Filter, parse_params
from tests.unit.core.test_filters import VOCAB

KEYS = st.sampled_from(sorted(KNOWN_KEYS)) | st.text(max_size=20)
VALUES = st.text(max_size=300) | st.lists(st.text(max_size=40), max_size=4)
# Characters Python calls digits that are not ASCII: int() takes some ('٢٠١٠' is 2010) and
# refuses others ('²'), so the parser must accept neither.
ODD_DIGITS = st.characters(categories=("Nd", "No"), exclude_characters="0123456789").filter(
    lambda c: unicodedata.digit(c, None) is not None
)
SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=12))
def test_any_parameters_give_a_filter_and_notices(params: dict) -> None:
    f, notices = parse_params(params, VOCAB)
    assert isinstance(f, Filter) and all(isinstance(n, str) for n in notices)
    again, more = parse_params(f.to_params(), VOCAB)  # what survived is a valid link
    assert again == f and more == []


@SETTINGS
@given(
    key=st.sampled_from(["from", "to", "year"]),
    digits=st.lists(ODD_DIGITS, min_size=1, max_size=4),
    ascii_digits=st.text("0123456789", max_size=3),
)
def test_odd_digits_in_a_year_are_refused_with_a_notice(key, digits, ascii_digits) -> None:
    value = ascii_digits + "".join(digits)
    f, notices = parse_params({key: value}, VOCAB)
    assert (f.year_from, f.year_to, f.year) == (None, None, None)
    assert notices == [f"Ignored {key}={value!r}: not a year in 1900-2100."]


@SETTINGS
@given(key=st.sampled_from(["start", "end"]), digit=ODD_DIGITS, at=st.integers(0, 9))
def test_odd_digits_in_a_date_are_refused_with_a_notice(key, digit, at) -> None:
    text = list("2012-03-05")
    text[at if text[at] != "-" else 0] = digit
    value = "".join(text)
    f, notices = parse_params({key: value}, VOCAB)
    assert getattr(f, key) is None
    assert notices == [f"Ignored {key}={value!r}: not a date (YYYY-MM-DD)."]
