"""SDG 16 dashboard: core, queries, state, services, charts, reports, ui and the CLIs.

Layers import one way, downwards (``.importlinter``; README "How the code is laid out"):
``cli`` > ``views`` > ``ui`` > ``reports`` > ``charts`` > ``services`` > ``queries`` |
``state`` | ``loaders`` > ``core``. Only ``sdg16.ui`` (and the pages) import Streamlit.
"""
