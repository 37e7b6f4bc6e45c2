"""``manage.py parse_unit FILE... [--json] [--strict]``: parse competency-unit documents.

Needs no database and runs no system checks; it wraps :func:`digiskill.frameworks.parsing.cli.run`.
Exit code 1 if any file failed (or, with --strict, had warnings); errors go to stderr as FILE:LINE.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digiskill.frameworks.parsing.cli import add_arguments, run


class Command(BaseCommand):
    """Parse unit documents and print JSON (--json) or a short summary per file."""

    help = "Parse competency-unit documents (TPQI template) and print JSON or a summary; no database."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        """Add FILE..., --json and --strict."""
        add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        """Parse the files; raise CommandError (exit code 1) if any failed."""
        files: list[str] = options["files"]
        code = run(
            files, as_json=options["json"], strict=options["strict"], stdout=self.stdout, stderr=self.stderr
        )
        if code:
            raise CommandError("one or more unit documents failed to parse (see above)", returncode=code)
