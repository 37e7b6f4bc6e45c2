"""`digiskill roster-template [-o FILE]`: write the blank roster template (XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from digiskill.people.roster import write_template


class Command(BaseCommand):
    help = "Write the blank roster template (XLSX): Thai headers, * on required columns."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("-o", "--output", type=Path, default=Path("roster-template.xlsx"))

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["output"])
        with path.open("wb") as stream:
            write_template(stream)
        self.stdout.write(f"{path}")
