"""The one base for sources read from a web API, one series at a time, page by page.

Modelled on sdg-build's ``InputApi``: a subclass says how to build a page's URL, how to check a
page and find its rows, and how to turn one row into an observation; the base runs the loop that
every API source shares. Retries (tenacity) and JSON decoding are in ``loaders.http``. The batch
checks are here too: every bad row is collected (the load fails naming them all), an empty
answer fails (it would wipe the dataset in the store), and so does a duplicate observation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import pandas as pd
import requests

from loaders.base import Batch, LoadError, Problem, Provenance
from loaders.http import JsonPage, make_session, paged


class ApiSource:
    """Paging, provenance and batch checks for one API; subclasses fill in the format."""

    name: str
    label: str  # shown on the progress bar: "<label> <series code>"

    def __init__(
        self,
        series_codes: list[str] | None,
        session: requests.Session | None,
        base_url: str,
        progress: bool,
    ):
        self.series_codes = list(series_codes) if series_codes else self.default_series()
        self.session = session or make_session()
        self.base_url = base_url.rstrip("/")
        self.progress = progress

    # What a subclass provides.
    def default_series(self) -> list[str]:
        raise NotImplementedError

    def url(self, code: str, page: int) -> str:
        raise NotImplementedError

    def _page(self, code: str, page: int) -> tuple[JsonPage, int]:
        """Fetch and check one page: the page and the page count it reports."""
        raise NotImplementedError

    def _rows(self, page: JsonPage) -> Sequence[Any]:
        raise NotImplementedError

    def _record(
        self, code: str, row: Any, url: str, i: int, problems: list[Problem]
    ) -> dict[str, Any] | None:
        """One row as an observation, None when skipped; bad rows are added to ``problems``."""
        raise NotImplementedError

    def _seen(self, code: str, row: Any, record: dict[str, Any]) -> None:
        """Called for each kept row (series metadata comes from the rows)."""

    def _batch(self, records: list[dict[str, Any]], inputs: list[Provenance]) -> Batch:
        raise NotImplementedError

    # The shared loop.
    def _start(self) -> None:
        """Reset what one fetch counts."""

    def fetch(self) -> Batch:
        self._start()
        records: list[dict[str, Any]] = []
        inputs: list[Provenance] = []
        problems: list[Problem] = []
        for code in self.series_codes:
            digest, kept = hashlib.sha256(), 0
            pages = paged(lambda n, c=code: self._page(c, n), f"{self.label} {code}", self.progress)
            for page in pages:
                digest.update(page.body)
                for i, row in enumerate(self._rows(page)):
                    rec = self._record(code, row, page.url, i, problems)
                    if rec is None:
                        continue
                    records.append(rec)
                    self._seen(code, row, rec)
                    kept += 1
            inputs.append(Provenance(self.url(code, 1), kept, digest.hexdigest()))
        if problems:
            raise LoadError(problems)
        if not records:
            # An empty answer would wipe the dataset in the store; that is never what was meant.
            raise LoadError(Problem(self.base_url, "the API returned no observations"))
        return self._batch(records, inputs)

    def check_unique(self, raw: pd.DataFrame, key: list[str], what: str) -> None:
        """Fail on two observations of one key (they would be stored as one)."""
        dup = raw.duplicated(subset=key)
        if dup.any():
            first = raw[dup].iloc[0]
            raise LoadError(
                Problem(
                    self.url(first["series_code"], 1),
                    f"{int(dup.sum())} duplicate {what}, e.g. {first['geo_id']} {first['year']}",
                )
            )
