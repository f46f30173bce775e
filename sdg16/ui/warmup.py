"""Fill the caches every first view needs, once per server start (``serve.py`` runs this in a
thread): the catalog, geographies, regions, dimension codes, map shapes and the default map,
the overview's cards, the incident countries of every role. A cold first visit waited 5-9 s for
these with a blank page (issue G).

Each step stands alone: one that fails (no incident reports loaded, say) is logged and the
others still run; the page that needs it then shows the real error with its message.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable

from sdg16.core.filters import Filter
from sdg16.state.roles import Role
from sdg16.ui import cache, shapes_route, state
from sdg16.ui.widgets import DEFAULT_SERIES

LOG = logging.getLogger(__name__)
HOME_GEO = "UN001"  # the overview's default (views/home.py)
# What the pages import: the report builder alone (statsmodels, esda) took 7 s on a cold
# process, and the overview imports it for its "Create a report" link.
PAGE_MODULES = (
    "sdg16.ui.report_maker",
    "sdg16.ui.explorer",
    "sdg16.ui.guard",
    "sdg16.ui.downloads",
    "sdg16.ui.incident_filters",
    "sdg16.charts.maps",
    "sdg16.charts.progress_map",
    "sdg16.charts.trends",
    "sdg16.charts.cards",
    "sdg16.charts.profile",
    "sdg16.charts.progress",
    "sdg16.charts.incidents",
)


def _imports() -> None:
    for name in PAGE_MODULES:
        importlib.import_module(name)


def _default_map() -> None:
    """The map page as a first visitor opens it: the default series, its latest year, world."""
    f = Filter(series=DEFAULT_SERIES)
    years = cache.map_years(f)
    if len(years):
        cache.map_values(f.update(year=int(years["year"].iloc[-1])), None)
    cache.map_bounds(None)


def _home_cards() -> None:
    key = tuple(s.code for s in cache.indicator_catalog().key_series())
    cache.latest(HOME_GEO, key)


def _incident_countries() -> None:
    for role in Role:  # what a role may see is part of the key (sdg16/ui/cache.py)
        cache.incident_countries(role)


STEPS: tuple[tuple[str, Callable[[], object]], ...] = (
    ("catalog", cache.indicator_catalog),
    ("store version", cache.version),
    ("geographies", cache.geographies),
    ("all geographies", cache.all_geographies),
    ("regions", cache.regions),
    ("dimension codes", cache.dimension_codes),
    ("freshness", cache.freshness),
    ("link vocabulary", state.vocabulary),
    ("map shapes", cache.map_shapes),
    ("map shapes file", lambda: shapes_route.encode(cache.version())),
    ("default map", _default_map),
    ("overview cards", _home_cards),
    ("incident countries", _incident_countries),
    ("page imports", _imports),
)


def warm() -> dict[str, float]:
    """Seconds each step took (a failed step is left out); the total is logged."""
    took: dict[str, float] = {}
    start = time.perf_counter()
    for name, run in STEPS:
        begun = time.perf_counter()
        try:
            run()
        except Exception:  # the first page to need it shows the error to the person
            LOG.warning("cache warm-up: %s failed", name, exc_info=True)
            continue
        took[name] = time.perf_counter() - begun
    LOG.info(
        "caches warm in %.1f s (%d of %d steps)", time.perf_counter() - start, len(took), len(STEPS)
    )
    return took
