"""English words that must not appear on a page shown in Spanish or French.

One fixed list for the AppTest check (every element's text, chart specs and table headers
included) and the browser check (what Chromium draws). Words that are also correct Spanish or
French are left out: "Total" is the same word in all three (so it is not listed), "Sources",
"Source" and "Place" are French too. Matching is whole-word and case-sensitive, so Streamlit's
lower-case icon names (``download``) and words inside others ("Regional") do not count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

WORDS = (
    "Sources", "Source", "Country", "Countries", "Year", "Years", "Region", "Sign in",
    "Sign out", "Download", "reports", "Reports", "Sex", "Both sexes", "Female", "Male",
    "No data", "Value", "Place", "Indicator", "Filters", "Street", "Not stated",
    "Not specified", "per 100,000", "loaded", "all years", "Touching", "Public transport",
    "Latest", "Language", "Create report", "Coverage", "Trends", "Overview", "subnational",
    "aggregate", "geographies", "UN region", "UN sub-region", "Income group", "High income",
    "World Bank region", "Least Developed Countries", "Developing regions", "under 5",
)  # fmt: skip
SAME_WORD = {"fr": {"Sources", "Source", "Place"}}
_PATTERNS = {w: re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])") for w in WORDS}


def english_words(texts: Iterable[str], lang: str) -> dict[str, str]:
    """Each listed English word found in ``texts`` -> the first text holding it (shortened)."""
    found: dict[str, str] = {}
    for text in texts:
        for word, pattern in _PATTERNS.items():
            if word in SAME_WORD.get(lang, ()) or word in found:
                continue
            hit = pattern.search(text)
            if hit:
                found[word] = text[max(0, hit.start() - 60) : hit.end() + 60]
    return found


# Proto fields that hold machine text: page paths, keys, hashes, icons, the map's JSON (its
# tooltips are built from translated labels; its data holds report text as people wrote it).
_SKIP = {"id", "page", "page_script_hash", "icon", "form_id", "query_string", "json", "url"}
_SKIP_JSON = {"bdata", "template", "dtype", "shape", "hovermode"}


def _plotly_strings(value, out: list[str]) -> None:
    """Every string value of a plotly spec (titles, tick texts, names, hover templates)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in _SKIP_JSON:
                _plotly_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _plotly_strings(v, out)
    elif isinstance(value, str):
        out.append(value)


def _table_headers(fields: dict) -> list[str]:
    """The column headings a person sees: the column_config label, else the column's name."""
    import pyarrow as pa

    names = pa.ipc.open_stream(fields["arrow_data"].data).schema.names
    order = list(fields.get("column_order", ())) or names
    config = json.loads(fields.get("columns") or "{}")
    shown = []
    for name in (n for n in order if n in names):
        conf = config.get(f"name:{name}", config.get(name, {}))
        if not conf.get("hidden"):
            shown.append(conf.get("label") or name)
    return shown


def _proto_texts(proto, out: list[str]) -> None:
    fields = {f.name: v for f, v in proto.ListFields()}
    if "arrow_data" in fields:  # st.dataframe / st.table: the headings, not the data
        out += _table_headers(fields)
        return
    for name, value in fields.items():
        if name in _SKIP:
            continue
        if name == "spec" and isinstance(value, str):  # a plotly figure
            _plotly_strings(json.loads(value), out)
            continue
        for item in value if type(value).__name__.startswith("Repeated") else [value]:
            if hasattr(item, "ListFields"):
                _proto_texts(item, out)
            elif isinstance(item, str):
                out.append(item)


def apptest_texts(at) -> list[str]:
    """The text of every element and block AppTest holds: labels, options, Markdown, metric
    values, plotly specs (titles, axes, trace names, hover templates) and table headings."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            _proto_texts(proto, out)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out
