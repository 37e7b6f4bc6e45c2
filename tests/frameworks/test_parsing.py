"""Tests for the competency-unit document parser (no Django needed).

The three seed units are asserted field by field; the expected values were written from the
documents themselves (src/digiskill/frameworks/data/ocsc-2561/units/*.txt), not from parser output.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from digiskill.frameworks.parsing import (
    SECTION_SPECS,
    GroupMatcher,
    ParsedUnit,
    UnitParseError,
    main,
    parse_unit_file,
    parse_unit_text,
)

REPO = Path(__file__).resolve().parents[2]
UNITS = REPO / "src" / "digiskill" / "frameworks" / "data" / "ocsc-2561" / "units"
SEED_SHA256 = {
    "DTR100.txt": "1517a968a2f8384a7a19449506d01baba5237609e7094c3ed599627347872e22",
    "DS500.txt": "cb897d22023a8f0107bc5b8cbff31cd13e36769dbf68c9cc43ff02856cee0164",
    "DS600.txt": "21d0ca2ae54427e61145c0b8d0eb41bf423047d9ab294731327001309dcb0c9f",
}
SERIES = "สมรรถนะสนับสนุนการทำงานด้านดิจิทัลสำหรับข้าราชการ และบุคลากรภาครัฐ"
STATUS_WARNING = (
    "line 19: ระบุสถานะ (สร้างใหม่/ปรับปรุง) ไม่ได้: ไม่มีตัวเลือกที่ถูกทำเครื่องหมายและไม่มีข้อมูลการทบทวน"
    " / cannot tell whether the unit is new or revised: no option is marked and there is no revision"
)
PREREQUISITES = [
    "ทักษะการเรียนรู้ในศตวรรษที่ 21",
    "ความเข้าใจเกี่ยวกับระบบราชการ หน้าที่ความรับผิดชอบ และการบริหารจัดการภาครัฐ",
    "ความรู้เกี่ยวกับกฎหมายปกครอง พ.ร.บ.ข้อมูลข่าวสารทางราชการ กฎหมายว่าด้วยการละเมิด",
    "ความรู้เกี่ยวกับทิศทางและยุทธศาสตร์ของประเทศ",
    "ความรู้เกี่ยวกับเทคโนโลยีดิจิทัล",
]
REGULATIONS = [
    "พระราชกฤษฎีกากำหนดหลักเกณฑ์และวิธีการในการทำธุรกรรมทางอิเล็กทรอนิกส์ภาครัฐ พ.ศ. 2549",
    "พระราชบัญญัติว่าด้วยธุรกรรมทางอิเล็กทรอนิกส์ (ฉบับที่ 2) พ.ศ. 2551",
    "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
    "พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ พ.ศ. 2560",
    "พระราชบัญญัติการพัฒนาดิจิทัลเพื่อเศรษฐกิจและสังคม พ.ศ. 2560",
]
CERTIFICATES = "ประกาศนียบัตรต่างๆ จากการฝึกอบรมพัฒนาหรือการเรียนรู้ที่เกี่ยวข้อง"
TO_DICT_KEYS = [
    "source",
    "code",
    "framework_code",
    "name_th",
    "name_en",
    "series",
    "revision",
    "status",
    "status_basis",
    "occupations_text",
    "target_groups",
    "description",
    "qualification_level",
    "sector",
    "other_occupations",
    "regulations",
    "elements",
    "prerequisites",
    "required_skills",
    "required_knowledge",
    "evidence",
    "range_statement",
    "joint_units",
    "joint_industries",
    "assessment_methods",
    "assessment_manual_reference",
    "assessment_text",
    "sections",
    "warnings",
]


@cache
def seed(name: str) -> ParsedUnit:
    """Parse a seed unit once per test session."""
    return parse_unit_file(UNITS / f"{name}.txt")


def seed_text(name: str) -> str:
    """Return the text of a seed unit."""
    return (UNITS / f"{name}.txt").read_text(encoding="utf-8")


def criteria_rows(unit: ParsedUnit) -> list[tuple[str | None, str | None, str | None, str]]:
    """Return (code, system code, number, text) for every criterion."""
    return [(c.code, c.system_code, c.number, c.text) for c in unit.criteria]


def without_sections(unit: ParsedUnit) -> dict[str, Any]:
    """Return to_dict() without the raw sections (which keep the original characters)."""
    data: dict[str, Any] = unit.to_dict()
    data.pop("sections")
    return data


# --------------------------------------------------------------------------- seed files


@pytest.mark.parametrize(("name", "digest"), sorted(SEED_SHA256.items()))
def test_seed_copies_are_verbatim(name: str, digest: str) -> None:
    """The repo copies are byte-identical to the seed documents they were copied from."""
    assert hashlib.sha256((UNITS / name).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    ("name", "code", "framework", "elements", "criteria", "first_system", "last_system"),
    [
        ("DTR100", "CEC-BCTZ-001", "DTR100", 5, 17, 176468, 176484),
        ("DS500", "CEC-BJEV-024", "DS500", 4, 13, 176720, 176732),
        ("DS600", "DG-OPSR-023", "DS600", 3, 8, 216768, 216775),
    ],
)
def test_seed_counts_and_consecutive_system_codes(
    name: str, code: str, framework: str, elements: int, criteria: int, first_system: int, last_system: int
) -> None:
    """Known facts: element/criterion counts and consecutive system codes."""
    unit = seed(name)
    assert (unit.code, unit.framework_code) == (code, framework)
    assert len(unit.elements) == elements
    assert len(unit.criteria) == criteria
    assert [int(c.system_code or 0) for c in unit.criteria] == list(range(first_system, last_system + 1))
    assert unit.source == f"{name}.txt"


@pytest.mark.parametrize("name", ["DTR100", "DS500", "DS600"])
def test_seed_to_dict_shape_and_raw_sections(name: str) -> None:
    """to_dict() has exactly the documented keys, is JSON-ready and keeps every section's raw text."""
    unit = seed(name)
    data = unit.to_dict()
    assert list(data) == TO_DICT_KEYS
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert list(data["sections"]) == [str(n) for n in range(19)]
    assert data["sections"]["1"].startswith("1. รหัสหน่วยสมรรถนะ")
    assert data["sections"]["18"].startswith("18. รายละเอียดกระบวนการและวิธีการประเมิน")
    assert "ยินดีต้อนรับ" not in data["sections"]["18"]  # trailing web-page furniture is dropped
    assert list(data["elements"][0]) == ["code", "name_th", "name_en", "criteria"]
    assert list(data["elements"][0]["criteria"][0]) == ["code", "system_code", "text", "number"]
    assert list(data["evidence"]) == ["performance", "knowledge", "assessment_advice"]
    assert list(data["range_statement"]) == ["text", "advice", "definitions"]


# --------------------------------------------------------------------------- DTR100 / CEC-BCTZ-001


def test_dtr100_header_fields() -> None:
    """Sections 1-10 and the preamble of CEC-BCTZ-001."""
    unit = seed("DTR100")
    assert unit.code == "CEC-BCTZ-001"
    assert unit.framework_code == "DTR100"
    assert unit.name_th == "ขับเคลื่อนการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล"
    assert unit.name_en == "Digital Government Transformation"
    assert unit.series == SERIES
    assert unit.revision is None  # "3. ทบทวนครั้งที่ /"
    assert unit.status is None  # "4. สร้างใหม่ ปรับปรุง", nothing marked, never reviewed
    assert unit.status_basis is None
    assert unit.occupations_text == (
        "ข้าราชการและบุคลากรภาครัฐ กลุ่มผู้บริหารระดับสูง (Executive) และกลุ่มผู้อำนวยการกอง (Management)"
    )
    assert unit.target_groups == ["E", "M"]
    assert unit.description is not None
    assert unit.description.startswith("ผู้ที่ผ่านหน่วยสมรรถนะนี้จะมีความสามารถในการกำหนดเป้าหมายและแผนงาน")
    assert unit.description.endswith("ดิจิทัลเป็นหลักปฏิบัติในระดับองค์กร (Institutionalization)")
    assert unit.description == (
        "ผู้ที่ผ่านหน่วยสมรรถนะนี้จะมีความสามารถในการกำหนดเป้าหมายและแผนงานการเปลี่ยนผ่านสู่รัฐบาล ดิจิทัล"
        " สร้างกลยุทธ์เพื่อเปลี่ยนผ่านสู่วัฒนธรรมการทำงานแบบดิจิทัล สร้างทีมผู้นำการเปลี่ยนแปลงที่มองปัญหา แบบองค์รวม"
        " (Holistic View) โดยคำนึงถึงการใช้ทรัพยากรอย่างคุ้มค่า สร้างความมีส่วนร่วมและหลักคิด (Mindset)"
        " ของผู้ที่มีส่วนเกี่ยวข้องเพื่อขับเคลื่อนรัฐบาลดิจิทัล และสร้างกลไกและทำให้การขับเคลื่อนสู่รัฐบาล"
        " ดิจิทัลเป็นหลักปฏิบัติในระดับองค์กร (Institutionalization)"
    )
    assert unit.qualification_level is None
    assert unit.sector == "ข้าราชการ และบุคลากรภาครัฐ"
    assert unit.other_occupations == []
    assert unit.regulations == []
    assert unit.warnings == [STATUS_WARNING]


def test_dtr100_elements() -> None:
    """Every element code and name of CEC-BCTZ-001 (only a trailing English gloss is name_en)."""
    unit = seed("DTR100")
    assert [(e.code, e.name_th, e.name_en, len(e.criteria)) for e in unit.elements] == [
        (
            "DTR101",
            "กำหนดเป้าหมายและแผนงานการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล",
            "Improving Digital Experiences in Government",
            3,
        ),
        ("DTR102", "สร้างกลยุทธ์เพื่อเปลี่ยนผ่านสู่วัฒนธรรมการทำงานแบบดิจิทัล", None, 4),
        (
            "DTR103",
            "สร้างทีมผู้นำการเปลี่ยนแปลงที่มองปัญหาแบบองค์รวม (Holistic View) โดยคำนึงถึงการใช้ทรัพยากรอย่างคุ้มค่า",
            None,
            3,
        ),
        (
            "DTR104",
            "สร้างความมีส่วนร่วมและหลักคิด (Mindset) ของผู้ที่มีส่วนเกี่ยวข้องเพื่อขับเคลื่อนรัฐบาลดิจิทัล",
            None,
            3,
        ),
        (
            "DTR105",
            "สร้างกลไกและทำให้การขับเคลื่อนสู่รัฐบาลดิจิทัลเป็นหลักปฏิบัติในระดับองค์กร",
            "Institutionalization",
            4,
        ),
    ]


def test_dtr100_criteria() -> None:
    """Every criterion of CEC-BCTZ-001: code, system code, number and text."""
    assert criteria_rows(seed("DTR100")) == [
        ("DTR101.01", "176468", "1.1", "คาดการณ์ปัญหาที่อาจเกิดขึ้นจากการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล"),
        ("DTR101.02", "176469", "1.2", "ระบุปัญหา และวิเคราะห์ช่องว่างการเปลี่ยนผ่าน"),
        ("DTR101.03", "176470", "1.3", "วางแผนการทำงานเพื่อการเปลี่ยนผ่าน"),
        ("DTR102.01", "176471", "2.1", "กำหนดประเด็นหรือสิ่งที่ต้องดำเนินการเพื่อปรับสู่การทำงานแบบดิจิทัล"),
        ("DTR102.02", "176472", "2.2", "ระบุได้ถึงจุดที่ต้องพัฒนาและปรับเปลี่ยนและวางกลยุทธ์เพื่อปรับปรุง"),
        (
            "DTR102.03",
            "176473",
            "2.3",
            "อธิบายได้ถึงผลลัพธ์/ผลกระทบของการเปลี่ยนผ่านสู่วัฒนธรรมดิจิทัลที่มีผลต่อความสำเร็จของรัฐบาลดิจิทัล",
        ),
        (
            "DTR102.04",
            "176474",
            "2.4",
            "กำหนดกลยุทธ์และตัวชี้วัดผลการทำงานเพื่อเปลี่ยนผ่านสู่วัฒนธรรมการทำงานแบบดิจิทัล",
        ),
        (
            "DTR103.01",
            "176475",
            "3.1",
            "สื่อสารวิสัยทัศน์และกลยุทธ์การทำงานแบบดิจิทัลที่มีความเชื่อมโยง สัมพันธ์ในงานที่รับผิดชอบกับส่วนงานอื่น",
        ),
        (
            "DTR103.02",
            "176476",
            "3.2",
            "ระบุคุณสมบัติและคุณลักษณะของบุคคลในทีมผู้นำการเปลี่ยนแปลงโดยคำนึงถึงความสอดคล้องกับกลยุทธ์และนโยบายขององค์กรดิจิทัล",
        ),
        ("DTR103.03", "176477", "3.3", "สรรหาสมาชิกทีมผู้นำการเปลี่ยนแปลงสู่รัฐบาลดิจิทัล"),
        (
            "DTR104.01",
            "176478",
            "4.1",
            "สร้างบรรยากาศให้สมาชิกในทีมและผู้มีส่วนเกี่ยวข้องเกิดความเป็นเจ้าของและความร่วมมือกันในการทำงานร่วมกัน",
        ),
        (
            "DTR104.02",
            "176479",
            "4.2",
            "สร้างพันธกิจสัมพันธ์(Engagement) ให้ผู้มีส่วนเกี่ยวข้องมีวิสัยทัศน์และเป้าหมายร่วมกัน",
        ),
        ("DTR104.03", "176480", "4.3", "ดำเนินกิจกรรมและสนับสนุนการทำงานให้เป็นไปตามเป้าหมาย"),
        ("DTR105.01", "176481", "5.1", "วิเคราะห์และแจกแจงปัญหาอุปสรรคของการดำเนินงานร่วมกันกับผู้ที่เกี่ยวข้อง"),
        ("DTR105.02", "176482", "5.2", "ระบุแนวทางและสรุปทางเลือกในการแก้ไขปัญหาจากความคิดของกลุ่มคนที่แตกต่าง"),
        ("DTR105.03", "176483", "5.3", "นำประสบการณ์ที่ประสบผลสำเร็จ (Best Practice) มาใช้ในการแก้ไขปัญหาที่เกิดขึ้น"),
        ("DTR105.04", "176484", "5.4", "พัฒนากลไกและหลักปฏิบัติสำหรับการแก้ไขปัญหาและประกาศให้ทราบทั่วทั้งองค์กร"),
    ]


def test_dtr100_skills_and_knowledge() -> None:
    """Sections 12-13; the fourth prerequisite bullet holds two entries glued with "−"."""
    unit = seed("DTR100")
    assert unit.prerequisites == PREREQUISITES
    assert len(unit.required_skills) == 8
    assert unit.required_skills[0] == (
        "มองเห็นภาพรวมและความเชื่อมโยงระหว่างการทำงานของตนเองและคนอื่น (Holistic View and Task Linkage)"
    )
    assert unit.required_skills[-1] == "สร้างเครือข่ายความสัมพันธ์(Networking Ability)"
    assert len(unit.required_knowledge) == 12
    assert unit.required_knowledge[0] == "ความรู้เกี่ยวกับนโยบายการเปลี่ยนผ่านสู่รัฐบาลอิเล็กทรอนิกส์"
    assert unit.required_knowledge[3].startswith("ความรู้ด้านกรอบธรรมภิบาลและหลักปฏิบัติที่ดีเช่น Enterprise")
    assert unit.required_knowledge[-1] == "เทคนิคการบริหารผู้มีส่วนได้เสีย (Stakeholder Management)"


def test_dtr100_evidence_range_and_assessment() -> None:
    """Sections 14-18 of CEC-BCTZ-001."""
    unit = seed("DTR100")
    assert unit.evidence.performance == [
        "ประวัติการดำรงตำแหน่ง หรือ ประวัติการทำงาน",
        "กลยุทธ์การดำเนินงานเพื่อพัฒนาองค์กรดิจิทัล/องค์กรอัจฉริยะ ที่สอดคล้องกับสภาพเศรษฐกิจ สังคม และการเมือง",
    ]
    assert len(unit.evidence.knowledge) == 3
    assert unit.evidence.knowledge[0].startswith("อธิบายความเชื่อมโยงของสภาพแวดล้อมภายนอกองค์การ")
    assert unit.evidence.knowledge[1] == (
        "ผลการพัฒนาหรือการนำเสนอแนวทางการดำเนินงานของหน่วยงานให้เหมาะสมกับสภาพแวดล้อม เศรษฐกิจและสังคม"
    )
    assert unit.evidence.knowledge[2] == CERTIFICATES
    assert unit.evidence.assessment_advice == [
        "ตรวจประเมินหลักฐานโดยพิจารณาจากร่องรอยหลักฐานที่เกี่ยวข้อง ทั้งหลักฐานด้านปฏิบัติงานและ หลักฐานด้านความรู้"
    ]
    statement = unit.range_statement
    assert statement.text is not None
    assert statement.text.startswith("หน่วยสมรรถนะนี้มุ่งเน้นการขับเคลื่อนการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล")
    assert statement.text.endswith("ขับเคลื่อนสู่รัฐบาลดิจิทัลเป็นหลักปฏิบัติในระดับองค์กร")
    assert len(statement.advice) == 4
    assert statement.advice[0].startswith("ผู้ปฏิบัติงานภายใต้หน่วยสมรรถนะนี้จะเป็นผู้บริหารระดับสูง")
    assert statement.advice[2] == (
        "มีการใช้สื่อดิจิทัลในการทำงาน สำหรับกรอบหน่วยสมรรถนะนี้ให้ครอบคลุมในประเด็นเครื่องมือใน การประชุม"
        " (Collaboration Tool) เช่น SLAG, Skype, Hangout เป็นต้น"
    )
    assert statement.advice[3].endswith("กลุ่มให้บริการจะเน้นระบุประเด็นปัญหาจากการให้บริการ โดยให้ข้อมูลย้อนกลับ")
    assert [(d.term, d.meaning) for d in statement.definitions][:2] == [
        ("การแก้ไขปัญหาการทำงานอย่างเป็นระบบ", "ปัญหาที่ถูกแก้ไขแล้วไม่ควรเกิดซ้ำอีก"),
        (
            "นวัตกรรม",
            "การพัฒนารัฐบาลดิจิทัลด้วยวิธีใหม่ๆ และยังอาจหมายถึงการเปลี่ยนแปลงทาง ความคิด การผลิต กระบวนการ หรือองค์กร",
        ),
    ]
    assert statement.definitions[0].text == "การแก้ไขปัญหาการทำงานอย่างเป็นระบบ หมายถึง ปัญหาที่ถูกแก้ไขแล้วไม่ควรเกิดซ้ำอีก"
    assert statement.definitions[2].term == "การวิเคราะห์สวอต (SWOT Analysis)"
    assert statement.definitions[2].meaning is not None
    assert statement.definitions[2].meaning.endswith("ตลอดจนผลกระทบที่มีต่อการทำงานขององค์กร")
    assert unit.joint_units == []
    assert unit.joint_industries == []
    assert unit.assessment_methods == ["written_exam", "interview", "performance_evidence", "assessment_tool"]
    assert unit.assessment_manual_reference is None
    assert unit.assessment_text == [
        "สอบข้อเขียน การสัมภาษณ์และการใช้หลักฐานการปฏิบัติงาน",
        "พิจารณาได้จากเครื่องมือประเมินสมรรถนะบุคคล (Assessment Tool)",
    ]


# --------------------------------------------------------------------------- DS500 / CEC-BJEV-024


def test_ds500_header_fields() -> None:
    """Sections 1-10 of CEC-BJEV-024; section 10 has five laws glued on one line."""
    unit = seed("DS500")
    assert unit.code == "CEC-BJEV-024"
    assert unit.framework_code == "DS500"
    # The English gloss sits in the middle of the title, so it stays part of the Thai name.
    assert unit.name_th == (
        "สร้างนวัตกรรมบริการแก่นที่ใช้การได้และสำเร็จได้ (Minimum Viable Service) ในระยะเวลาสั้นและใช้ทรัพยากรน้อยที่สุด"
    )
    assert unit.name_en is None
    assert unit.series == SERIES
    assert unit.revision is None
    assert unit.status is None
    assert unit.occupations_text == "ข้าราชการและบุคลากรภาครัฐ กลุ่มผู้ปฏิบัติงานเฉพาะด้านเทคโนโลยีดิจิทัล (Technology)"
    assert unit.target_groups == ["T"]
    assert unit.description == (
        "ผู้ที่ผ่านหน่วยสมรรถนะนี้มีความสามารถในการออกแบบความคิดสำหรับการพัฒนาบริการดิจิทัล ออกแบบกระบวนงาน"
        "สำหรับการให้บริการ (Process Design) ออกแบบสารสนเทศสำหรับการให้บริการ (Information Design)"
        " ออกแบบองค์กรสำหรับการให้บริการ และ พัฒนานวัตกรรมบริการดิจิทัล ด้วยเทคนิคพล วัตรปรับต่อเนื่อง"
    )
    assert unit.qualification_level is None
    assert unit.sector == "ข้าราชการ และบุคลากรภาครัฐ"
    assert unit.other_occupations == []
    assert unit.regulations == REGULATIONS
    assert unit.warnings == [STATUS_WARNING]


def test_ds500_elements_and_criteria() -> None:
    """Every element and criterion of CEC-BJEV-024."""
    unit = seed("DS500")
    assert [(e.code, e.name_th, e.name_en, len(e.criteria)) for e in unit.elements] == [
        ("DS501", "ออกแบบกระบวนการทำงานของบริการดิจิทัล", "Process Design", 3),
        ("DS502", "ออกแบบสารสนเทศสำหรับการให้บริการ", "Information Design", 3),
        ("DS503", "ออกแบบองค์กรสำหรับการให้บริการ", None, 2),
        ("DS504", "พัฒนานวัตกรรมบริการดิจิทัลด้วยเทคนิคพลวัตรปรับต่อเนื่อง", None, 5),
    ]
    assert criteria_rows(unit) == [
        ("DS501.01", "176720", "1.1", "ทบทวนรายละเอียดกระบวนการทำงานของบริการดิจิทัลแบบเชื่อมโยง"),
        (
            "DS501.02",
            "176721",
            "1.2",
            "ออกแบบกระบวนการทำงานใหม่โดยมุ่งเน้นการเชื่อมโยงกระบวนการที่เกี่ยวข้องทั้งภายในและภายนอกองค์กร",
        ),
        ("DS501.03", "176722", "1.3", "จัดทำเอกสารกระบวนงานเพื่อการอ้างอิงสำหรับการพัฒนา"),
        (
            "DS502.01",
            "176723",
            "2.1",
            "อธิบายได้ถึง Information Flow เพื่อทำให้การพัฒนาบริการดิจิทัลมีประสิทธิภาพและคุณภาพการให้บริการที่มีคุณภาพสูง",
        ),
        ("DS502.02", "176724", "2.2", "ระบุแหล่งข้อมูลที่ต้องการนำมาใช้ซ้ำหรือใช้ร่วมกันระหว่างหน่วยงาน"),
        ("DS502.03", "176725", "2.3", "จัดทำเอกสารอธิบายข้อมูล และการไหลของข้อมูลเพื่อใช้อ้างอิงร่วมกันในการพัฒนา"),
        (
            "DS503.01",
            "176726",
            "3.1",
            "ระบุทีมงานและทักษะที่ต้องการสำหรับพัฒนานวัตกรรมบริการตลอดกระบวนงานทั้ง Frontstage และ Backstage",
        ),
        ("DS503.02", "176727", "3.2", "มอบอำนาจการตัดสินใจสำหรับบุคคลและทีมในการตัดสินใจเองได้"),
        (
            "DS504.01",
            "176728",
            "4.1",
            "เลือกใช้เทคโนโลยีดิจิทัลเพื่อพัฒนานวัตกรรมสำหรับยกระดับการให้บริการอย่างมีประสิทธิผล",
        ),
        (
            "DS504.02",
            "176729",
            "4.2",
            "พัฒนานวัตกรรมบริการที่สำเร็จได้ในระยะเวลาสั้นเพื่อให้ทันต่อการใช้งานและพิสูจน์สมมติฐานก่อนขยายการพัฒนา",
        ),
        ("DS504.03", "176730", "4.3", "กำหนดสถานการณ์ทดสอบเสมือนจริง"),
        ("DS504.04", "176731", "4.4", "วิเคราะห์ปัญหาอุปสรรคที่ได้จากการทดสอบและจัดทำข้อเสนอแนะเพื่อปรับแต่ง"),
        ("DS504.05", "176732", "4.5", "ติดตาม ประเมิน และปรับแต่งนวัตกรรมบริการ"),
    ]


def test_ds500_skills_knowledge_evidence_range_assessment() -> None:
    """Sections 12-18 of CEC-BJEV-024, typos of the source kept as they are."""
    unit = seed("DS500")
    assert unit.prerequisites == ["ทักษะการเรียนรู้ในศตวววษที่ 21", *PREREQUISITES[1:]]  # sic: ศตวววษ
    assert len(unit.required_skills) == 6
    assert unit.required_skills[0] == "ทักษะการวิเคราะห์กระบวนงานให้บริการแบบเชื่อมโยง"
    assert unit.required_skills[-1] == "มีความพยายาม ไม่ย่อท้อ (Persistent)"
    assert len(unit.required_knowledge) == 13
    assert unit.required_knowledge[0] == "ความรู้เกี่ยวกับเป้าหมาย พันธกิจ กระบวนการทำงานและการให้บริการของหน่วยงาน"
    assert unit.required_knowledge[1] == (  # sic: the opening parenthesis is missing in the source
        "ความรู้ด้านการออกแบบองค์กรและเทคนิคการทำให้บรรลุผล Organization Design and Implementation)"
    )
    assert unit.required_knowledge[-1] == "ความรู้พื้นฐานเกี่ยวกับการทดสอบซอฟต์แวร์"
    assert unit.evidence.performance == [
        "ประวัติการดำรงตำแหน่ง หรือ ประวัติการทำงาน",
        "หลักฐานหรือเอกสารในการสร้างนวัตกรรมบริการ",
    ]
    assert unit.evidence.knowledge == ["หลักฐานการนำนวัตกรรมบริการไปใช้และผลการประเมินจากผู้ใช้", CERTIFICATES]
    assert unit.evidence.assessment_advice == [  # sic: the source is cut off at "ความร"
        "ตรวจประเมินหลักฐานโดยพิจารณาจากร่องรอยหลักฐานที่เกี่ยวข้อง ทั้งหลักฐานด้านปฏิบัติงานและ หลักฐานด้านความร"
    ]
    statement = unit.range_statement
    assert statement.text is not None
    assert statement.text.startswith("หน่วยสมรรถนะนี้เป็นสมรรถนะของข้าราชการที่ทำหน้าที่ให้บริการประชาชน")
    assert statement.text.endswith("จากนั้นจึงทำการปรับแก้แล้วจึงทำในส่วนสำคัญถัดไป")
    assert len(statement.advice) == 3
    assert statement.advice[1] == (
        "การวิเคราะห์เพื่อสร้างนวัตกรรมบริการแก่น จะใช้วิธีการคัดเลือกส่วนสำคัญเพื่อสร้างต้นแบบอย่าง"
        " รวดเร็วในรอบแรก และเพื่อเป็นต้นแบบการพัฒนานวัตกรรมแก่นในรอบถัดไป"
    )
    assert [d.term for d in statement.definitions] == [
        "การออกแบบบริการร่วมกัน จะใช้แนวคิดแบบ Co-Creation",
        "การทำงานแบบพลวัตรปรับต่อเนื่อง (Agile)",
        "เทคนิคการทวนสอบแนวคิด (Prove of Concept) ของการให้บริการดิจิทัล",
    ]
    assert statement.definitions[1].meaning is not None
    assert statement.definitions[1].meaning.startswith("เทคนิคในการทำงานที่ไม่เน้นความสมบูรณ์ในแต่ละ ขั้นตอน")
    assert unit.joint_units == []
    assert unit.joint_industries == []
    assert unit.assessment_methods == []
    assert unit.assessment_manual_reference == "กระบวนการและวิธีการประเมินให้ดูในคู่มือการประเมิน"
    assert unit.assessment_text == ["กระบวนการและวิธีการประเมินให้ดูในคู่มือการประเมิน"]


# --------------------------------------------------------------------------- DS600 / DG-OPSR-023


def test_ds600_header_fields() -> None:
    """Sections 1-10 of DG-OPSR-023; section 10 has bullets glued on one line."""
    unit = seed("DS600")
    assert unit.code == "DG-OPSR-023"
    assert unit.framework_code == "DS600"
    assert unit.name_th == "ปรับปรุงงานบริการรดิจิทัลเพื่อยกระดับอย่างต่อเนื่อง"  # sic: บริการร
    assert unit.name_en is None
    assert unit.series == SERIES
    assert unit.revision is not None
    assert unit.revision.to_dict() == {"number": 1, "year_be": 2567}
    assert unit.status == "revised"  # no option is marked, but the unit was reviewed (1 / 2567)
    assert unit.status_basis == "revision"
    assert unit.occupations_text == "N/A"
    assert unit.target_groups == []
    assert unit.description == (
        "ผู้ที่ผ่านหน่วยสมรรถนะนี้ มีความสามารถในการประเมินความคิดเห็นของผู้ใช้ สามารถวิเคราะห์ข้อมูลการให้บริการ"
        "เชิงปริมาณ และจัดทำข้อเสนอแนะเพื่อปรับปรุงบริการ ตลอดจนถอดองค์ความรู้เพื่อปรับปรุงคุณภาพการให้บริการได้"
    )
    assert unit.qualification_level is None
    assert unit.sector == "ข้าราชการและบุคลากรภาครัฐ"
    assert unit.other_occupations == []
    assert unit.regulations == REGULATIONS
    assert unit.warnings == []


def test_ds600_elements_and_criteria() -> None:
    """Every element and criterion of DG-OPSR-023 (its criteria carry no "1.1" numbers)."""
    unit = seed("DS600")
    assert [(e.code, e.name_th, e.name_en, len(e.criteria)) for e in unit.elements] == [
        ("DS601", "ประเมินความคิดเห็นของผู้ใช้บริการ", None, 3),
        ("DS602", "จัดทำข้อเสนอแนะเพื่อปรับปรุงบริการ", None, 2),
        ("DS603", "ถอดองค์ความรู้เพื่อปรับปรุงคุณภาพการให้ บริการ", None, 3),  # sic: stray space
    ]
    assert criteria_rows(unit) == [
        ("DS601.01", "216768", None, "กำหนดกลุ่มผู้ใช้และตัวแบบการประเมิน"),
        ("DS601.02", "216769", None, "รวบรวมความคิดเห็นของผู้ใช้"),
        ("DS601.03", "216770", None, "สรุปผลการประเมินและการวิเคราะห์"),
        ("DS602.01", "216771", None, "รับฟังข้อเสนอแนะ"),
        ("DS602.02", "216772", None, "ชี้แจงสาเหตุ ผลกระทบและประโยชน์ที่จะได้รับแก่ผู้ใช้"),
        ("DS603.01", "216773", None, "ประมวลผลคุณภาพการให้บริการ"),
        ("DS603.02", "216774", None, "จัดทำข้อเสนอแนะในการปรับปรุงองค์ประกอบการออกแบบนวัตกรรมบริการ"),
        ("DS603.03", "216775", None, "ถ่ายทอดองค์ความรู้"),
    ]


def test_ds600_skills_knowledge_evidence_range_assessment() -> None:
    """Sections 12-18 of DG-OPSR-023: "−" bullets, NBSPs and lines continued after a blank line."""
    unit = seed("DS600")
    assert unit.prerequisites == PREREQUISITES
    assert unit.required_skills == [
        "ทักษะการรับฟังและการให้ข้อมูลย้อนกลับ",
        "ทักษะในการสร้างตัวชี้วัดและค่าวัด",
        "ทักษะในการใช้เครื่องมือ GQM",
        "มีความคิดริเริ่ม (Innovative)",
        "มีจิตบริการ (Hospitable)",
        "ชอบแก้ปัญหาที่มีความท้าทาย (Problem Solving)",
        "มีความพยายาม ไม่ย่อท้อ (Persistent)",
    ]
    assert len(unit.required_knowledge) == 7
    assert unit.required_knowledge[0] == "ความรู้พื้นฐานเกี่ยวกับสถาปัตยกรรมองค์กร (Enterprise Architecture)"
    assert unit.required_knowledge[-1] == "เทคนิคการจัดการความรู้ (Knowledge Management)"
    assert unit.evidence.performance == [
        "หลักฐานการปรับปรุงงานบริการรดิจิทัลเพื่อยกระดับอย่างต่อเนื่อง",
        "เอกสารหรือรายงานที่แสดงถึงการปรับปรุงงานบริการรดิจิทัลเพื่อยกระดับอย่างต่อเนื่อง",
    ]
    assert unit.evidence.knowledge == [
        "ความเข้าใจในแนวคิด หลักการข้อเสนอแนะในการปรับปรุงกระบวนการให้บริการเชิงประสิทธิภาพ และคุณภาพ",
        "ข้อเสนอวิธีการบริหารจัดการความรู้ที่ได้จากการประเมินคุณภาพการให้บริการ รวมทั้งการจัดเก็บ"
        " และแลกเปลี่ยนข้อมูลความรู้ ได้อย่างมีประสิทธิภาพ",
        CERTIFICATES,
    ]
    assert unit.evidence.assessment_advice == [
        "ตรวจประเมินหลักฐานโดยพิจารณาจากร่องรอยหลักฐานที่เกี่ยวข้อง ทั้งหลักฐานด้านปฏิบัติงานและหลักฐานด้านความรู้"
    ]
    statement = unit.range_statement
    assert statement.text == (
        "หน่วยสมรรถนะ เป็นความสามารถในการวิเคราะห์เพื่อปรับปรุงบริการดิจิทัล และปรับปรุงกระบวนงาน"
        " บริการเพื่อยกระดับคุณภาพการให้บริการดิจิทัลได้อย่างต่อเนื่อง การประเมินบริการดิจิทัล เน้นด้าน คุณภาพ"
        " ของการให้บริการ ซึ่งกำหนดได้ในหลายมิติ ได้แก่ มิติของเวลา ทรัพยากรที่ใช้ ระดับความพึงพอใจของผู้รับบริการ"
        " และสัมฤทธิผลของการให้บริการ โดยจะทำการวิเคราะห์จากข้อมูลที่ได้จากระบบบริการดิจิทัลในแต่ละ"
        " กระบวนงานบริการย่อยจุดต่างๆ เพื่อพิจารณาการปรับปรุงคุณภาพอย่างต่อเนื่อง"
    )
    assert len(statement.advice) == 3
    assert statement.advice[0].startswith("Measurement และ Metric ในหน่วยสมรรถนะนี้")
    assert statement.advice[0].endswith("ที่จะใช้ในการ วัดอันได้แก่ เวลา งบประมาณ คน และ เทคโนโลยีที่ใช้ในการรวบรวมข้อมูล")
    assert statement.advice[2] == (
        "การประเมินสามารถประเมินได้ทั้งบริการดิจิทัลในปัจจุบัน และบริการดิจิทัลใหม่ที่เกิดจาก"
        " การร่วมมือในการสร้างบริการของเครือข่ายดำเนินงานร่วมกันระหว่างผู้ใช้บริการกับผู้รับบริการ"
    )
    assert len(statement.definitions) == 1
    assert statement.definitions[0].term == "Service-Level Agreement หรือ SLA"
    assert statement.definitions[0].meaning is not None
    assert statement.definitions[0].meaning.startswith("ระดับการให้บริการของผู้ให้บริการกับผู้ใช้งาน")
    assert unit.joint_units == []
    assert unit.joint_industries == []
    assert unit.assessment_methods == ["written_exam"]
    assert unit.assessment_manual_reference is None
    assert unit.assessment_text == ["สอบข้อเขียน"]


# --------------------------------------------------------------------------- robustness

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize("name", ["DTR100", "DS500", "DS600"])
@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.translate(THAI_DIGITS), id="thai-digits"),
        pytest.param(lambda t: t.replace(" ", "\u00a0"), id="nbsp"),
        pytest.param(lambda t: t.replace("ร", "ร\u200b"), id="zero-width"),
        pytest.param(lambda t: t.replace("ำ", "ํา"), id="decomposed-sara-am"),
        pytest.param(lambda t: t.replace("ที่", "ท ี่").replace("กำ", "ก ำ"), id="ocr-space-before-mark"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: "\ufeff" + t.replace("•", "◦"), id="bom-and-other-bullet"),
    ],
)
def test_noise_does_not_change_the_result(name: str, variant: object) -> None:
    """Thai digits, NBSP, zero-width characters and OCR slips normalise to the same unit."""
    assert callable(variant)
    noisy = parse_unit_text(variant(seed_text(name)), source=f"{name}.txt")
    assert without_sections(noisy) == without_sections(seed(name))


def test_truncated_document_returns_what_is_present_and_warns_per_missing_section() -> None:
    """A document cut after section 6 keeps sections 1-6 and warns (Thai, then English) for 7-18."""
    lines = seed_text("DTR100").splitlines()
    unit = parse_unit_text("\n".join(lines[:29]), source="cut.txt")
    assert (unit.code, unit.name_th, unit.target_groups) == (
        "CEC-BCTZ-001",
        "ขับเคลื่อนการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล",
        ["E", "M"],
    )
    assert unit.description is not None and unit.description.endswith("(Institutionalization)")
    assert unit.elements == []
    missing = [w for w in unit.warnings if "is missing" in w]
    assert len(missing) == 12
    assert missing[0] == "line 28: ไม่พบหัวข้อ 7. สำหรับระดับคุณวุฒิ / section 7 (Qualification Level) is missing"
    assert missing[-1] == (
        "line 28: ไม่พบหัวข้อ 18. รายละเอียดกระบวนการและวิธีการประเมิน"
        " / section 18 (Assessment Description and Procedure) is missing"
    )
    assert list(unit.sections) == ["0", "1", "2", "3", "4", "5", "6"]


def test_missing_middle_section_names_the_line_of_the_next_section() -> None:
    """Deleting the heading of section 12 gives one bilingual warning at the heading of section 13."""
    text = seed_text("DS500").replace(
        "12. ความรู้และทักษะก่อนหน้าที่จำเป็น (Pre-requisite Skill & Knowledge)", "ข้อความอื่น"
    )
    unit = parse_unit_text(text)
    assert (
        "line 151: ไม่พบหัวข้อ 12. ความรู้และทักษะก่อนหน้าที่จำเป็น"
        " / section 12 (Pre-requisite Skill & Knowledge) is missing"
    ) in unit.warnings
    assert unit.prerequisites == []
    assert len(unit.criteria) == 13


def test_strict_turns_warnings_into_an_error_naming_file_and_line() -> None:
    """strict=True raises UnitParseError for warnings; a clean unit passes."""
    with pytest.raises(UnitParseError) as caught:
        parse_unit_file(UNITS / "DTR100.txt", strict=True)
    assert caught.value.line == 19
    assert str(caught.value).startswith(f"{UNITS / 'DTR100.txt'}:19: strict mode: ระบุสถานะ")
    assert parse_unit_file(UNITS / "DS600.txt", strict=True).warnings == []
    with pytest.raises(UnitParseError, match=r"^x\.txt:2: strict mode"):
        parse_unit_text("1. รหัสหน่วยสมรรถนะ A-B-1\n2. ชื่อหน่วยสมรรถนะ ทดสอบ", source="x.txt", strict=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", r"^<text>:1: the document is empty$"),
        (" \n\u00a0\n\u200b", r"^<text>:1: the document is empty$"),
    ],
)
def test_empty_document_is_an_error(text: str, message: str) -> None:
    """An empty document is a UnitParseError, not an empty unit."""
    with pytest.raises(UnitParseError, match=message):
        parse_unit_text(text)


def test_unexpected_failure_becomes_unit_parse_error_with_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a section handler surfaces as UnitParseError naming the source and the section's line."""
    from digiskill.frameworks.parsing import unit_document

    def boom(*_: object) -> None:
        raise ValueError("boom")

    monkeypatch.setitem(unit_document._HANDLERS, 11, boom)
    with pytest.raises(
        UnitParseError, match=r"^DS600\.txt:38: internal error while parsing: ValueError"
    ) as caught:
        parse_unit_text(seed_text("DS600"), source="DS600.txt")
    assert caught.value.line == 38
    assert isinstance(caught.value.__cause__, ValueError)


def test_file_errors(tmp_path: Path) -> None:
    """Unreadable, binary and undecodable files raise UnitParseError naming the path (and line)."""
    with pytest.raises(UnitParseError, match=r"nope\.txt: cannot read the file"):
        parse_unit_file(tmp_path / "nope.txt")
    with pytest.raises(UnitParseError, match=r"cannot read the file"):
        parse_unit_file(tmp_path)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"line one\nline two\x00\x01")
    with pytest.raises(UnitParseError, match=r"binary\.txt:2: this is not a text file"):
        parse_unit_file(binary)
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"ok\nok\n\xff\xfe\xfd\xfc \x80\xdb")
    with pytest.raises(UnitParseError, match=r"bad\.txt:3: the file is neither UTF-8"):
        parse_unit_file(undecodable)


def test_tis620_file_is_decoded_with_a_warning(tmp_path: Path) -> None:
    """A Windows-874/TIS-620 file parses like the UTF-8 original, with one encoding warning."""
    legacy = tmp_path / "DS600.txt"
    legacy.write_bytes(seed_text("DS600").replace("\u00a0", " ").replace("−", "-").encode("cp874"))
    unit = parse_unit_file(legacy)
    assert unit.code == "DG-OPSR-023"
    assert len(unit.criteria) == 8
    assert unit.warnings == ["line 1: ไฟล์ไม่ใช่ UTF-8 อ่านด้วยรหัสอักขระ cp874 / not UTF-8; decoded as cp874"]


def test_glued_single_line_table_and_late_system_code() -> None:
    """Rows glued onto one line, and a system code on its own line, still give the right criteria."""
    text = "\n".join(
        [
            "11. สมรรถนะย่อยและเกณฑ์การปฏิบัติงาน (Elements and Performance Criteria)",
            "XYZ101 วางแผน (Planning) 1.1 กำหนดเป้าหมาย XYZ101.01 100001 XYZ101 วางแผน (Planning)"
            " 1.2 กำหนดแผน XYZ101.02 100002",
            "XYZ102",
            "",
            "ดำเนินการ",
            "",
            "ปฏิบัติตามแผน",
            "",
            "XYZ102.01",
            "",
            "100003",
        ]
    )
    unit = parse_unit_text(text)
    assert [(e.code, e.name_th, e.name_en) for e in unit.elements] == [
        ("XYZ101", "วางแผน", "Planning"),
        ("XYZ102", "ดำเนินการ", None),
    ]
    assert criteria_rows(unit) == [
        ("XYZ101.01", "100001", "1.1", "กำหนดเป้าหมาย"),
        ("XYZ101.02", "100002", "1.2", "กำหนดแผน"),
        ("XYZ102.01", "100003", None, "ปฏิบัติตามแผน"),
    ]
    assert unit.framework_code == "XYZ100"
    assert not [w for w in unit.warnings if "XYZ" in w]


def test_criterion_problems_are_warnings() -> None:
    """Missing system code, wrong number, duplicate code and code-less text are reported by line."""
    text = "\n".join(
        [
            "11. สมรรถนะย่อยและเกณฑ์การปฏิบัติงาน",
            "AB101",
            "ชื่อ",
            "1.2 ข้อแรก",
            "AB101.01",
            "AB101",
            "ชื่อ",
            "1.2 ข้อสอง",
            "AB101.01 555555",
            "AB102",
            "ชื่ออื่น",
            "2.1 ไม่มีรหัส",
        ]
    )
    unit = parse_unit_text(text)
    warnings = "\n".join(unit.warnings)
    assert "line 5: ไม่พบรหัส PC จากระบบของ AB101.01 / criterion AB101.01 has no system code" in warnings
    assert "line 5: ลำดับเกณฑ์ 1.2 ไม่ตรงกับรหัส AB101.01" in warnings
    assert "line 9: รหัสเกณฑ์ AB101.01 ซ้ำ / duplicate criterion code AB101.01" in warnings
    assert "line 11: เกณฑ์ของสมรรถนะย่อย AB102 ไม่มีรหัสเกณฑ์" in warnings
    assert criteria_rows(unit)[-1] == (None, None, "2.1", "ไม่มีรหัส")


@pytest.mark.parametrize(
    ("line", "revision"),
    [
        ("3. ทบทวนครั้งที่ /", None),
        ("3. ทบทวนครั้งที่", None),
        ("3. ทบทวนครั้งที่ -", None),
        ("3. ทบทวนครั้งที่ 1 / 2567", {"number": 1, "year_be": 2567}),
        ("3. ทบทวนครั้งที่ ๒/๒๕๖๖", {"number": 2, "year_be": 2566}),
        ("๓. ทบทวน ครั้งที่ 3 พ.ศ. 2568", {"number": 3, "year_be": 2568}),
        ("3. ทบทวนครั้งที่ / 2565", {"number": None, "year_be": 2565}),
        ("3. ทบทวนครั้งที่ 2", {"number": 2, "year_be": None}),
    ],
)
def test_revision_variants(line: str, revision: dict[str, int | None] | None) -> None:
    """Blank or "/" revisions are None; numbers and BE years are read in Thai or Arabic digits."""
    unit = parse_unit_text(f"1. รหัสหน่วยสมรรถนะ A-B-1\n{line}")
    assert (unit.revision.to_dict() if unit.revision else None) == revision


def test_christian_era_revision_year_is_converted_with_a_warning() -> None:
    """A CE year is converted to BE and flagged."""
    unit = parse_unit_text("3. ทบทวนครั้งที่ 1/2024")
    assert unit.revision is not None and unit.revision.year_be == 2567
    assert any("2024" in w for w in unit.warnings)


@pytest.mark.parametrize(
    ("section_3", "section_4", "status", "basis"),
    [
        ("/", "☑ สร้างใหม่ ☐ ปรับปรุง", "new", "marked"),
        ("/", "☐ สร้างใหม่ ☑ ปรับปรุง", "revised", "marked"),
        ("/", "[x] สร้างใหม่ [ ] ปรับปรุง", "new", "marked"),
        ("/", "สร้างใหม่", "new", "single_option"),
        ("/", "ปรับปรุง", "revised", "single_option"),
        ("1 / 2567", "สร้างใหม่ ปรับปรุง", "revised", "revision"),
        ("/", "สร้างใหม่ ปรับปรุง", None, None),
    ],
)
def test_status_from_evidence(section_3: str, section_4: str, status: str | None, basis: str | None) -> None:
    """Status comes from a check mark, a lone option, or the revision; otherwise None with a warning."""
    unit = parse_unit_text(f"3. ทบทวนครั้งที่ {section_3}\n4. {section_4}")
    assert (unit.status, unit.status_basis) == (status, basis)
    assert any("cannot tell whether the unit is new or revised" in w for w in unit.warnings) == (
        status is None
    )


def test_heading_variations_are_recognised() -> None:
    """Headings with odd spacing, Thai digits, ")" or a missing number are still found."""
    text = "\n".join(
        [
            "๑ . รหัสหน่วย สมรรถนะ  cec – xyz – ๐๐๙",
            "2 ) ชื่อหน่วยสมรรถนะ",
            "ทดสอบหน่วย (Test Unit)",
            "คำอธิบายหน่วยสมรรถนะ (Description of Unit of Competency)",
            "คำอธิบาย",
            "9 ชื่ออาชีพและรหัสอาชีพอื่นที่หน่วยสมรรถนะนี้สามารถใช้ได้ (ถ้ามี)",
            "- นักวิชาการ",
            "- เจ้าพนักงาน",
            "11.สมรรถนะย่อยและเกณฑ์การปฏิบัติงาน",
            "17. ขอบเขต (Range Statement)",
            "ข้อความขอบเขต",
        ]
    )
    unit = parse_unit_text(text)
    assert unit.code == "CEC-XYZ-009"
    assert (unit.name_th, unit.name_en) == ("ทดสอบหน่วย", "Test Unit")
    assert unit.description == "คำอธิบาย"
    assert unit.other_occupations == ["นักวิชาการ", "เจ้าพนักงาน"]
    assert unit.range_statement.text == "ข้อความขอบเขต"
    assert "line 10: หัวข้อมีเลข 17 แต่ชื่อหัวข้อเป็นของข้อ 15 / heading numbered 17 has the title of section 15" in (
        unit.warnings
    )
    assert sorted(int(n) for n in unit.sections) == [1, 2, 6, 9, 11, 15]


def test_numbered_list_items_are_not_headings() -> None:
    """ "1. ..." items inside section 10 are regulations, not section 1; numbered runs are split."""
    text = "\n".join(
        [
            "10. ข้อกำหนดหรือกฎระเบียบที่เกี่ยวข้อง (Licensing or Regulation Related) (ถ้ามี)",
            "1. พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ.๒๕๔๐ 2. ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526"
            " และ ประกาศกระทรวงดิจิทัลฯ เรื่อง มาตรฐาน (ฉบับที่ 2)",
            "3) ประกาศคณะกรรมการ ตามพระราชบัญญัติการรักษาความมั่นคงปลอดภัยไซเบอร์ พ.ศ. 2562",
        ]
    )
    unit = parse_unit_text(text)
    assert unit.regulations == [
        "พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526",
        "ประกาศกระทรวงดิจิทัลฯ เรื่อง มาตรฐาน (ฉบับที่ 2)",
        "ประกาศคณะกรรมการ ตามพระราชบัญญัติการรักษาความมั่นคงปลอดภัยไซเบอร์ พ.ศ. 2562",
    ]
    assert "1" not in unit.sections


def test_bullets_and_continuations() -> None:
    """Mixed bullet styles, glued bullets, bullets alone on a line and continuation lines."""
    text = "\n".join(
        [
            "12. ความรู้และทักษะก่อนหน้าที่จำเป็น",
            "◦ หนึ่ง",
            "▪ สอง • สาม",
            "-",
            "สี่",
            "ต่อจากสี่",
            "* ห้า − หก",
            "1) เจ็ด",
            "ช่วง 2561 − 2565 อยู่ในข้อเดียว",
        ]
    )
    assert parse_unit_text(text).prerequisites == [
        "หนึ่ง",
        "สอง",
        "สาม",
        "สี่ ต่อจากสี่",
        "ห้า",
        "หก",
        "เจ็ด ช่วง 2561 − 2565 อยู่ในข้อเดียว",
    ]


def test_sub_sections_without_letters_and_missing_parts() -> None:
    """Unlettered sub-headings work; a missing (ค) is a warning."""
    text = "\n".join(
        [
            "14. หลักฐานที่ต้องการ (Evidence Guide)",
            "หลักฐานการปฏิบัติงาน (Performance Evidence)",
            "• รายงาน",
            "ข) หลักฐานความรู้",
            "• แบบทดสอบ",
        ]
    )
    unit = parse_unit_text(text)
    assert (unit.evidence.performance, unit.evidence.knowledge, unit.evidence.assessment_advice) == (
        ["รายงาน"],
        ["แบบทดสอบ"],
        [],
    )
    assert any("sub-section (ค) advice of section 14 is missing" in w for w in unit.warnings)


def test_assessment_methods_and_manual() -> None:
    """Method keywords in Thai or English map to codes; a manual reference is kept as text."""
    unit = parse_unit_text(
        "18. รายละเอียดกระบวนการและวิธีการประเมิน\n• Written test, interview และแฟ้มสะสมผลงาน\n• ดูคู่มือการประเมิน"
    )
    assert unit.assessment_methods == ["written_exam", "interview", "performance_evidence"]
    assert unit.assessment_manual_reference == "ดูคู่มือการประเมิน"


def test_section_specs_cover_the_template() -> None:
    """All 18 TPQI sections are known, with Thai and English titles for messages."""
    assert sorted(SECTION_SPECS) == list(range(1, 19))
    assert all(spec.title_th and spec.title_en for spec in SECTION_SPECS.values())


# --------------------------------------------------------------------------- target groups


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("ข้าราชการและบุคลากรภาครัฐ กลุ่มผู้บริหารระดับสูง (Executive) และกลุ่มผู้อำนวยการกอง (Management)", ["E", "M"]),
        ("กลุ่มผู้บริหาร ระดับ สูง", ["E"]),
        ("ผู้บริหารระดับกลาง", ["M"]),
        ("กลุ่มผู้ปฏิบัติงานที่เกี่ยวข้องกับงานนโยบายและงานวิชาการ (Academic)", ["A"]),
        ("กลุ่มผู้ทำงานด้านนโยบายและวิชาการ", ["A"]),
        ("กลุ่มผู้ทำงานด้านบริการ", ["S"]),
        ("SERVICE", ["S"]),
        ("กลุ่มผู้ทำงานด้านเทคโนโลยีสารสนเทศ", ["T"]),
        ("กลุ่มผู้ปฏิบัติงานเฉพาะด้านเทคโนโลยีดิจิทัล (Technology)", ["T"]),
        ("(Technologist)", ["T"]),
        ("นักวิชาการคอมพิวเตอร์", ["T"]),
        ("กลุ่มผู้ปฏิบัติงานอื่น (Others)", ["O"]),
        ("Other", ["O"]),
        ("another thing", []),
        ("ข้าราชการทุกกลุ่ม", ["E", "M", "A", "S", "T", "O"]),
        ("N/A", []),
    ],
)
def test_ocsc_group_matcher(text: str, groups: list[str]) -> None:
    """The default matcher recognises the six OCSC groups by meaning, in Thai or English."""
    assert GroupMatcher.ocsc().match(text) == groups


def test_custom_group_matcher_is_used_for_section_5() -> None:
    """Another framework can pass its own groups."""
    matcher = GroupMatcher([("DEV", ["developer", "นักพัฒนา"]), ("OPS", ["operations"])])
    assert matcher.codes == ("DEV", "OPS")
    unit = parse_unit_text(
        "5. สำหรับชื่ออาชีพและรหัสอาชีพ (Occupational Classification)\nนักพัฒนา และ Operations", matcher=matcher
    )
    assert unit.target_groups == ["DEV", "OPS"]
    assert parse_unit_text("5. สำหรับชื่ออาชีพและรหัสอาชีพ\nอื่น ๆ").target_groups == []


# --------------------------------------------------------------------------- command line


def test_main_json_prints_one_object_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints a JSON array (Thai unescaped, indented) and exits 0 without --strict."""
    files = [str(UNITS / f"{name}.txt") for name in ("DTR100", "DS500", "DS600")]
    assert main(["--json", *files]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [item["code"] for item in data] == ["CEC-BCTZ-001", "CEC-BJEV-024", "DG-OPSR-023"]
    assert [len(item["warnings"]) for item in data] == [1, 1, 0]
    assert data[2] == seed("DS600").to_dict()
    assert '"name_th": "ขับเคลื่อนการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล"' in captured.out
    assert '\n  {\n    "source": "DTR100.txt",' in captured.out
    assert captured.err == ""


def test_main_strict_and_missing_file_fail_with_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--strict fails on warnings; errors name FILE:LINE on stderr; other files still print."""
    dtr = str(UNITS / "DTR100.txt")
    missing = str(tmp_path / "missing.txt")
    assert main(["--json", "--strict", dtr, str(UNITS / "DS600.txt"), missing]) == 1
    captured = capsys.readouterr()
    assert [item["code"] for item in json.loads(captured.out)] == ["CEC-BCTZ-001", "DG-OPSR-023"]
    assert captured.err.splitlines() == [
        f"{dtr}:19: ระบุสถานะ (สร้างใหม่/ปรับปรุง) ไม่ได้: ไม่มีตัวเลือกที่ถูกทำเครื่องหมายและไม่มีข้อมูลการทบทวน"
        " / cannot tell whether the unit is new or revised: no option is marked and there is no revision",
        f"{missing}: cannot read the file: No such file or directory",
    ]
    assert main([str(UNITS / "DS600.txt"), "--strict"]) == 0


def test_main_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json a short summary per file is printed."""
    assert main([str(UNITS / "DS500.txt"), str(UNITS / "DS600.txt")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "DS500.txt: CEC-BJEV-024 (DS500) สร้างนวัตกรรมบริการแก่นที่ใช้การได้และสำเร็จได้ (Minimum Viable Service)"
        " ในระยะเวลาสั้นและใช้ทรัพยากรน้อยที่สุด",
        "  elements: 4, criteria: 13, warnings: 1",
        f"  - {STATUS_WARNING}",
        "DS600.txt: DG-OPSR-023 (DS600) ปรับปรุงงานบริการรดิจิทัลเพื่อยกระดับอย่างต่อเนื่อง",
        "  elements: 3, criteria: 8, warnings: 0",
    ]


def _django_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running Django in a subprocess with a throw-away database path."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="digiskill.settings",
        DIGISKILL_TESTING="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db' / 'never-created.sqlite3'}",
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]),
        PYTHONIOENCODING="utf-8",
    )
    return env


def test_management_command_needs_no_database(tmp_path: Path) -> None:
    """`manage.py parse_unit --json --strict` runs in a subprocess (keeps this module Django-free)."""
    env = _django_env(tmp_path)
    setup = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if setup.returncode != 0:
        pytest.skip(f"Django settings cannot be loaded here: {setup.stderr.strip()[-200:]}")
    command = [sys.executable, "-m", "django", "parse_unit", "--json"]
    ok = subprocess.run(
        [*command, str(UNITS / "DS600.txt")], env=env, capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)[0]["code"] == "DG-OPSR-023"
    strict = subprocess.run(
        [*command, "--strict", str(UNITS / "DS500.txt")], env=env, capture_output=True, text=True, check=False
    )
    assert strict.returncode == 1
    assert f"{UNITS / 'DS500.txt'}:19: ระบุสถานะ" in strict.stderr
    assert not (tmp_path / "db" / "never-created.sqlite3").exists()
