"""`digiskill import-resources FILE [--agency CODE] [--dry-run]`: check and import learning resources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency, AgencyKind
from digiskill.learning.services import ImportResult, resources_import
from digiskill.lib.tabular import TableError

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = (
        "Import learning resources (CSV or XLSX) into a department's catalog, or without --agency into "
        "the shared one. Every row is checked first; nothing is written unless all rows are valid."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--agency", help="Code of the department (กรม); leave out for shared resources.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(code=options["agency"], kind=AgencyKind.DEPARTMENT).first()
            if agency is None:
                raise CommandError(
                    f"ไม่พบกรมรหัส {options['agency']!r} / No department with code {options['agency']!r}"
                )
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {path} / File not found: {path}")
        try:
            result = resources_import(
                actor=SYSTEM, agency=agency, source=path, filename=path.name, dry_run=options["dry_run"]
            )
        except TableError as exc:
            raise CommandError(str(exc)) from None
        self._report(result, agency)
        if result.errors:
            raise CommandError("ไม่ได้นำเข้า เพราะมีข้อผิดพลาด / Nothing imported: the file has errors")

    def _report(self, result: ImportResult, agency: Agency | None) -> None:
        """Print the figures, the warnings and the first errors."""
        owner = f"{agency.code} {agency.name_th}" if agency else "ส่วนกลาง / shared"
        mode = "ตรวจอย่างเดียว / check only" if result.dry_run else "นำเข้า / import"
        self.stdout.write(f"{result.filename} → {owner}: {mode}")
        verb = "" if result.written else " (จะ / would be)"
        self.stdout.write(
            f"  แถว / rows {result.rows}: สร้างใหม่ / created {result.created}, "
            f"ปรับปรุง / updated {result.updated}, ไม่เปลี่ยน / unchanged {result.unchanged}{verb}"
        )
        for warning in result.warnings:
            self.stdout.write(f"  {warning}")
        for error in result.errors[:SHOWN_ERRORS]:
            self.stderr.write(f"  {error}")
        if len(result.errors) > SHOWN_ERRORS:
            more = len(result.errors) - SHOWN_ERRORS
            self.stderr.write(f"  … อีก {more} รายการ / {more} more")
