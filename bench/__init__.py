"""Benchmarks: `make bench` (or `python -m bench [NAME...]`) runs every bench/bench_*.py with a main().

Each benchmark runs in its own process, so each may set up Django with its own throwaway
database (see bench/support.py). Add a benchmark by adding bench/bench_<what>.py with a
`main() -> int | None` that prints its figures; a non-zero return marks it failed.
"""
