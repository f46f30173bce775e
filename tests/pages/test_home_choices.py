"""The overview's country choice sticks on every change, not only every other one."""

from __future__ import annotations

from pathlib import Path

from testkit.apptest import open_app


def test_each_successive_country_choice_is_shown(store_path: Path) -> None:
    at = open_app("home", geo="PAK")
    for geo, name in (("EGY", "Egypt"), ("MEX", "Mexico"), ("PAK", "Pakistan")):
        at.selectbox[0].select(geo).run()
        assert at.query_params["geo"] == geo
        assert f"Latest values: {name}" in [s.value for s in at.subheader]
