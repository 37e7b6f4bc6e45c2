"""`digiskill export-csv CODE [-o FILE]`: a framework as Moodle's competency-framework CSV."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digiskill.frameworks.interchange.moodle import write_framework_csv
from digiskill.frameworks.management.commands.export_case import framework_or_error


class Command(BaseCommand):
    """Write a framework's Moodle CSV to a file (UTF-8 with BOM) or to standard output."""

    help = "Export a framework as a Moodle competency-framework CSV (tool_lpimportcsv) to FILE or stdout."

    def add_arguments(self, parser: CommandParser) -> None:
        """CODE and -o FILE."""
        parser.add_argument("code", help="framework code, e.g. OCSC-2561")
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        """Build the CSV and write it."""
        fw = framework_or_error(options["code"])
        output: Path | None = options["output"]
        if output is None:
            buffer = io.BytesIO()
            write_framework_csv(fw, buffer)
            self.stdout.write(buffer.getvalue().decode("utf-8-sig"), ending="")
            return
        try:
            with output.open("wb") as stream:
                write_framework_csv(fw, stream)
        except OSError as exc:
            raise CommandError(f"{output}: เขียนไฟล์ไม่ได้ / cannot write: {exc.strerror}") from None
        self.stderr.write(f"{output}: Moodle CSV of {fw.code} written")
