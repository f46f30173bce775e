"""Fill the caches every first view needs, once per server start (``serve.py`` runs this in a
thread): the catalog, geographies, regions, dimension codes, map shapes and the default map.
A cold first visit waited 5-9 s for these with a blank page (issue G)."""

from __future__ import annotations

import logging
import time

from sdg16.core.filters import Filter
from sdg16.ui import cache, state
from sdg16.ui.widgets import DEFAULT_SERIES

LOG = logging.getLogger(__name__)


def warm() -> float:
    """Returns the seconds it took; a missing store or bad catalog is left for the page to say."""
    start = time.perf_counter()
    try:
        cache.indicator_catalog()
        cache.version()
        for step in (
            cache.geographies,
            cache.all_geographies,
            cache.regions,
            cache.dimension_codes,
            cache.freshness,
            state.vocabulary,
            cache.map_shapes,
            cache.incident_countries,
            lambda: cache.map_years(Filter(series=DEFAULT_SERIES)),
        ):
            step()
    except Exception:  # the first page shows the real error with its message
        LOG.warning("cache warm-up stopped", exc_info=True)
    took = time.perf_counter() - start
    LOG.info("caches warm in %.1f s", took)
    return took
