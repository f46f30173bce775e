"""The incident report's "Key findings" section: the page's findings, sentence by sentence,
with the numbers behind each; a public report gets the ones written from the public view."""

from __future__ import annotations

import pandas as pd

from sdg16.core.filters import Filter
from sdg16.core.i18n import gettext
from sdg16.queries.db import ReadOnlyDatabase
from sdg16.reports.model import Section
from sdg16.services.analytics import gather
from sdg16.services.analytics.findings import Finding, numbers_text
from sdg16.state.roles import Role


def _section(found: list[Finding], lang: str) -> Section:
    table = pd.DataFrame(
        {
            gettext(lang, "Finding"): [f.text for f in found],
            gettext(lang, "Numbers"): [numbers_text(f.numbers) for f in found],
        }
    )
    text = gettext(
        lang,
        "Generated from the statistics of this selection: a quasi-Poisson trend test, "
        "Getis-Ord Gi* hotspots over H3 cells with a false-discovery-rate correction, and "
        "each month against the range its previous 36 months predict.",
    )
    return Section("findings", gettext(lang, "Key findings"), text, table)


def findings_section(db: ReadOnlyDatabase, f: Filter) -> Section:
    analyst = _section(gather.key_findings(db, f, Role.ANALYST, f.lang), f.lang)
    public = _section(gather.key_findings(db, f, Role.ANONYMOUS, f.lang), f.lang)
    return Section(**{**analyst.__dict__, "public_version": public})
