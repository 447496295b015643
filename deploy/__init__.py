"""Running the dashboard as a public service: nginx in front of N Streamlit instances."""
