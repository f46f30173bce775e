"""Pytest fixtures several test modules need in the same form, made by a function so that a
module says in one line what it needs (``state_db = module_state_db("ana", "root")``)."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from sdg16.state import accounts
from testkit.apptest import app_store
from testkit.auth import PASSWORDS, ROLES


def module_state_db(*users: str, store: str | None = None):
    """A module-scoped, autouse fixture: ``SDG16_STATE_DB`` points at a new state DB holding the
    named accounts of ``testkit.auth.PASSWORDS`` for the module's tests, and is put back after
    (unset if it was unset: an empty value would leak into the next module's state path).
    ``store`` names a session fixture (``"incident_store"``) whose store the app reads for the
    module (``testkit.apptest.app_store``)."""

    @pytest.fixture(scope="module", autouse=True)
    def state_db(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, store_path
    ):
        # store_path first: it sets the session's SDG16_STATE_DB, which this one overrides.
        path = tmp_path_factory.mktemp("state") / "app_state.sqlite"
        with pytest.MonkeyPatch.context() as env, ExitStack() as stack:
            env.setenv("SDG16_STATE_DB", str(path))
            if store:
                stack.enter_context(app_store(request.getfixturevalue(store)))
            for name in users:
                accounts.add_user(name, ROLES[name], PASSWORDS[name])
            yield path

    return state_db
