"""axe-core in a Playwright page: the serious and critical accessibility violations it finds."""

from __future__ import annotations

from testkit.browser import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Run axe on the whole page, nothing left out; one line per violation."""
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} missing: run scripts/setup.sh --browser (npm ci)")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in impacts
    ]
