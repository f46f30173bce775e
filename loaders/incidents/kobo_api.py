"""Pull submissions of the incident form from a KoBoToolbox server (KPI API v2).

``GET {url}/api/v2/assets/{asset}/data.json?limit=N`` answers a DRF envelope
``{count, next, previous, results}``; we follow ``next`` until it is null. Retries, timeouts and
the offline case come from ``loaders.http``. URL, token and asset come from the environment
(``SDG16_KOBO_URL``, ``SDG16_KOBO_TOKEN``, ``SDG16_KOBO_ASSET``) or ``.streamlit/secrets.toml``
(``[kobo] url, token, asset``); the token is sent as ``Authorization: Token …`` and never logged.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass

from tqdm import tqdm

from loaders import http
from loaders.base import LoadError, Problem, Provenance, sha256_of_bytes
from loaders.incidents import kobo
from loaders.incidents.model import IncidentBatch
from loaders.incidents.validate import validate
from sdg16.core.settings import ROOT

PAGE_SIZE = 1000


@dataclass(frozen=True)
class KoboConfig:
    url: str
    token: str
    asset: str


def config() -> KoboConfig:
    """From the environment, else .streamlit/secrets.toml; a LoadError says what is missing."""
    secrets: dict = {}
    path = ROOT / ".streamlit" / "secrets.toml"
    if path.exists():
        secrets = tomllib.loads(path.read_text(encoding="utf-8")).get("kobo", {})
    names = {"url": "SDG16_KOBO_URL", "token": "SDG16_KOBO_TOKEN", "asset": "SDG16_KOBO_ASSET"}
    values = {key: os.environ.get(name) or secrets.get(key, "") for key, name in names.items()}
    missing = [k for k, v in values.items() if not v]
    if missing:
        raise LoadError(
            Problem(
                "KoBoToolbox settings",
                f"missing {', '.join(missing)}: set SDG16_KOBO_URL/TOKEN/ASSET or [kobo] in "
                ".streamlit/secrets.toml",
            )
        )
    return KoboConfig(values["url"].rstrip("/"), values["token"], values["asset"])


def _flat(result: dict) -> dict:
    """API values as the export writes them: group paths dropped, lists and dicts as text."""
    out = {}
    for key, value in result.items():
        name = key.split("/")[-1]
        if key == "_validation_status":
            value = (value or {}).get("uid", "")
        elif isinstance(value, list | dict):
            value = json.dumps(value)
        out[name] = "" if value is None else str(value)
    return out


def pull(cfg: KoboConfig, progress: bool = True) -> IncidentBatch:
    session = http.make_session()
    session.headers["Authorization"] = f"Token {cfg.token}"
    url: str | None = f"{cfg.url}/api/v2/assets/{cfg.asset}/data.json?limit={PAGE_SIZE}"
    rows, bodies, pages = [], [], 0
    with tqdm(desc="kobo", unit="rows", disable=not http.show_progress(progress)) as bar:
        while url and pages < http.MAX_PAGES:
            page = http.get_json(session, url)
            if page.status != 200 or not isinstance(page.data, dict):
                raise LoadError(Problem(url, f"HTTP {page.status}: {str(page.data)[:200]}"))
            results = page.data.get("results", [])
            rows += [kobo.to_raw(_flat(r)) for r in results]
            bodies.append(page.body)
            bar.total = page.data.get("count")
            bar.update(len(results))
            url, pages = page.data.get("next"), pages + 1
    location = f"{cfg.url}/api/v2/assets/{cfg.asset}/data.json"
    good, bad, flags = validate(rows, kobo.SOURCE, location, kobo.DATE_FORMATS)
    checksum = sha256_of_bytes(b"".join(bodies))
    inputs = [Provenance(location, len(rows), checksum)]
    return IncidentBatch(kobo.SOURCE, good, bad, inputs, flags)
