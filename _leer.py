import streamlit as st

st.title("Leere Seite")
