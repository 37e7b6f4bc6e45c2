"""`digiskill load-framework [FILE ...]`: load framework data files (the bundled ones by default)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.loading import FrameworkDataError, bundled_framework_files, read_framework
from digiskill.frameworks.services import framework_load


class Command(BaseCommand):
    help = "Load skills-framework data files (YAML); with no file, the frameworks shipped with DigiSkill."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("files", nargs="*", type=Path)
        parser.add_argument(
            "--if-needed", action="store_true", help="Skip files whose data is already loaded."
        )
        parser.add_argument("--force", action="store_true", help="Write even when the data has not changed.")
        parser.add_argument(
            "--strict", action="store_true", help="Fail on parser warnings in unit documents."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files = options["files"] or bundled_framework_files()
        try:
            sources = [read_framework(path, strict=options["strict"]) for path in files]
        except FrameworkDataError as exc:
            raise CommandError(str(exc)) from None
        for source in sources:
            report = framework_load(actor=SYSTEM, source=source, force=options["force"])
            if report.unchanged:
                self.stdout.write(f"{report.framework}: up to date / ข้อมูลเป็นปัจจุบันแล้ว")
                continue
            self.stdout.write(
                f"{report.framework}: created / สร้าง {_counts(report.created)}; "
                f"updated / ปรับปรุง {_counts(report.updated)}"
            )
            for warning in report.warnings:
                self.stderr.write(f"  warning: {warning}")


def _counts(counts: dict[str, int]) -> str:
    """ "34 unit, 42 criterion", or "0" when nothing."""
    return ", ".join(f"{n} {name}" for name, n in counts.items() if n) or "0"
