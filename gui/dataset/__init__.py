"""Choosing, downloading and loading the dataset: the first-run panel, the loader, own files."""
