"""The framework's floor: a one-line Streamlit page with one widget to change, and a second
one-line page to switch to (the floor of a page switch and of a reload)."""

import streamlit as st


def _one() -> None:
    st.write("hello", st.selectbox("Pick", ["Alpha", "Beta"]))


def _two() -> None:
    st.write("the second page")


st.navigation(
    [st.Page(_one, title="One", default=True), st.Page(_two, title="Two", url_path="two")]
).run()
