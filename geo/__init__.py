"""Domain package of the MRH dashboard „Demographie und Daseinsvorsorge“ (no Streamlit here)."""
