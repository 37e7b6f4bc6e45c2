"""Run the benchmarks: every bench/bench_*.py that defines main(), in name order, each in its own process.

python -m bench                    # all of them
python -m bench catalog_search     # only bench/bench_catalog_search.py
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    """Names of the benchmark modules (bench_*.py), in order."""
    return sorted(path.stem for path in HERE.glob("bench_*.py"))


def run_one(name: str) -> int:
    """Import one benchmark module and call its main(); a module without main() is skipped."""
    module = importlib.import_module(f"bench.{name}")
    main = getattr(module, "main", None)
    if not callable(main):
        print(f"{name}: no main(), skipped")
        return 0
    result = main()
    return int(result or 0)


def main(argv: list[str]) -> int:
    """Run the selected benchmarks (all by default), each in a fresh interpreter; 1 if any failed."""
    if argv[:1] == ["--one"]:
        return run_one(argv[1])
    wanted = [a if a.startswith("bench_") else f"bench_{a}" for a in argv] or discover()
    unknown = sorted(set(wanted) - set(discover()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(discover())}")
        return 2
    failed = []
    for name in wanted:
        print(f"=== {name} ===", flush=True)
        started = time.perf_counter()
        command = [sys.executable, "-m", "bench", "--one", name]  # our own interpreter and module names
        code = subprocess.run(command, cwd=HERE.parent, check=False).returncode  # noqa: S603
        outcome = "ok" if code == 0 else f"FAILED ({code})"
        print(f"=== {name}: {outcome} in {time.perf_counter() - started:.0f} s ===\n")
        if code:
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
