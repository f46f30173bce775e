"""SDG 16 dashboard: settings, catalog, filters, queries, charts and reports.

Layers import one way: ``loaders`` (data in) -> ``sdg16.queries`` (SQL out) -> ``sdg16.charts`` /
``sdg16.reports`` (pure builders) -> ``pages`` (Streamlit). Only ``sdg16.ui`` imports Streamlit.
"""
