"""`digiskill import-case FILE`: create a framework from a CASE 1.1 package (JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.interchange.case import CaseImportError, parse_case_json
from digiskill.frameworks.interchange.services import framework_import_case
from digiskill.frameworks.models import Area, Criterion, Element, Unit


class Command(BaseCommand):
    """Validate a whole CASE package, then create its framework in one transaction."""

    help = "Import a CASE 1.1 package (JSON) as a new framework; nothing is written if anything is wrong."

    def add_arguments(self, parser: CommandParser) -> None:
        """FILE."""
        parser.add_argument("file", type=Path, metavar="FILE", help="CASE package (JSON)")

    def handle(self, *args: Any, **options: Any) -> None:
        """Read, validate and import; every problem is reported with the file name."""
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: อ่านไฟล์ไม่ได้ / cannot read: {exc.strerror}") from None
        try:
            fw = framework_import_case(actor=SYSTEM, package=parse_case_json(data, source=str(path)))
        except CaseImportError as exc:
            details = "\n".join(f"  {p}" for p in exc.problems)
            raise CommandError(f"{path}: นำเข้าไม่ได้ / not imported:\n{details}") from None
        counts = {
            "areas": Area.objects.filter(framework=fw).count(),
            "units": Unit.objects.filter(framework=fw).count(),
            "elements": Element.objects.filter(unit__framework=fw).count(),
            "criteria": Criterion.objects.filter(element__unit__framework=fw).count(),
        }
        self.stdout.write(f"{path}: imported framework {fw.code}: {counts}")
