"""`digiskill export-roster --agency CODE [-o FILE] [--format xlsx|csv]`: the roster, import columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.people.roster import write_roster


class Command(BaseCommand):
    help = (
        "Write a department's roster (active people; --include-inactive for everyone) as XLSX or CSV, "
        "in the import template's own columns: importing it back changes nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--agency", required=True, help="Code of the department (กรม).")
        parser.add_argument("-o", "--output", type=Path, help="File to write (default roster-CODE.FORMAT).")
        parser.add_argument("--format", choices=["xlsx", "csv"], help="Default: from -o, else xlsx.")
        parser.add_argument("--include-inactive", action="store_true", help="Also people no longer active.")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"], kind=AgencyKind.DEPARTMENT).first()
        if agency is None:
            raise CommandError(
                f"ไม่พบกรมรหัส {options['agency']!r} / No department with code {options['agency']!r}"
            )
        output = Path(options["output"]) if options["output"] else None
        fmt = options["format"] or ("csv" if output and output.suffix.lower() == ".csv" else "xlsx")
        path = output or Path(f"roster-{agency.code}.{fmt}")
        with path.open("wb") as stream:
            write_roster(stream, agency, fmt=fmt, include_inactive=options["include_inactive"])
        self.stdout.write(str(path))
