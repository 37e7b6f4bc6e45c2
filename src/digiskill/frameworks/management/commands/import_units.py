"""`digiskill import-units FILE... [--framework CODE] [--dry-run] [--strict]`: store unit documents.

Each file is parsed (TPQI unit-document template) and stored in the framework through
`units_import`: a new unit is created, a unit already there is updated in place and its earlier
revision kept. With --dry-run the same import runs and is then rolled back, so what it prints is
exactly what would change. Any error names the file and stops everything (exit code 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.models import Area, Framework, Unit, UnitRevision
from digiskill.frameworks.parsing import ParsedUnit, UnitParseError, parse_unit_file
from digiskill.frameworks.services import LoadReport, units_import
from digiskill.lib.text import code_key

DEFAULT_FRAMEWORK = "OCSC-2561"


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back, carrying what it did."""

    def __init__(self, report: LoadReport, revisions: int) -> None:
        super().__init__("dry run")
        self.report = report
        self.revisions = revisions


def _unit_code(path: Path, parsed: ParsedUnit, fw: Framework) -> str:
    """The code the unit will have in the framework; CommandError naming the file when it cannot be placed."""
    code = parsed.framework_code or parsed.code
    if not code or not parsed.name_th:
        raise CommandError(f"{path}: ไม่มีรหัสหรือชื่อหน่วย / the document has no unit code or name")
    key = code_key(code)
    if not any(
        key.startswith(code_key(a)) for a in Area.objects.filter(framework=fw).values_list("code", flat=True)
    ):
        raise CommandError(
            f"{path}: ไม่พบด้านที่ตรงกับรหัสหน่วย {code} ในกรอบ {fw.code} / "
            f"no area of framework {fw.code} matches unit code {code}"
        )
    return code


class Command(BaseCommand):
    """Parse unit documents and store them in a framework (or show what would change)."""

    help = "Import competency-unit documents (TPQI template) into a framework; earlier revisions are kept."

    def add_arguments(self, parser: CommandParser) -> None:
        """FILE..., --framework, --dry-run, --strict."""
        parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="unit document(s) as text")
        parser.add_argument(
            "--framework", default=DEFAULT_FRAMEWORK, help=f"framework code (default {DEFAULT_FRAMEWORK})"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and show what would change; write nothing"
        )
        parser.add_argument("--strict", action="store_true", help="treat parser warnings as errors")

    def handle(self, *args: Any, **options: Any) -> None:
        """Parse every file first, then import them all in one transaction."""
        fw = Framework.objects.filter(code=options["framework"]).first()
        if fw is None:
            raise CommandError(
                f"ไม่พบกรอบ {options['framework']} (โหลดก่อนด้วย digiskill load-framework) / "
                f"no framework {options['framework']}; load it first with digiskill load-framework"
            )
        documents: list[ParsedUnit] = []
        for path in options["files"]:
            try:
                parsed = parse_unit_file(path, strict=options["strict"])
            except UnitParseError as exc:
                raise CommandError(str(exc)) from None
            code = _unit_code(path, parsed, fw)
            state = "update" if Unit.objects.filter(framework=fw, code=code).exists() else "new"
            self.stdout.write(
                f"{path}: {code} ({parsed.code or '-'}) {parsed.name_th}: {state}, "
                f"{len(parsed.elements)} elements, {len(parsed.criteria)} criteria"
            )
            documents.append(parsed)
        report, revisions = self._import(fw, documents, dry_run=options["dry_run"])
        for warning in report.warnings:
            self.stderr.write(f"  warning: {warning}")
        if options["dry_run"]:
            self.stdout.write(
                f"{fw.code} (dry run, nothing written / ทดลอง ไม่ได้บันทึก): would create {report.created}, "
                f"update {report.updated}, keep {revisions} earlier revision(s)"
            )
        else:
            self.stdout.write(
                f"{fw.code}: created {report.created}, updated {report.updated}, "
                f"kept {revisions} earlier revision(s)"
            )

    def _import(self, fw: Framework, documents: list[ParsedUnit], *, dry_run: bool) -> tuple[LoadReport, int]:
        """Run the import; on a dry run roll it back. Returns the report and the revisions kept."""
        try:
            with transaction.atomic():
                before = UnitRevision.objects.filter(unit__framework=fw).count()
                report = units_import(actor=SYSTEM, framework=fw, documents=documents)
                revisions = UnitRevision.objects.filter(unit__framework=fw).count() - before
                if dry_run:
                    raise _DryRun(report, revisions)
        except _DryRun as dry:
            return dry.report, dry.revisions
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        return report, revisions
