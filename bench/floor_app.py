"""The framework's floor: a one-line Streamlit page with one widget to change."""

import streamlit as st

st.write("hello", st.selectbox("Pick", ["Alpha", "Beta"]))
