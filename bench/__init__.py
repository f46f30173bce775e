"""Performance benchmark: ``python -m bench`` (or ``make bench``) writes ``bench/RESULTS.md``.

Scenarios are plain functions: a query-layer callable, the same SQL for raw DuckDB (the floor) and
a pandas equivalent. Speed is measured here, never asserted in tests.
"""
