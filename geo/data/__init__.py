"""Read and check the data files; the project as one checked, joined object. Imports no other layer."""
