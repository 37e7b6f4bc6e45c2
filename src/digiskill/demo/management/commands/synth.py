"""`digiskill synth --agency CODE --people N [--seed S] [--replace]`: a synthetic department for trials."""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from digiskill.accounts.access import SYSTEM
from digiskill.demo.synth import synth_department


class Command(BaseCommand):
    help = (
        "Build a realistic synthetic department: divisions, people with valid national IDs under a "
        "supervisor tree, the six groups, a digital target, skill sets, an announcement and "
        "self-assessments with gaps. Loads the OCSC framework if needed. Never touches a real department."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--agency", required=True, help="Code of the new department.")
        parser.add_argument("--people", type=int, required=True, help="How many people (50 - 1,000,000).")
        parser.add_argument(
            "--seed", type=int, default=2569, help="Random seed; the same seed gives the same data."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Rebuild a department synth made before (its data is deleted).",
        )
        parser.add_argument("--stage", default="early", help="Target stage code (early, developing, mature).")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            report = synth_department(
                actor=SYSTEM,
                code=options["agency"],
                people=options["people"],
                seed=options["seed"],
                replace=options["replace"],
                stage_code=options["stage"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        c = report.counts
        self.stdout.write(
            f"{report.agency.code}: {report.people} คน / people, {report.divisions} กอง / divisions, "
            f"{report.sections} กลุ่มงาน / sections"
        )
        self.stdout.write(
            f"  ประเมินแล้ว / agreed {c.get('agreed', 0)}, รอผู้บังคับบัญชา / submitted {c.get('submitted', 0)}, "
            f"ร่าง / draft {c.get('draft', 0)}, ยังไม่เริ่ม / not started {c.get('none', 0)}"
        )
        self.stdout.write(
            f"  {report.assessments} รอบการประเมิน / assessments, {report.items} รายการ / items "
            f"in {time.perf_counter() - started:.0f} s"
        )
