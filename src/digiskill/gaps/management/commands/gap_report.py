"""`digiskill gap-report --agency CODE --format json|csv|xlsx [-o FILE]`: a department's gap analysis."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.gaps.exports import export
from digiskill.gaps.selectors import COLUMNS, ROWS, GapFilters, gap_analysis


class Command(BaseCommand):
    help = (
        "Write a department's skills gap analysis (every division and group, current agreed results) "
        "as JSON, CSV or XLSX, to a file or (JSON and CSV) to standard output."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--agency", required=True, help="Code of the department (กรม).")
        parser.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
        parser.add_argument("-o", "--output", type=Path, help="File to write (standard output if omitted).")
        parser.add_argument("--rows", choices=ROWS, default="division_group", help="Rows of the analysis.")
        parser.add_argument("--columns", choices=COLUMNS, default="unit", help="Columns: units or areas.")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["agency"]
        agency = Agency.objects.filter(code=code, kind=AgencyKind.DEPARTMENT).first()
        if agency is None:
            raise CommandError(f"ไม่พบกรมรหัส {code!r} / No department with code {code!r}")
        fmt = options["format"]
        output: Path | None = options["output"]
        if fmt == "xlsx" and output is None:
            raise CommandError("ระบุไฟล์ด้วย -o สำหรับ XLSX / Give a file with -o for XLSX")
        analysis = gap_analysis(agency, GapFilters(rows=options["rows"], columns=options["columns"]))
        content, _content_type = export(analysis, fmt)
        if output is None:
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return
        output.write_bytes(content)
        total = analysis.participation.total
        self.stderr.write(
            f"{output}: {len(analysis.rows)} แถว / rows, {total.assessed}/{total.people} "
            "ผู้รับการประเมินแล้ว / people assessed"
        )
