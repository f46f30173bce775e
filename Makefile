# The two quick-start commands (see README): `make run` and `make test`.
PY := .venv/bin/python
DB ?= $(or $(SDG16_DB),data/sdg16.duckdb)
BUNDLE ?= $(or $(SDG16_BUNDLE),../shared/data)
INCIDENTS := $(BUNDLE)/incidents

.PHONY: run test lint format setup setup-dev data bench i18n replicas replicas-test wheels wheels-check

# Runtime packages only (what `make run` needs); tests and dev tools come with setup-dev.
setup:
	@scripts/setup.sh

setup-dev:
	@scripts/setup.sh --dev

# First run only: indicators, then the bundle's harassment reports (each load all or nothing).
# UCDP conflict events are a separate kind of incident: import them by hand when wanted.
data: setup
	@test -f "$(DB)" || ( \
	  $(PY) -m loaders sync --source bundle && \
	  $(PY) -m loaders import-incidents $(INCIDENTS)/harassmap_egypt_reports_2010-2016.csv \
	    --format harassmap )

run: data
	$(PY) -m streamlit run serve.py --server.address 127.0.0.1 --server.port 8501

# ruff, the layers contract (.importlinter) and dead code (vulture, config in pyproject.toml).
lint: setup-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	.venv/bin/lint-imports
	$(PY) -m vulture

format: setup-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test:
	@scripts/setup.sh --dev --browser
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	.venv/bin/lint-imports
	$(PY) -m vulture
	# Two workers, a test file per worker (module fixtures stay shared), then the browser tests
	# alone: each drives Chromium against one app server, and two at once only fight for the cores.
	$(PY) -m pytest -n 2 --dist loadfile -m "not browser"
	$(PY) -m pytest -m browser

bench: data setup-dev
	$(PY) -m bench

# nginx + 2 replicas + PostgreSQL on loopback (Debian nginx and postgresql; temp dirs, no root
# needed); prints the URL and runs until Ctrl-C. SDG16_LB_PORT picks the port (default 8500).
replicas: data
	$(PY) -m testkit.cluster

# 20 browser sessions through nginx: affinity, sign-in, a sync, failover, one audit order.
replicas-test:
	@scripts/setup.sh --dev --browser
	SDG16_REPLICAS_TEST=1 $(PY) -m pytest tests/replicas -q

# A folder of wheels for every runtime requirement; copy it (with the code) to a machine
# without internet and run `make run` there: setup installs with --no-index from ./wheels.
wheels: setup
	$(PY) -m pip wheel --disable-pip-version-check -r requirements.txt -w wheels
	@echo "wheels/: $$(ls wheels | wc -l) files, $$(du -sh wheels | cut -f1)"

# Proof that the folder is enough: a fresh venv, no index, then the app's imports.
wheels-check: wheels
	@scripts/offline-install-check.sh wheels

# Extract strings (code + indicators.yaml titles) into locales/; then translate the new entries.
i18n: setup
	$(PY) -m sdg16.cli.i18n_extract
