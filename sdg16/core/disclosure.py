"""The statistical-disclosure rule for counts of reports shown below the analyst role.

Rounding to base 5 with small-cell suppression, as national statistics offices publish
tables of small counts (UK Government Statistical Service / ONS disclosure-control guidance
for tables; see README, "Security"): a count of 1-4 is withheld, every other count is rounded
to the nearest multiple of 5. The policy is applied to incident views in ``sdg16.privacy``
and to public reports in ``sdg16.reports.model``; both call ``publish``.
"""

from __future__ import annotations

SMALL_COUNT = 5  # counts under this are withheld below analyst and in public reports
BASE = 5  # every published count is a multiple of this


def publish(n: int | None) -> int | None:
    """0 stays 0 (an empty cell tells nothing about a person), 1-4 become None (withheld),
    the rest the nearest multiple of 5, halves up (7 -> 5, 8 -> 10). Applied to every number,
    the difference of two published views is a multiple of 5 as well, so differencing a view
    against a slightly narrower one cannot isolate one report."""
    if n is None:
        return None
    n = int(n)
    if n <= 0:
        return 0
    if n < SMALL_COUNT:
        return None
    return (n + BASE // 2) // BASE * BASE
