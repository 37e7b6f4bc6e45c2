"""Example learning resources of the demo department, for `digiskill load-demo`.

Every entry is made up for the demonstration and says so: the providers are the demo department's
own units marked "(ตัวอย่าง)", the codes start with DEMO-, and no entry names a real course or a real
provider's address. They are linked to units of the OCSC 2561 framework and carry knowledge topics
worded like the knowledge items of its skill sets, so that plans have something to suggest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency
from digiskill.learning.importing import existing_resources
from digiskill.learning.models import LearningResource, ResourceKind, ResourceLanguage
from digiskill.learning.parsing import ResourceInput
from digiskill.learning.services import resource_create
from digiskill.learning.units import UnitLookup
from digiskill.lib.text import code_key

HRD = "กองพัฒนาบุคลากร (ตัวอย่าง)"
ICT = "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร (ตัวอย่าง)"
COP = "ชุมชนนักปฏิบัติด้านดิจิทัลของกรม (ตัวอย่าง)"
NOTE = "แหล่งเรียนรู้ตัวอย่างสำหรับสาธิตระบบ DigiSkill ไม่ใช่หลักสูตรจริง"


class DemoResource(NamedTuple):
    """One example resource."""

    code: str
    title: str
    provider: str
    kind: str
    hours: str | None
    cost: str | None
    units: tuple[str, ...]
    topics: tuple[str, ...]
    language: str = ResourceLanguage.THAI


K = ResourceKind
DEMO_RESOURCES: tuple[DemoResource, ...] = (
    DemoResource(
        "DEMO-LR-01",
        "พื้นฐานการเปลี่ยนผ่านสู่รัฐบาลดิจิทัลสำหรับบุคลากรของกรม",
        HRD,
        K.E_LEARNING,
        "3",
        "0",
        ("DTR100", "DLit100"),
        ("การเปลี่ยนผ่านสู่ดิจิทัล (Digital Transformation)", "รัฐบาลดิจิทัล"),
    ),
    DemoResource(
        "DEMO-LR-02",
        "ใช้เครื่องมือดิจิทัลในงานประจำวัน: เอกสาร ตารางคำนวณ และการประชุมออนไลน์",
        ICT,
        K.CLASSROOM,
        "6",
        "0",
        ("DLit200", "DLit300"),
        ("เครื่องมือดิจิทัลสำหรับการทำงาน", "การทำงานร่วมกันออนไลน์"),
    ),
    DemoResource(
        "DEMO-LR-03",
        "กฎหมายและธรรมาภิบาลดิจิทัลที่ผู้ปฏิบัติงานภาครัฐควรรู้",
        HRD,
        K.E_LEARNING,
        "2",
        "0",
        ("DG100",),
        ("กฎหมายดิจิทัล", "ธรรมาภิบาลข้อมูลภาครัฐ", "การคุ้มครองข้อมูลส่วนบุคคล"),
    ),
    DemoResource(
        "DEMO-LR-04",
        "บริหารความเสี่ยงดิจิทัลในโครงการของกรม",
        HRD,
        K.COURSE,
        "12",
        "3500",
        ("DG500",),
        ("การจัดการความเสี่ยงดิจิทัล (Digital Risk Management)",),
    ),
    DemoResource(
        "DEMO-LR-05",
        "ความมั่นคงปลอดภัยไซเบอร์และความต่อเนื่องของบริการดิจิทัล",
        ICT,
        K.CLASSROOM,
        "6",
        "0",
        ("DT500",),
        ("ความมั่นคงปลอดภัยด้านเทคโนโลยีสารสนเทศ (Cyber Security)", "แผนความต่อเนื่องของบริการ"),
    ),
    DemoResource(
        "DEMO-LR-06",
        "สถาปัตยกรรมองค์กรสำหรับผู้บริหารเทคโนโลยีสารสนเทศ",
        ICT,
        K.SEMINAR,
        "3",
        "0",
        ("DT200", "DT300"),
        ("สถาปัตยกรรมองค์กร (Enterprise Architecture)", "การกำกับดูแลสถาปัตยกรรมองค์กร"),
    ),
    DemoResource(
        "DEMO-LR-07",
        "วิเคราะห์ข้อมูลเพื่อการตัดสินใจด้วยตารางคำนวณและแดชบอร์ด",
        ICT,
        K.COURSE,
        "18",
        "0",
        ("DT600",),
        ("การวิเคราะห์และสังเคราะห์ข้อมูล", "Data Analytics"),
    ),
    DemoResource(
        "DEMO-LR-08",
        "พัฒนาซอฟต์แวร์แบบอไจล์: จากคำขอผู้ใช้สู่บริการที่ใช้งานได้",
        ICT,
        K.COURSE,
        "12",
        "0",
        ("DT700", "DS500"),
        ("การทำงานและประยุกต์ใช้งานแบบอไจล์ (Agile)",),
    ),
    DemoResource(
        "DEMO-LR-09",
        "ออกแบบบริการดิจิทัลโดยยึดผู้รับบริการเป็นศูนย์กลาง",
        HRD,
        K.CLASSROOM,
        "6",
        "1200",
        ("DS100", "DS300"),
        ("เทคนิคการออกแบบการให้บริการ (Service Design)",),
    ),
    DemoResource(
        "DEMO-LR-10",
        "สร้างบริการต้นแบบที่ใช้การได้ในเวลาสั้น (Minimum Viable Service)",
        HRD,
        K.COURSE,
        "12",
        "0",
        ("DS500",),
        ("การสร้างบริการต้นแบบ", "การทดสอบกับผู้รับบริการ"),
    ),
    DemoResource(
        "DEMO-LR-11",
        "ปรับปรุงกระบวนการบริการอย่างต่อเนื่องด้วยข้อมูลจากผู้รับบริการ",
        HRD,
        K.VIDEO,
        "1.5",
        "0",
        ("DS600", "DS700"),
        ("การปรับปรุงกระบวนการ", "การวัดผลการให้บริการ"),
    ),
    DemoResource(
        "DEMO-LR-12",
        "วางแผนและควบคุมโครงการดิจิทัลตั้งแต่ริเริ่มจนปิดโครงการ",
        HRD,
        K.COURSE,
        "18",
        "4500",
        ("SPM400", "SPM500", "SPM600"),
        ("การจัดการโครงการ (Project Management)", "การบริหารผู้มีส่วนได้เสีย (Stakeholder Management)"),
    ),
    DemoResource(
        "DEMO-LR-13",
        "คู่มือการกำหนดยุทธศาสตร์ดิจิทัลของส่วนราชการ",
        HRD,
        K.BOOK,
        None,
        "0",
        ("SPM100", "SPM200"),
        ("ความเชื่อมโยงทิศทางนโยบายและยุทธศาสตร์", "การออกแบบองค์กรดิจิทัล"),
    ),
    DemoResource(
        "DEMO-LR-14",
        "ผู้นำการเปลี่ยนแปลงดิจิทัล: สร้างทีมข้ามหน่วยงานและสอนงาน",
        HRD,
        K.SEMINAR,
        "3",
        "0",
        ("DL100", "DL200", "DTR200"),
        ("เทคนิคการสร้างทีม (Team Building)", "การสอนงาน (Coaching)"),
    ),
    DemoResource(
        "DEMO-LR-15",
        "วงแลกเปลี่ยนเรียนรู้การขับเคลื่อนองค์กรดิจิทัลประจำเดือน",
        COP,
        K.COMMUNITY,
        None,
        "0",
        ("DL300", "DTR300"),
        ("การสื่อสารการเปลี่ยนแปลง", "การแลกเปลี่ยนประสบการณ์"),
    ),
)


def demo_resources(dept: Agency) -> list[LearningResource]:
    """Add the example resources the demo department lacks (by code); existing ones are left as they are."""
    have = existing_resources(dept)
    lookup = UnitLookup(dept)
    for demo in DEMO_RESOURCES:
        if code_key(demo.code) in have:
            continue
        unit_ids, _unknown = lookup.resolve_all(demo.units)
        resource_create(
            actor=SYSTEM,
            agency=dept,
            data=ResourceInput(
                code=demo.code,
                title=demo.title,
                provider=demo.provider,
                kind=demo.kind,
                hours=Decimal(demo.hours) if demo.hours is not None else None,
                cost=Decimal(demo.cost) if demo.cost is not None else None,
                language=demo.language,
                description=NOTE,
                topics=demo.topics,
                unit_ids=tuple(unit_ids),
            ),
        )
    codes = [d.code for d in DEMO_RESOURCES]
    return list(LearningResource.objects.filter(agency=dept, code__in=codes).order_by("code"))
