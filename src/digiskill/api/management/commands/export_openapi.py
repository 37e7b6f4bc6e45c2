"""`digiskill export-openapi [-o FILE]`: write the API's OpenAPI document (default: the committed one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from digiskill.api.document import COMMITTED, live_document, render


class Command(BaseCommand):
    help = (
        "Write the OpenAPI document of /api/v1 (by default to src/digiskill/api/openapi.json); '-' prints it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", default=str(COMMITTED), help="File to write, or - for stdout.")

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        text = render(live_document())
        if output == "-":
            self.stdout.write(text, ending="")
            return
        Path(output).write_text(text, encoding="utf-8")
        self.stdout.write(f"wrote {output}")
