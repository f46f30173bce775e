"""The Streamlit layer's shared parts: cached data access, URL state, page registry.

The only part of ``sdg16`` that imports Streamlit.
"""
