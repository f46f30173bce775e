"""Every page works from the store alone: the bundle folder is empty, as in a container."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.incidents import areas
from sdg16.state import accounts
from sdg16.state.roles import Role
from sdg16.ui.registry import PAGES
from testkit.auth import PASSWORDS, signed_in

PARAMS = {"incidents": {"geo": "EGY"}, "incidents_profile": {"geo": "EGY", "admin1": "EG-C"}}


@pytest.fixture
def empty_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, incident_app: Path) -> Path:
    empty = tmp_path / "empty-bundle"
    empty.mkdir()
    monkeypatch.setenv("SDG16_BUNDLE", str(empty))
    monkeypatch.setenv("SDG16_STATE_DB", str(tmp_path / "state.sqlite"))
    monkeypatch.delenv("SDG16_STATE_URL", raising=False)
    # Borders read earlier in this process from the real bundle must not hide a bundle read.
    for cached in (areas.admin1, areas.country_shape, areas._countries):
        cached.cache_clear()
    accounts.add_user("root", Role.ADMIN, PASSWORDS["root"])
    yield empty
    for cached in (areas.admin1, areas.country_shape, areas._countries):
        cached.cache_clear()


@pytest.mark.parametrize("page", [p.url_path for p in PAGES if p.url_path != "login"])
@pytest.mark.usefixtures("empty_bundle")
def test_page_renders_without_the_bundle(page: str) -> None:
    at = signed_in("root", page, **PARAMS.get(page, {}))
    assert not at.exception, at.exception
    assert not [e.value for e in at.error]
    if page == "map":  # the borders come from the store: every country with data is drawn
        (chart,) = at.get("plotly_chart")
        assert '"features"' in chart.proto.spec and "MEX" in chart.proto.spec
    if page == "incidents":  # admin-1 names and borders of Egypt, from the store
        options = [o for s in at.selectbox for o in s.options]
        assert "Cairo" in options
        deck = at.get("deck_gl_json_chart")
        spec = deck[0].proto.json
        assert '"Giza"' in spec and spec.count('"Feature"') >= 27  # Egypt's 27 governorates


@pytest.mark.usefixtures("empty_bundle")
def test_imports_find_areas_in_the_store_without_the_bundle() -> None:
    assert areas.admin1_code("EGY", "محافظة القاهرة") == "EG-C"
    assert areas.inside_country("MEX", [19.4], [-99.1]).tolist() == [True]
