"""Writes editors make outside a single form: accounts, workflow, merges, re-extraction."""
