"""Everything that brings data in: one module per source behind ``loaders.base.Source``.

No Streamlit here. ``loaders.store`` is the only writer of the DuckDB file.
"""
