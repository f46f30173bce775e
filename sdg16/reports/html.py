"""A self-contained HTML report: plotly.js inlined once, so it opens offline with no requests."""

from __future__ import annotations

from html import escape

import pandas as pd

from sdg16.core.place_names import text_direction
from sdg16.reports.model import Report, cover_words

STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#212529;max-width:1000px;margin:0 auto;
padding:0 24px 48px}
header{background:#009EDB;color:#fff;padding:28px 24px;margin:0 -24px 24px}
header p{margin:0 0 6px;font-size:14px}header h1{margin:0;font-size:28px}
h2{color:#009EDB;border-bottom:2px solid #009EDB;padding-bottom:4px;margin-top:40px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th{background:#009EDB;color:#fff;text-align:left;padding:4px 8px}
td{padding:3px 8px;border-bottom:1px solid #dee2e6}tr:nth-child(even) td{background:#f0f6fa}
.meta{font-size:14px}.small{font-size:12px;color:#6c757d}
"""


def _table(table: pd.DataFrame) -> str:
    return table.to_html(index=False, na_rep="–", border=0, float_format=lambda v: f"{v:,.4g}")


def to_html(report: Report) -> str:
    m, lang = report.meta, report.meta.lang
    words = cover_words(m)
    parts = [
        "<!doctype html>",
        f'<html lang="{escape(lang)}" dir="{text_direction(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(m.title)}</title><style>{STYLE}</style></head><body>",
        f"<header><p>{escape(words['goal'])}</p>",
        f"<h1>{escape(m.title)}</h1></header>",
        f'<p class="meta">{escape(words["prepared"])} · {escape(words["classification"])}</p>',
        f"<h3>{escape(words['scope'])}</h3><ul>",
        *(f"<li>{escape(line)}</li>" for line in m.filters_text),
        f"</ul><h3>{escape(words['provenance'])}</h3><ul>",
        *(f"<li>{escape(line)}</li>" for line in m.provenance),
        f'</ul><p class="small">{escape(m.attribution)}<br>{escape(words["reproduce"])}</p>',
    ]
    plotly_js_included = False
    for s in report.sections:
        parts.append(f"<section><h2>{escape(s.title)}</h2><p>{escape(s.text)}</p>")
        if s.note:
            parts.append(f'<p class="small">{escape(s.note)}</p>')
        if s.figure is not None:
            parts.append(
                s.figure.to_html(
                    full_html=False,
                    include_plotlyjs=not plotly_js_included,  # True inlines the library
                    config={"displaylogo": False},
                )
            )
            plotly_js_included = True
        parts.append(_table(s.table) + "</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
