"""`digiskill import-roster --agency CODE FILE`: check and import a department's roster (CSV or XLSX)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency, AgencyKind
from digiskill.lib.tabular import TableError
from digiskill.people.models import RosterImport
from digiskill.people.services import roster_import

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = (
        "Import a department's roster: people are matched by national ID, new ones created, changed ones "
        "updated. Every row is checked first; nothing is written unless all rows are valid (or "
        "--skip-invalid). Nobody is deactivated unless --deactivate-missing (the file is the whole "
        "roster): the people missing from it are then listed by name and deactivated only after you "
        "confirm (answer y, or --yes; without a terminal the command refuses without --yes)."
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
        whole = parser.add_mutually_exclusive_group()
        whole.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="The file is the whole roster: deactivate active people missing from it (listed first).",
        )
        whole.add_argument(
            "--partial",
            action="store_true",
            help="The file lists only some people: deactivate nobody (the default; kept for old scripts).",
        )
        parser.add_argument(
            "--yes", action="store_true", help="Confirm the listed deactivations without asking."
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
        """Import (or check); with --deactivate-missing, check first, list, ask, then confirm."""
        common = {
            "actor": SYSTEM,
            "agency": agency,
            "source": path,
            "filename": path.name,
            "skip_invalid": options["skip_invalid"],
            "deactivate_missing": options["deactivate_missing"],
            "keep_upload": False,
        }
        try:
            if options["dry_run"] or not options["deactivate_missing"]:
                return roster_import(dry_run=options["dry_run"], **common)
            check = roster_import(dry_run=True, **common)
            if check.errors and not options["skip_invalid"]:
                return check  # refused below, like any file with errors
            if check.counts["deactivated"]:
                self._report(check)
                self._confirm(check, options)
            record = roster_import(confirm_token=check.confirm_token, **common)
        except (TableError, ValidationError) as exc:
            raise CommandError(str(exc) if isinstance(exc, TableError) else " ".join(exc.messages)) from None
        if not record.written and record.counts["deactivated"]:
            self._report(record)
            raise CommandError(
                "รายชื่อผู้ที่จะถูกปิดสถานะเปลี่ยนไประหว่างตรวจ ไม่ได้นำเข้า กรุณาสั่งใหม่ / "
                "The people to deactivate changed since the check; nothing imported: run the command again"
            )
        return record

    def _confirm(self, check: RosterImport, options: dict[str, Any]) -> None:
        """Ask for the listed deactivations (or take --yes); refuse when nobody can answer."""
        n = check.counts["deactivated"]
        if options["yes"]:
            return
        if not sys.stdin.isatty():
            raise CommandError(
                f"จะปิดสถานะ {n} คน ต้องยืนยันด้วย --yes / "
                f"{n} people would be deactivated: confirm with --yes (no terminal to ask)"
            )
        answer = input(f"ปิดสถานะ {n} คนตามรายชื่อข้างต้นหรือไม่ / Deactivate these {n} people? [y/N] ")
        if answer.strip().lower() not in {"y", "yes", "ใช่"}:
            raise CommandError("ยกเลิก ไม่ได้นำเข้า / Cancelled: nothing imported")

    def _report(self, record: RosterImport) -> None:
        """Print the figures, who is (or would be) deactivated, the warnings and the first errors."""
        c = record.counts
        mode = "นำเข้า / import" if record.written else "ตรวจอย่างเดียว / check only"
        self.stdout.write(f"{record.filename}: {mode}")
        self.stdout.write(
            f"  แถว / rows {c['rows']}: ถูกต้อง / valid {c['valid']}, ไม่ผ่าน / rejected {c['rejected']}"
        )
        verb = "" if record.written else " (จะ / would be)"
        self.stdout.write(
            f"  สร้างใหม่ / created {c['created']}, ปรับปรุง / updated {c['updated']}, "
            f"ไม่เปลี่ยน / unchanged {c['unchanged']}{verb}"
        )
        note = "" if record.deactivate_missing else " (ไม่ปิดผู้ใด / nobody: not --deactivate-missing)"
        self.stdout.write(
            f"  ปิดสถานะ (ไม่อยู่ในไฟล์) / deactivated (not in the file) {c['deactivated']}{verb}{note}"
        )
        for person in record.deactivation:
            supervises = (
                f" — ผู้บังคับบัญชาของ / supervises {person['supervises']}" if person["supervises"] else ""
            )
            self.stdout.write(f"    - {person['name']}, {person['division'] or '—'}{supervises}")
        if c["deactivated"] > len(record.deactivation):
            self.stdout.write(f"    … {c['deactivated'] - len(record.deactivation)} more / อีก")
        for warning in record.warnings:
            self.stdout.write(f"  {warning}")
        for error in record.errors[:SHOWN_ERRORS]:
            self.stderr.write(f"  {error}")
        if c["errors"] > SHOWN_ERRORS:
            self.stderr.write(
                f"  … {c['errors'] - SHOWN_ERRORS} more / อีก {c['errors'] - SHOWN_ERRORS} รายการ"
            )
