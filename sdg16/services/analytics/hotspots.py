"""Hotspots: where reports cluster beyond chance, by Getis-Ord Gi* over H3 cells.

Method (the one behind ArcGIS's "Optimized Hot Spot Analysis", here with PySAL):
- cells: H3 at the map's resolution (5 for a country, 7 for one admin-1 area);
- weights: k-ring contiguity (a cell and its RING neighbours, binary, self included: Gi*);
- statistic: ``esda.G_Local(star=True)``, analytical z-scores and two-sided normal p-values
  (permutation p-values cannot go below 1/(permutations+1), too coarse for the next step);
- multiple testing: Benjamini-Hochberg false discovery rate over every cell of the study area
  (``scipy.stats.false_discovery_control``);
- classes: hot (z > 0) or cold (z < 0) at 99, 95 or 90 % when p_fdr <= 0.01, 0.05, 0.10.

Empty cells matter: Gi* compares a neighbourhood with the study area's mean. The study area is
the place's reporting footprint: every cell with at least one report of any type at any date
for the country (or admin-1 area) chosen. A cell where nobody has ever reported (desert, sea,
the far side of a border) says "no reporters", not "no harassment"; counting those zeros would
make every inhabited place hot, which is density again. Inside the footprint, a cell with no
report matching the filter is a true zero (people report there, none of this type or period).
"""

from __future__ import annotations

from dataclasses import dataclass

import h3
import numpy as np
import pandas as pd
from esda.getisord import G_Local
from libpysal.graph import Graph
from scipy.stats import false_discovery_control, norm

from sdg16.core.filters import Filter
from sdg16.queries import incident_stats
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.services import privacy
from sdg16.state.roles import Role

RING = 1
LEVELS = ((0.01, 99), (0.05, 95), (0.10, 90))  # (largest p_fdr, confidence %)
COLUMNS = ["cell", "area", "reports", "gi_z", "p_value", "p_fdr", "class", "confidence"]
# Exact statistics could be solved back to a hidden neighbour's count: below analyst only
# the class and its confidence leave the server.
ANALYST_COLUMNS = ("gi_z", "p_value", "p_fdr")


@dataclass(frozen=True)
class Hotspots:
    cells: pd.DataFrame  # COLUMNS, one row per cell shown
    resolution: int
    study_cells: int  # cells in the study area, zeros included
    hidden: int  # cells in the study area not shown (under the small-count rule)

    def significant(self, kind: str) -> pd.DataFrame:
        return self.cells[self.cells["class"] == kind]


def _graph(cells: list[str]) -> Graph:
    """Binary k-ring contiguity among ``cells``, each cell its own neighbour (Gi*)."""
    known = set(cells)
    focal, neighbour = [], []
    for cell in cells:
        for other in h3.grid_disk(cell, RING):
            if other in known:
                focal.append(cell)
                neighbour.append(other)
    return Graph.from_arrays(np.array(focal), np.array(neighbour), np.ones(len(focal)))


def classify(z: np.ndarray, p_fdr: np.ndarray) -> tuple[list[str], list[int]]:
    """(class, confidence %) per cell: 'hot'/'cold' at the strictest level passed, else 'none'
    with confidence 0."""
    classes, confidence = [], []
    for zi, pi in zip(z, p_fdr, strict=True):
        level = next((c for limit, c in LEVELS if pi <= limit), 0) if np.isfinite(pi) else 0
        classes.append(("hot" if zi > 0 else "cold") if level else "none")
        confidence.append(level)
    return classes, confidence


def gi_star(counts: pd.DataFrame, study: pd.DataFrame) -> pd.DataFrame:
    """Gi* for every cell of ``study`` (cell, area) with the filter's ``counts`` (cell,
    reports; cells of the study area without a row count zero). Returns COLUMNS, by cell."""
    area = pd.concat([study[["cell", "area"]], counts[["cell", "area"]]])
    area = area.drop_duplicates("cell").set_index("cell")["area"]
    cells = sorted(area.index)
    reports = counts.set_index("cell")["reports"].reindex(cells, fill_value=0)
    out = pd.DataFrame(
        {"cell": cells, "area": area.reindex(cells).to_numpy(), "reports": reports.to_numpy()}
    )
    z = np.full(len(cells), np.nan)
    # Gi* needs spread: with under three cells or one value everywhere there is no contrast.
    if len(cells) >= 3 and reports.nunique() > 1:
        graph = _graph(cells)
        y = reports.reindex(graph.unique_ids).to_numpy(dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            g = G_Local(y, graph, transform="B", permutations=0, star=True)
        z = pd.Series(g.Zs, index=graph.unique_ids).reindex(cells).to_numpy()
    p = np.where(np.isfinite(z), np.minimum(1.0, 2 * norm.sf(np.abs(z))), np.nan)
    p_fdr = np.full(len(cells), np.nan)
    tested = np.isfinite(p)
    if tested.any():
        p_fdr[tested] = false_discovery_control(p[tested], method="bh")
    classes, confidence = classify(z, p_fdr)
    return out.assign(gi_z=z, p_value=p, p_fdr=p_fdr, **{"class": classes}, confidence=confidence)


def map_resolution(f: Filter) -> int:
    """The incident map's resolution: 5 for a country, 7 once an admin-1 area is chosen."""
    return 7 if f.admin1 else 5


def study_filter(f: Filter) -> Filter:
    """The place alone (country, admin-1): the reporting footprint ignores types and dates."""
    return Filter(geo=f.geo[:1], admin1=f.admin1)


def for_filter(
    db: ReadOnlyDatabase, f: Filter, role: Role, resolution: int | None = None
) -> Hotspots:
    """Hotspots for ``f`` as ``role`` may see them: below analyst, dates in whole months, cells
    under the small-count rule left out, counts rounded to base 5 (``sdg16.core.disclosure``)
    and only class and confidence given. Gi* itself always runs on the exact counts."""
    resolution = resolution or map_resolution(f)
    f = privacy.coarse_filter(f, role)
    counts = incident_stats.cell_totals(db, f, resolution)
    study = incident_stats.cell_totals(db, study_filter(f), resolution)
    cells = gi_star(counts, study) if not study.empty else pd.DataFrame(columns=COLUMNS)
    total = len(cells)
    if not privacy.sees_points(role):  # the one disclosure rule: under 5 out, rest base 5
        cells, _ = privacy.drop_small(cells, role)
        cells = cells.assign(**{c: np.nan for c in ANALYST_COLUMNS})
    return Hotspots(cells[COLUMNS], resolution, total, total - len(cells))
