"""Command-line front end: ``parse_unit FILE... [--json] [--strict]`` without Django.

The Django management command ``parse_unit`` wraps :func:`run`; :func:`main` is the same thing for
plain ``python -m digiskill.frameworks.parsing.cli``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, Protocol

from .model import ParsedUnit, UnitParseError
from .unit_document import parse_unit_file

__all__ = ["build_parser", "main", "run"]


class Writer(Protocol):
    """Anything with ``write(str)``: a text stream or Django's OutputWrapper."""

    def write(self, text: str, /) -> Any:
        """Write text."""


def build_parser(prog: str = "parse_unit") -> argparse.ArgumentParser:
    """Return the argument parser shared by :func:`main` and the management command."""
    parser = argparse.ArgumentParser(
        prog=prog, description="Parse competency-unit documents (TPQI template)."
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add FILE..., --json and --strict to an argument parser."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="unit document(s) as UTF-8 text")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per document")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit code 1)")


def _summary(unit: ParsedUnit) -> str:
    """Return a short human-readable summary of one parsed unit."""
    lines = [
        f"{unit.source}: {unit.code or '?'} ({unit.framework_code or '?'}) {unit.name_th or '?'}",
        f"  elements: {len(unit.elements)}, criteria: {len(unit.criteria)}, warnings: {len(unit.warnings)}",
    ]
    lines.extend(f"  - {warning}" for warning in unit.warnings)
    return "\n".join(lines) + "\n"


def run(paths: Sequence[str], *, as_json: bool, strict: bool, stdout: Writer, stderr: Writer) -> int:
    """Parse each file and print JSON or summaries; return 1 if any file failed, else 0.

    Errors go to ``stderr`` as ``FILE:LINE: message``.  Under ``strict`` a file with warnings fails;
    its warnings are reported on ``stderr`` but its data is still printed.
    """
    results: list[dict[str, Any]] = []
    failed = 0
    for path in paths:
        try:
            unit = parse_unit_file(path)
        except UnitParseError as error:
            stderr.write(f"{error}\n")
            failed += 1
            continue
        if strict and unit.warnings:
            failed += 1
            for warning in unit.warnings:
                stderr.write(f"{path}:{warning.removeprefix('line ')}\n")
        if as_json:
            results.append(unit.to_dict())
        else:
            stdout.write(_summary(unit))
    if as_json:
        stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="backslashreplace")
    return run(args.files, as_json=args.json, strict=args.strict, stdout=sys.stdout, stderr=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
