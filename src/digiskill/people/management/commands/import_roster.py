"""`digiskill import-roster --agency CODE FILE`: check and import a department's roster (CSV or XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.lib.tabular import TableError
from digiskill.people.models import RosterImport
from digiskill.people.services import roster_import

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = (
        "Import a department's roster. Every row is checked first; nothing is written unless all rows "
        "are valid (or --skip-invalid). People missing from the file are deactivated unless --partial."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--agency", required=True, help="Code of the department (กรม).")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Write the valid rows; put the rejected ones in FILE.rejected.csv (or --rejected).",
        )
        parser.add_argument(
            "--partial", action="store_true", help="The file lists only some people: deactivate nobody."
        )
        parser.add_argument("--rejected", type=Path, help="Where to write the rejected rows (CSV).")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"], kind=AgencyKind.DEPARTMENT).first()
        if agency is None:
            raise CommandError(
                f"ไม่พบกรมรหัส {options['agency']!r} / No department with code {options['agency']!r}"
            )
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"ไม่พบไฟล์ {path} / File not found: {path}")
        record = self._run(agency, path, options)
        self._report(record)
        if record.rejected_csv:
            target = options["rejected"] or path.with_name(path.name + ".rejected.csv")
            target.write_text(record.rejected_csv, encoding="utf-8-sig")
            self.stdout.write(f"แถวที่ไม่นำเข้า / Rejected rows: {target}")
        if record.errors and not record.written and not options["dry_run"]:
            raise CommandError("ไม่ได้นำเข้า เพราะมีข้อผิดพลาด / Nothing imported: the file has errors")

    def _run(self, agency: Agency, path: Path, options: dict[str, Any]) -> RosterImport:
        """Run the import; a dry run is rolled back entirely, so not even its record stays."""
        try:
            with transaction.atomic():
                record = roster_import(
                    actor=None,
                    agency=agency,
                    source=path,
                    filename=path.name,
                    dry_run=options["dry_run"],
                    skip_invalid=options["skip_invalid"],
                    partial=options["partial"],
                )
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except TableError as exc:
            raise CommandError(str(exc)) from None
        return record

    def _report(self, record: RosterImport) -> None:
        """Print the figures, the warnings and the first errors."""
        c = record.counts
        mode = "ตรวจอย่างเดียว / check only" if record.dry_run else "นำเข้า / import"
        self.stdout.write(f"{record.filename}: {mode}")
        self.stdout.write(
            f"  แถว / rows {c['rows']}: ถูกต้อง / valid {c['valid']}, ไม่ผ่าน / rejected {c['rejected']}"
        )
        verb = "" if record.written else " (จะ / would be)"
        self.stdout.write(
            f"  สร้างใหม่ / created {c['created']}, ปรับปรุง / updated {c['updated']}, "
            f"ไม่เปลี่ยน / unchanged {c['unchanged']}{verb}"
        )
        note = " (ไม่ปิด เพราะนำเข้าบางส่วน / none: partial roster)" if record.partial else ""
        self.stdout.write(
            f"  ปิดสถานะ (ไม่อยู่ในไฟล์) / deactivated (not in the file) {c['deactivated']}{verb}{note}"
        )
        for warning in record.warnings:
            self.stdout.write(f"  {warning}")
        for error in record.errors[:SHOWN_ERRORS]:
            self.stderr.write(f"  {error}")
        if c["errors"] > SHOWN_ERRORS:
            self.stderr.write(
                f"  … {c['errors'] - SHOWN_ERRORS} more / อีก {c['errors'] - SHOWN_ERRORS} รายการ"
            )
