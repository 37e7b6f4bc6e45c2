"""`digiskill export-case CODE [-o FILE]`: a framework as a CASE 1.1 package (JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digiskill.frameworks.interchange.case import framework_case_package, package_json
from digiskill.frameworks.models import Framework


def framework_or_error(code: str) -> Framework:
    """The framework with this code, or a CommandError that says so."""
    fw = Framework.objects.filter(code=code).first()
    if fw is None:
        raise CommandError(f"ไม่พบกรอบ {code} / no framework with code {code}")
    return fw


class Command(BaseCommand):
    """Write a framework's CASE package to a file or to standard output."""

    help = "Export a framework's competency tree as a CASE 1.1 package (JSON) to FILE or standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        """CODE and -o FILE."""
        parser.add_argument("code", help="framework code, e.g. OCSC-2561")
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        """Build the package and write it."""
        text = package_json(framework_case_package(framework_or_error(options["code"])))
        output: Path | None = options["output"]
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{output}: เขียนไฟล์ไม่ได้ / cannot write: {exc.strerror}") from None
        self.stderr.write(f"{output}: CASE package of {options['code']} written")
