# The two quick-start commands (see README): `make run` and `make test`.
PY := .venv/bin/python
DB ?= $(or $(SDG16_DB),data/sdg16.duckdb)
BUNDLE ?= $(or $(SDG16_BUNDLE),../shared/data)
INCIDENTS := $(BUNDLE)/incidents

.PHONY: run test lint format setup data bench i18n

setup:
	@scripts/setup.sh

# First run only: indicators, then the bundle's harassment reports (each load all or nothing).
# UCDP conflict events are a separate kind of incident: import them by hand when wanted.
data: setup
	@test -f "$(DB)" || ( \
	  $(PY) -m loaders sync --source bundle && \
	  $(PY) -m loaders import-incidents $(INCIDENTS)/harassmap_egypt_reports_2010-2016.csv \
	    --format harassmap )

run: data
	$(PY) -m streamlit run serve.py --server.address 127.0.0.1 --server.port 8501

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test:
	@scripts/setup.sh --browser
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

bench: data
	$(PY) -m bench

# Extract strings (code + indicators.yaml titles) into locales/; then translate the new entries.
i18n: setup
	$(PY) -m sdg16.i18n_extract
