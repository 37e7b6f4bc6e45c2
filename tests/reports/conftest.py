"""Fixtures of the report tests: plans written straight with the ORM (the plans app owns the workflow)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone

from digiskill.agencies.models import Agency, AgencyKind
from digiskill.frameworks.models import PersonnelGroup
from digiskill.frameworks.models import Role as FrameworkRole
from digiskill.people.models import Person
from digiskill.plans.models import BAND_OF_KIND, Plan, PlanActivity, PlanGoal, PlanStatus
from tests.factories import Cast, load_ocsc

YEAR = 2570
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
BANGKOK_NOON = dt.time(12, 0)


def at(day: dt.date) -> dt.datetime:
    """Noon in Bangkok on `day`, aware."""
    return timezone.make_aware(dt.datetime.combine(day, BANGKOK_NOON))


@dataclass
class Framework:
    a: PersonnelGroup
    s: PersonnelGroup
    a1: FrameworkRole


@pytest.fixture
def ocsc(db: None) -> Framework:
    """The bundled OCSC 2561 framework: groups A and S, and role A1."""
    fw = load_ocsc()
    return Framework(
        PersonnelGroup.objects.get(framework=fw, code="A"),
        PersonnelGroup.objects.get(framework=fw, code="S"),
        FrameworkRole.objects.get(framework=fw, code="A1"),
    )


def make_plan(
    person: Person,
    *,
    status: str = PlanStatus.DRAFT,
    year: int = YEAR,
    version: int = 1,
    is_current: bool = True,
    **fields: object,
) -> Plan:
    """A plan row for `person` with the person's division and group."""
    return Plan.objects.create(
        agency=person.agency,
        person=person,
        fiscal_year=year,
        version=version,
        is_current=is_current,
        status=status,
        division=person.division,
        group=person.group,
        supervisor=person.supervisor,
        next_level=person.supervisor.supervisor if person.supervisor else None,
        **fields,
    )


def add_goal(plan: Plan, activities: list[tuple[str, str, str]], **fields: object) -> PlanGoal:
    """A goal with activities given as (kind, title, hours)."""
    goal = PlanGoal.objects.create(plan=plan, **fields)
    for order, (kind, title, hours) in enumerate(activities):
        PlanActivity.objects.create(
            goal=goal,
            kind=kind,
            band=BAND_OF_KIND[kind],
            title=title,
            hours=Decimal(hours),
            start_date=dt.date(2026, 10, 1 + order),
            end_date=dt.date(2026, 12, 31),
            order=order,
        )
    return goal


@pytest.fixture
def idp(cast: Cast, ocsc: Framework) -> Plan:
    """The staff member's approved plan for FY 2570, with Thai text full of ำ and tone marks."""
    Person.objects.filter(pk=cast.staff_person.pk).update(group=ocsc.a, position_level="ปฏิบัติการ")
    cast.staff_person.refresh_from_db()
    plan = make_plan(
        cast.staff_person,
        status=PlanStatus.APPROVED,
        role=ocsc.a1,
        mission="พัฒนาทักษะด้านดิจิทัลเพื่อสนับสนุนเป้าหมายกรมดิจิทัลที่ให้บริการประชาชน",
        needs_next_level=True,
        specific_role_th="ผู้ประสานงานข้อมูลของกอง",
        submitted_at=at(dt.date(2026, 10, 5)),
        first_approved_at=at(dt.date(2026, 10, 7)),
        approved_at=at(dt.date(2026, 10, 9)),
    )
    add_goal(
        plan,
        [
            ("on_the_job", "ดำเนินการวิเคราะห์ข้อมูลคำร้องของประชาชน", "21"),
            ("coaching", "รับคำแนะนำจากผู้บังคับบัญชา", "6"),
            ("training", "หลักสูตรพัฒนาทักษะด้านดิจิทัล", "3"),
        ],
        skill_th="การวิเคราะห์ข้อมูล",
        what="ดำเนินการวิเคราะห์ข้อมูลการให้บริการด้วยเครื่องมือดิจิทัล",
        measure="รายงานผลการวิเคราะห์",
        target="2 ฉบับ",
        due_date=dt.date(2027, 3, 31),
        how_to_apply="นำผลการวิเคราะห์เสนอผู้อำนวยการเพื่อปรับปรุงบริการ",
        order=1,
    )
    add_goal(
        plan,
        [("e_learning", "เรียนรู้ด้วยตนเองเรื่องความมั่นคงปลอดภัยไซเบอร์", "4.5")],
        skill_th="ความมั่นคงปลอดภัยไซเบอร์",
        what="ใช้งานระบบอย่างปลอดภัยตามแนวปฏิบัติของกรม",
        how_to_apply="ปฏิบัติตามแนวปฏิบัติในงานประจำวัน",
        order=2,
    )
    return plan


def divisions(dept: Agency) -> list[Agency]:
    """The department's two divisions, in code order."""
    return list(dept.units.filter(kind=AgencyKind.DIVISION).order_by("code"))


def pdf_text(content: bytes) -> str:
    """The PDF's text layer as `pdftotext -layout` (poppler) reads it."""
    assert content.startswith(b"%PDF-"), content[:20]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.pdf"
        path.write_bytes(content)
        done = subprocess.run(
            [PDFTOTEXT, "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return done.stdout.decode("utf-8")


def xlsx_text(content: bytes) -> str:
    """Every non-empty cell of every sheet, one per line, as openpyxl reads them back."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return "\n".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


# What the form must show, with ำ and tone marks that a broken text layer loses.
THAI_FACTS = [
    "แผนพัฒนารายบุคคล",
    "ประจำปีงบประมาณ พ.ศ. 2570",
    "ดำเนินการวิเคราะห์ข้อมูล",
    "ผู้อำนวยการ",
    "พัฒนาทักษะด้านดิจิทัล",
    "ผู้บังคับบัญชา",
    "ผู้บังคับบัญชาเหนือขึ้นไป",
    "ผู้จัดทำแผน",
    "ทักษะที่ต้องพัฒนา",
    "เป้าหมายการพัฒนา",
    "วิธีการพัฒนา (70:20:10)",
    "การนำไปใช้ในการปฏิบัติงาน",
    "70: เรียนรู้จากการปฏิบัติงาน",
    "20: เรียนรู้จากผู้อื่น",
    "10: เรียนรู้จากการฝึกอบรม",
    "ชื่อ-สกุล",
    "ตำแหน่ง",
    "สังกัด",
    "กลุ่มบุคลากร",
    "บทบาทที่คาดหวัง",
    "A1 ผู้ใช้ข้อมูลดิจิทัลที่ทันสมัย",
    "ความเชื่อมโยงกับภารกิจของส่วนราชการ",
    "วันที่เสนอแผน 5 ตุลาคม 2569",
    "วันที่ให้ความเห็นชอบ 9 ตุลาคม 2569",
]


def assert_form_facts(text: str, plan: Plan) -> None:
    """The read-back text has the agency, the person and the Thai wording intact."""
    missing = [fact for fact in THAI_FACTS if fact not in text]
    assert not missing, f"missing {missing} in:\n{text}"
    assert plan.agency.name_th in text
    assert plan.agency.parent is not None and plan.agency.parent.name_th in text
    assert plan.person.full_name in text
    assert "ดาเนิน" not in text  # ำ dropped, as WeasyPrint's text layer does
