"""Print the mutation score of each mutated module after `mutmut run` (`make mutate`).

Score = killed / (total - equivalent). A mutant that made the tests time out counts as killed;
one that no test reached counts as a survivor. Equivalent mutants (the code means the same, no
test can tell them apart) are listed in scripts/mutation_equivalents.toml with the mutated line
and the reason; an entry whose line no longer matches is stale and not excused.

Usage: python scripts/mutation_score.py [--min PERCENT] [src/digiskill/lib/text.py | 'mutant.glob*' ...]
Exits 1 when a module scores below --min (default 90) or has unchecked mutants.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from mutmut.configuration import config
from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

EQUIVALENTS = Path(__file__).with_name("mutation_equivalents.toml")
KILLED = {"killed", "timeout"}


@dataclass
class Module:
    """The mutants of one source file, by outcome."""

    path: Path
    counts: Counter[str] = field(default_factory=Counter)
    survivors: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def killed(self) -> int:
        return sum(n for status, n in self.counts.items() if status in KILLED)

    @property
    def score(self) -> float:
        judged = self.total - len(self.equivalent)
        return 100.0 * self.killed / judged if judged else 100.0


def load_equivalents() -> dict[str, tuple[str, str]]:
    """Mutant name -> (the mutated line as `mutmut show` prints it, why it is equivalent)."""
    if not EQUIVALENTS.exists():
        return {}
    data = tomllib.loads(EQUIVALENTS.read_text("utf-8"))
    return {e["mutant"]: (e["line"].strip(), e["why"]) for e in data.get("equivalent", [])}


def mutated_lines(mutant: str, path: Path) -> list[str]:
    """The added lines of the mutant's diff, stripped."""
    diff = get_diff_for_mutant(mutant, path=path)
    return [
        line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]


def collect(chosen: list[str]) -> list[Module]:
    """Read the outcome of the chosen mutants (source files or mutmut name globs) from mutants/."""
    paths = [c for c in chosen if c.endswith(".py")]
    globs = [c for c in chosen if not c.endswith(".py")]
    equivalents = load_equivalents()
    modules = []
    for path in walk_mutatable_files():
        if chosen and str(path) not in paths and not globs:
            continue
        data = SourceFileMutationData(path=path)
        data.load()
        outcomes = {
            mutant: code
            for mutant, code in data.exit_code_by_key.items()
            if not chosen or str(path) in paths or any(fnmatch(mutant, g) for g in globs)
        }
        if not outcomes:
            continue
        module = Module(path=path)
        for mutant, code in sorted(outcomes.items()):
            status = status_by_exit_code[code]
            module.counts[status] += 1
            if status in KILLED:
                continue
            excuse = equivalents.get(mutant)
            if excuse and status == "survived":
                if excuse[0] in mutated_lines(mutant, path):
                    module.equivalent.append(mutant)
                    continue
                module.stale.append(mutant)
            module.survivors.append(f"{mutant}: {status}")
        modules.append(module)
    return modules


def main() -> int:
    """Print the table and the survivors; exit 1 below the minimum."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=90.0, help="lowest acceptable score in percent")
    parser.add_argument(
        "paths", nargs="*", help="source files or mutmut name globs to report (default: every mutated file)"
    )
    args = parser.parse_args()
    config()  # read [tool.mutmut] from pyproject.toml in the current directory
    modules = collect([p.removeprefix("./") for p in args.paths])
    if not modules:
        print("No mutation results under mutants/: run `make mutate` first.")
        return 1
    failed = False
    print(f"{'module':<44} {'total':>6} {'killed':>6} {'surv.':>6} {'equiv.':>6} {'score':>7}")
    for m in modules:
        unchecked = m.counts["not checked"]
        survived = m.total - m.killed - len(m.equivalent) - unchecked
        note = f"  ({unchecked} not checked)" if unchecked else ""
        print(
            f"{str(m.path).removeprefix('src/'):<44} {m.total:>6} {m.killed:>6} {survived:>6} "
            f"{len(m.equivalent):>6} {m.score:>6.1f}%{note}"
        )
        failed |= bool(unchecked) or m.score < args.min
    killed = sum(m.killed for m in modules)
    judged = sum(m.total - len(m.equivalent) for m in modules)
    print(
        f"{'all':<44} {sum(m.total for m in modules):>6} {killed:>6} {'':>6} "
        f"{sum(len(m.equivalent) for m in modules):>6} {100.0 * killed / judged:>6.1f}%"
    )
    survivors = [s for m in modules for s in m.survivors if not s.endswith(": not checked")]
    if survivors:
        print("\nNot killed (see each with `.venv/bin/mutmut show NAME`):")
        print("\n".join(f"  {s}" for s in survivors))
    stale = [s for m in modules for s in m.stale]
    if stale:
        print("\nStale entries in scripts/mutation_equivalents.toml (the mutated line changed):")
        print("\n".join(f"  {s}" for s in stale))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
