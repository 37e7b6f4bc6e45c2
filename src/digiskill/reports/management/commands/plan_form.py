"""`digiskill plan-form --person NATIONAL_ID [--year BE] --format pdf|xlsx -o FILE`: the official IDP form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.lib.national_id import normalise_national_id
from digiskill.people.models import Person
from digiskill.plans.selectors import current_plan, this_fiscal_year
from digiskill.reports.documents import plan_pdf, plan_xlsx
from digiskill.reports.fonts import FontMissing
from digiskill.reports.pdf import PdfUnavailable


class Command(BaseCommand):
    help = (
        "Write a person's individual development plan (the current version of the fiscal year's plan) "
        "as the official form, in PDF or XLSX."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--person", required=True, help="The person's national ID (13 digits).")
        parser.add_argument(
            "--agency", help="Code of the department, when the national ID is in several departments."
        )
        parser.add_argument("--year", type=int, help="Fiscal year in the Buddhist era (default: this one).")
        parser.add_argument("--format", required=True, choices=["pdf", "xlsx"], dest="fmt")
        parser.add_argument("-o", "--output", required=True, type=Path, help="The file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        person = self._person(options["person"], options.get("agency"))
        year = options.get("year") or this_fiscal_year()
        if not 2400 < year < 2700:
            raise CommandError(
                f"ปีงบประมาณต้องเป็นปีพุทธศักราช เช่น 2570 แต่ได้ {year} / "
                f"The fiscal year must be a Buddhist-era year such as 2570, not {year}"
            )
        plan = current_plan(person, year)
        if plan is None:
            raise CommandError(
                f"ไม่พบแผนพัฒนารายบุคคลปีงบประมาณ {year} ของ {person.full_name} ({person.agency.code}) / "
                f"No development plan for fiscal year {year} of {person.full_name} ({person.agency.code})"
            )
        try:
            content = plan_pdf(plan) if options["fmt"] == "pdf" else plan_xlsx(plan)
        except (PdfUnavailable, FontMissing) as exc:
            raise CommandError(str(exc)) from None
        path: Path = options["output"]
        try:
            path.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"เขียนไฟล์ {path} ไม่ได้ / Cannot write {path}: {exc.strerror}") from None
        self.stdout.write(
            f"{path}: {person.full_name} ปีงบประมาณ / fiscal year {year} "
            f"ฉบับที่ / version {plan.version} ({plan.get_status_display()})"
        )

    def _person(self, national_id: str, agency_code: str | None) -> Person:
        """The one person with this national ID (in the given department)."""
        wanted = normalise_national_id(national_id)
        people = Person.objects.filter(national_id=wanted).select_related("agency")
        if agency_code:
            if not Agency.objects.filter(code=agency_code, kind=AgencyKind.DEPARTMENT).exists():
                raise CommandError(f"ไม่พบกรมรหัส {agency_code!r} / No department with code {agency_code!r}")
            people = people.filter(agency__code=agency_code)
        found = list(people[:10])
        if not found:
            where = f" ในกรม {agency_code}" if agency_code else ""
            where_en = f" in department {agency_code}" if agency_code else ""
            raise CommandError(
                f"ไม่พบบุคลากรเลขประจำตัวประชาชน {wanted}{where} / No person with national ID {wanted}{where_en}"
            )
        if len(found) > 1:
            codes = ", ".join(sorted(p.agency.code for p in found))
            raise CommandError(
                f"เลขประจำตัวประชาชน {wanted} มีในหลายกรม ({codes}) ระบุ --agency / "
                f"National ID {wanted} is in several departments ({codes}): give --agency"
            )
        return found[0]
