"""The glossary: one word for each thing, used by the pages and the documents alike.

The labels below are the only place these terms are written; model choices, pages, the official
form (PDF) and the exports (XLSX) take them from here. `GLOSSARY` lists each canonical Thai term
with the variants that must not appear in any Thai catalog (`tests/test_glossary.py` checks every
msgstr), and docs/DESIGN.md shows the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

NO_DIVISION = pgettext_lazy("glossary", "No division")
"""A person recorded under no division (กอง) of the department."""

BAND_NAMES = {
    70: pgettext_lazy("glossary", "learning by doing"),
    20: pgettext_lazy("glossary", "learning from others"),
    10: pgettext_lazy("glossary", "formal learning"),
}
"""The three parts of 70:20:10, without their number."""


def band_label(band: int, separator: str = " — ") -> Promise:
    """ "70 — learning by doing": a band with its number (lazy, translated when shown)."""
    return format_lazy("{}{}{}", band, separator, BAND_NAMES[band])


E_LEARNING = pgettext_lazy("glossary", "E-learning")
"""Self-paced online learning, as an activity of a plan and as a kind of learning resource."""


@dataclass(frozen=True)
class Term:
    """One entry of the glossary: the English word, the one Thai word, the Thai words not to use."""

    english: str
    thai: str
    forbidden: tuple[str, ...] = ()


GLOSSARY: tuple[Term, ...] = (
    Term(
        "the person assessed (the staff member, also in self-assessment)",
        "ผู้รับการประเมิน",
        ("ผู้ถูกประเมิน", "คำตอบของผู้ประเมิน", "ส่งกลับให้ผู้ประเมิน", "ผู้ประเมินแล้ว", "ยังไม่มีผู้ประเมิน"),
    ),
    Term("the assessor (certifies units of competency)", "ผู้ประเมิน"),
    Term("the supervisor", "ผู้บังคับบัญชา", ("หัวหน้างาน",)),
    Term("the next-level supervisor", "ผู้บังคับบัญชาเหนือขึ้นไป", ("เหนือขึ้นไปอีกระดับ",)),
    Term("HR admin", "ผู้ดูแลงานทรัพยากรบุคคล", ("ฝ่ายบุคคล", "เจ้าหน้าที่ทรัพยากรบุคคล")),
    Term("no division", "ไม่ระบุกอง", ("ไม่ระบุสังกัด", "(ไม่ระบุกอง)")),
    Term("70: learning by doing", "เรียนรู้จากการปฏิบัติงาน", ("เรียนรู้จากการทำงาน", "เรียนรู้ด้วยการลงมือทำ")),
    Term("20: learning from others", "เรียนรู้จากผู้อื่น", ("เรียนรู้จากคนอื่น",)),
    Term("10: formal learning", "เรียนรู้จากการฝึกอบรม", ("เรียนรู้อย่างเป็นทางการ", "การเรียนรู้แบบเป็นทางการ")),
    Term("e-learning", "การเรียนรู้ออนไลน์", ("อีเลิร์นนิง", "อีเลิร์นนิ่ง")),
    Term("individual development plan", "แผนพัฒนารายบุคคล", ("แผนพัฒนาตนเอง", "แผนพัฒนาส่วนบุคคล")),
    Term("gap", "ช่องว่างทักษะ", ("ช่องว่างสมรรถนะ", "ช่องว่างของทักษะ")),
    Term("self-assessment", "การประเมินตนเอง", ("ประเมินตัวเอง",)),
    Term("fiscal year", "ปีงบประมาณ", ("ปีงบฯ",)),
)
"""Canonical Thai terms and their forbidden variants (checked against every Thai catalog)."""
