"""Real parts that tests and benchmarks drive: a Streamlit server on a free port, Debian's Chromium."""
