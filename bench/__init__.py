"""Benchmarks: Convenor against the raw limits of the mail stack (`make bench`)."""
