"""Attacks on the public incident views: no exact count under 5 may reach a public role.

Each test opens the real page as an anonymous visitor or a viewer and reads every count the
page sent (tests/pages/sent.py). The disclosure rule (README, "Security"): counts 1-4 are
withheld, every other count is rounded to base 5, dates are whole months. So every count sent
is 0 or a multiple of 5 of at least 5, and the difference of two views is never 1-4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sdg16.core.disclosure import BASE, SMALL_COUNT
from sdg16.core.filters import Filter
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services.incidents import summary
from sdg16.state.roles import Role
from tests.pages.sent import Sent, run_page

PUBLIC = (Role.ANONYMOUS, Role.VIEWER)
TABS = ("Map", "Timeline", "Breakdowns")


def assert_no_small_exact_counts(sent: Sent) -> None:
    bad = [(where, n) for where, n in sent.all_counts() if n % BASE or 0 < n < SMALL_COUNT]
    assert not bad, f"exact counts sent to a public role: {bad[:10]}"


@pytest.fixture(scope="module")
def idb(incident_store: Path) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(incident_store)


@pytest.mark.parametrize("tab", TABS)
@pytest.mark.parametrize(
    "params",
    [
        {"geo": "EGY"},
        {"geo": "EGY", "type": "sexual_photos"},
        {"geo": "EGY", "admin1": "EG-WAD"},
        {"geo": "EGY", "type": "touching"},
        {"geo": "EGY", "admin1": "EG-ALX", "type": "stalking"},
        {"geo": "EGY", "start": "2003-12-01", "end": "2003-12-31"},
        {"geo": "EGY", "start": "2016-05-04", "end": "2016-05-04"},
    ],
    ids=["egypt", "sexual_photos", "EG-WAD", "touching", "alx-stalking", "dec-2003", "one-day"],
)
def test_every_count_sent_is_rounded_or_withheld(incident_app: Path, params, tab) -> None:
    _, sent = run_page(incident_app, Role.ANONYMOUS, tab=tab, **params)
    assert_no_small_exact_counts(sent)


def test_the_small_cell_notice_gives_no_exact_number(incident_app: Path, idb) -> None:
    """Was: "4 reports in cells with fewer than 5 are not drawn" (and 2 for EG-WAD)."""
    for params in ({"type": "sexual_photos"}, {"admin1": "EG-WAD"}):
        _, sent = run_page(incident_app, Role.ANONYMOUS, geo="EGY", **params)
        notes = [t for t in sent.texts if "cells with fewer than 5" in t.lower()]
        assert notes, sent.texts
        small = [t for t in notes for n in range(1, SMALL_COUNT) if f" {n} reports" in t]
        assert not small
        assert_no_small_exact_counts(sent)


def _published(sent: Sent) -> dict[str, list[int]]:
    return {k: sorted(v) for k, v in sent.counts.items()}


@pytest.mark.parametrize("tab", TABS)
def test_differencing_two_type_filters_isolates_nothing(incident_app: Path, idb, tab) -> None:
    """``touching`` vs ``touching,sexual_photos``: in the store they differ by a report or two;
    on the page every count differs by 0 or a multiple of 5."""
    one = Filter(geo=("EGY",), incident_types=("touching",))
    two = one.update(incident_types=("touching", "sexual_photos"))
    exact = summary(idb, two, Role.ANALYST)["reports"] - summary(idb, one, Role.ANALYST)["reports"]
    assert 0 < exact < SMALL_COUNT  # the attack works on exact counts
    _, a = run_page(incident_app, Role.ANONYMOUS, tab=tab, geo="EGY", type="touching")
    _, b = run_page(incident_app, Role.ANONYMOUS, tab=tab, geo="EGY", type="touching,sexual_photos")
    metric_a = [n for w, n in a.all_counts() if w == "metric"]
    metric_b = [n for w, n in b.all_counts() if w == "metric"]
    assert metric_a and metric_b
    assert (metric_b[0] - metric_a[0]) % 5 == 0
    for where in set(a.counts) & set(b.counts):
        for x, y in zip(sorted(a.counts[where]), sorted(b.counts[where]), strict=False):
            assert (y - x) % 5 == 0, (where, x, y)
    assert_no_small_exact_counts(a)
    assert_no_small_exact_counts(b)


@pytest.mark.parametrize("role", PUBLIC)
def test_the_date_slider_shows_months_not_the_days_of_single_reports(
    incident_app: Path, idb, role
) -> None:
    """Was: the slider's bounds were 2003-12-31 and 2016-05-04, the dates of single reports."""
    first, last = idb.query(
        "SELECT min(occurred_at)::DATE, max(occurred_at)::DATE FROM incident WHERE country='EGY'"
    ).iloc[0]
    at, sent = run_page(incident_app, role, geo="EGY")
    assert not at.slider  # no day-level slider below analyst
    (_label, options, _value), *_ = sent.slider_values
    assert all(len(o) == 7 for o in options), options[:3]  # YYYY-MM
    assert options[0] != f"{first:%Y-%m}" and options[-1] != f"{last:%Y-%m}"
    assert str(first) not in " ".join(sent.texts) and str(last) not in " ".join(sent.texts)


def test_a_day_level_link_is_read_as_whole_months(incident_app: Path) -> None:
    anon = Role.ANONYMOUS
    _, day = run_page(incident_app, anon, geo="EGY", start="2012-06-14", end="2012-06-15")
    _, month = run_page(incident_app, anon, geo="EGY", start="2012-06-01", end="2012-06-30")
    assert _published(day) == _published(month)


def test_analysts_still_get_exact_counts(incident_app: Path) -> None:
    _, sent = run_page(incident_app, Role.ANALYST, tab="Breakdowns", geo="EGY")
    assert any(n % BASE for _, n in sent.all_counts())
    assert any(0 < n < SMALL_COUNT for _, n in sent.all_counts())


@pytest.mark.parametrize("page", ["incidents", "incidents_profile"])
def test_an_analyst_presenting_shows_the_public_view(incident_app: Path, page: str) -> None:
    """A presenter's screen is shared with an audience: no exact small count, no report's text,
    whoever is signed in."""
    at, sent = run_page(incident_app, Role.ANALYST, page, tab="Breakdowns", geo="EGY", present="1")
    assert_no_small_exact_counts(sent)
    assert not [e for e in at.expander if "Individual reports" in e.label]
