"""Every count the incident pages send, read from what AppTest received (not from internals):
metrics, captions and notices, chart data, map layers and tooltips, slider bounds, CSVs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from testkit.downloads import capture, csv_of

_REPORTS = re.compile(r"(\d[\d,]*) (?:of these \d[\d,]* )?reports?\b")
_TYPE_COUNT = re.compile(r"(?:^|, )[^,]*? (\d+)(?=,|$)")


@dataclass
class Sent:
    counts: dict[str, list[int]] = field(default_factory=dict)  # where -> counts
    texts: list[str] = field(default_factory=list)
    slider_values: list = field(default_factory=list)

    def add(self, where: str, n: object) -> None:
        if n is None or n == "":
            return
        self.counts.setdefault(where, []).append(int(float(str(n).replace(",", ""))))

    def all_counts(self) -> list[tuple[str, int]]:
        return [(w, n) for w, ns in self.counts.items() for n in ns]


def _deck(at, sent: Sent) -> None:
    for chart in at.get("deck_gl_json_chart"):
        spec = json.loads(chart.proto.json)
        for layer in spec["layers"]:
            data = layer.get("data")
            rows = data["features"] if isinstance(data, dict) else data or []
            for row in rows:
                props = row.get("properties", row)
                reports = str(props.get("reports", ""))
                if reports.replace(",", "").isdigit():
                    sent.add(f"map {layer['id']}", reports)
                for m in _TYPE_COUNT.finditer(str(props.get("types", ""))):
                    sent.add(f"map {layer['id']} tooltip", m.group(1))


def _plotly(at, sent: Sent) -> None:
    for chart in at.get("plotly_chart"):
        fig = json.loads(chart.proto.spec)
        for trace in fig.get("data", []):
            if trace.get("type") != "bar":
                continue
            axis = "x" if trace.get("orientation") == "h" else "y"
            values = trace.get(axis, [])
            if isinstance(values, dict):  # plotly's typed-array encoding
                import base64

                import numpy as np

                values = np.frombuffer(base64.b64decode(values["bdata"]), values["dtype"])
            for v in values:
                sent.add(f"chart {trace.get('name') or ''}", v)


def _texts(at, sent: Sent) -> None:
    for kind in ("caption", "markdown", "warning", "info", "error", "toast"):
        for el in at.get(kind):
            text = str(getattr(el, "value", "") or getattr(el, "body", ""))
            sent.texts.append(text)
            for m in _REPORTS.finditer(text):
                sent.add(kind, m.group(1))
    for m in at.metric:
        sent.texts.append(f"{m.label}: {m.value}")
        if m.label == "Reports" and m.value.replace(",", "").isdigit():
            sent.add("metric", m.value)


def collect(at, files: dict) -> Sent:
    sent = Sent()
    _deck(at, sent)
    _plotly(at, sent)
    _texts(at, sent)
    for slider in [*at.get("select_slider"), *at.slider]:
        options = list(getattr(slider, "options", []))
        sent.slider_values.append((slider.proto.label, options, slider.value))
    for button in at.get("download_button"):
        if "CSV" in button.proto.label and button.proto.label.startswith("Download counts"):
            table = csv_of(button, files)
            for n in table["reports"]:
                sent.add("csv", n)
    return sent


def run_page(incident_app, role, page: str = "incidents", tab: str | None = None, **params):
    """The page as ``role`` with URL ``params``, the tab opened; returns (AppTest, Sent)."""
    from streamlit.testing.v1 import AppTest

    from testkit.auth import as_role
    from testkit.paths import ROOT

    with capture() as files:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        as_role(at, role)
        if tab:
            at.session_state["incident_tab"] = tab
        at.query_params.update(params)
        at.switch_page(f"views/{page}.py")
        at.run()
        assert not at.exception, at.exception
        return at, collect(at, files)
