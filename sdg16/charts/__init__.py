"""Pure figure builders: frames in, plotly / pydeck objects out. No Streamlit here."""
