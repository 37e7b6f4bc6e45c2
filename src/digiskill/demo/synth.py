"""A realistic synthetic department, for trying the gap analysis at scale (`digiskill synth`).

One call builds a whole department from a seed: divisions and sections, people with valid national
IDs under a supervisor tree (director-general → deputies → division directors → section heads →
team leads → staff), the six OCSC groups in a realistic mix that depends on the kind of division,
a digital target, a required skill set for every group (started from the MCIO/DCIO/CIOA position
sets of the framework, plus the DLit units), a published announcement, and self-assessments with
plausible gaps: advanced units are lacked more often, some divisions lag, some people have only a
draft or are waiting for their supervisor, some have not started.

The target, skill sets and announcement go through the agencies services (a handful of audit
rows); everything else is written with `bulk_create` in batches, with one audit row for the run,
so 100,000 people fit in memory and finish in minutes. The same seed and size give the same data.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone

from digiskill.accounts.access import SYSTEM, Actor
from digiskill.accounts.audit import audit_record
from digiskill.accounts.models import AuditEntry, Membership
from digiskill.agencies.models import (
    Agency,
    AgencyKind,
    Announcement,
    AnnouncementItem,
)
from digiskill.agencies.services import (
    GoalInput,
    announcement_publish,
    digital_target_save,
    skill_item_add,
    skill_set_start,
)
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.frameworks.loading import DATA_DIR, read_framework
from digiskill.frameworks.models import (
    Framework,
    Goal,
    PersonnelGroup,
    SkillComponent,
    SkillItem,
    SkillSet,
    Stage,
    Unit,
)
from digiskill.frameworks.services import framework_load
from digiskill.lib.national_id import generate_national_id
from digiskill.lib.text import normalise_code
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.people.models import Classification, ClassificationStatus, Person

FRAMEWORK = "OCSC-2561"
MIN_PEOPLE = 50
MAX_PEOPLE = 1_000_000
BATCH = 2000
SYNTH_ACTION = "synth_department"

# --- the shape of the department -----------------------------------------------------------------

CENTRAL_DIVISIONS = [
    ("สำนักงานเลขานุการกรม", "support"),
    ("กองการเจ้าหน้าที่", "policy"),
    ("ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร", "it"),
    ("กองยุทธศาสตร์และแผนงาน", "policy"),
    ("กองบริการประชาชน", "service"),
    ("กองคลัง", "support"),
    ("กองกฎหมาย", "policy"),
    ("สำนักวิชาการและมาตรฐาน", "policy"),
    ("กองตรวจสอบและประเมินผล", "policy"),
    ("ศูนย์ข้อมูลและสถิติ", "it"),
    ("กองพัฒนาระบบบริการ", "service"),
    ("กองประชาสัมพันธ์", "service"),
    ("กองพัสดุและอาคารสถานที่", "support"),
    ("สถาบันพัฒนาบุคลากร", "policy"),
]
SECTION_NAMES = {
    "support": ["กลุ่มงานบริหารทั่วไป", "กลุ่มงานสารบรรณ", "กลุ่มงานการเงินและบัญชี", "กลุ่มงานยานพาหนะ"],
    "policy": ["กลุ่มงานนโยบาย", "กลุ่มงานวิเคราะห์และติดตาม", "กลุ่มงานพัฒนามาตรฐาน", "กลุ่มงานวิจัย"],
    "it": ["กลุ่มงานพัฒนาระบบ", "กลุ่มงานโครงสร้างพื้นฐาน", "กลุ่มงานความมั่นคงปลอดภัย", "กลุ่มงานข้อมูล"],
    "service": ["กลุ่มงานรับเรื่อง", "กลุ่มงานบริการออนไลน์", "กลุ่มงานประสานเครือข่าย", "กลุ่มงานสื่อสาร"],
    "regional": ["กลุ่มงานอำนวยการ", "กลุ่มงานบริการพื้นที่", "กลุ่มงานส่งเสริมและพัฒนา"],
}
# Share of staff in each group, by the kind of division.
GROUP_MIX: dict[str, dict[str, int]] = {
    "it": {"T": 55, "A": 20, "O": 20, "S": 5},
    "service": {"S": 55, "O": 25, "A": 20},
    "policy": {"A": 60, "O": 25, "S": 15},
    "support": {"O": 60, "A": 25, "S": 15},
    "regional": {"S": 50, "O": 35, "A": 12, "T": 3},
}
POSITIONS: dict[str, list[tuple[str, str, str]]] = {  # group → (position, type, level)
    "A": [
        ("นักวิเคราะห์นโยบายและแผน", "วิชาการ", "ชำนาญการ"),
        ("นักทรัพยากรบุคคล", "วิชาการ", "ปฏิบัติการ"),
        ("นิติกร", "วิชาการ", "ชำนาญการ"),
        ("นักวิชาการตรวจสอบภายใน", "วิชาการ", "ชำนาญการพิเศษ"),
    ],
    "S": [
        ("นักวิชาการเผยแพร่", "วิชาการ", "ปฏิบัติการ"),
        ("นักประชาสัมพันธ์", "วิชาการ", "ชำนาญการ"),
        ("เจ้าพนักงานส่งเสริมการบริการ", "ทั่วไป", "ชำนาญงาน"),
    ],
    "T": [
        ("นักวิชาการคอมพิวเตอร์", "วิชาการ", "ชำนาญการ"),
        ("เจ้าพนักงานเครื่องคอมพิวเตอร์", "ทั่วไป", "ชำนาญงาน"),
        ("นักวิเคราะห์ระบบ", "วิชาการ", "ปฏิบัติการ"),
    ],
    "O": [
        ("เจ้าพนักงานธุรการ", "ทั่วไป", "ปฏิบัติงาน"),
        ("เจ้าพนักงานการเงินและบัญชี", "ทั่วไป", "ชำนาญงาน"),
        ("นักจัดการงานทั่วไป", "วิชาการ", "ปฏิบัติการ"),
        ("นายช่างไฟฟ้า", "ทั่วไป", "ชำนาญงาน"),
    ],
}
TITLES_M, TITLES_F = ["นาย"], ["นาง", "นางสาว"]
FIRST_M = [
    "สมชาย", "ประเสริฐ", "วิชัย", "สมศักดิ์", "ธนากร", "กิตติพงษ์", "ณัฐวุฒิ", "อนุชา", "พงศกร", "ศุภชัย",
    "ชยพล", "ธีรวัฒน์", "วรวุฒิ", "อภิสิทธิ์", "ภูมิพัฒน์", "ปิยะพงษ์", "จักรพันธ์", "สุริยา", "ทรงพล", "กฤษดา",
]  # fmt: skip
FIRST_F = [
    "สมหญิง", "วิไลวรรณ", "กนกวรรณ", "ศิริพร", "ปวีณา", "ณัฐธิดา", "พิมพ์ชนก", "สุภาพร", "อรอุมา", "ชุติมา",
    "ธิดารัตน์", "นภัสสร", "เบญจวรรณ", "รัชนี", "วราภรณ์", "สุวนันท์", "มาลี", "จันทร์เพ็ญ", "อัญชลี", "พรทิพย์",
]  # fmt: skip
LAST = [
    "ใจดี", "สุขสวัสดิ์", "ทองคำ", "ศรีสุข", "บุญมา", "แก้วมณี", "พึ่งบุญ", "รุ่งเรือง", "มั่นคง", "วงศ์ไทย",
    "จันทร์หอม", "สายทอง", "ประเสริฐสุข", "เพชรรัตน์", "ชัยมงคล", "นาคสวัสดิ์", "สมบูรณ์ผล", "ทรัพย์มาก",
    "ธรรมวงศ์", "อินทร์แก้ว", "บุญประเสริฐ", "พรหมมา", "ศักดิ์ดี", "คงเจริญ",
]  # fmt: skip

# --- the skill sets each group is required to have ------------------------------------------------


@dataclass(frozen=True)
class GroupSkills:
    """Which position skill set a group's skill set starts from, and what of it is kept."""

    source: str
    units: tuple[str, ...]
    texts: tuple[str, ...]  # items whose Thai text starts like this
    dlit: tuple[str, ...] = ()  # DLit units added afterwards (the position sets have none)


GROUP_SKILLS = {
    "E": GroupSkills(
        "MCIO",
        ("DG100", "DT100", "SPM100", "DL100", "DL200", "DL300", "DTR100", "DTR200", "DTR300"),
        ("ความรู้เกี่ยวกับการเปลี่ยนผ่าน", "ความรู้เกี่ยวกับความเชื่อมโยงทิศทาง", "วิสัยทัศน์", "ศักยภาพเพื่อนำ"),
    ),
    "M": GroupSkills(
        "MCIO",
        ("DG100", "DT100", "SPM200", "SPM400", "SPM500", "DL200", "DTR200"),
        ("ความรู้ด้านการจัดการโครงการ", "ความรู้เกี่ยวกับเทคนิคการสร้างทีม", "ประสบการณ์การทำงานบริหาร", "สอนงาน"),
        ("DLit300",),
    ),
    "A": GroupSkills(
        "DCIO",
        ("DG100", "DG200", "DS100", "DS300", "SPM100", "SPM300"),
        ("ความรู้เกี่ยวกับการบริหารจัดการ วิเคราะห์", "ความรู้เกี่ยวกับการทำงานและประยุกต์", "ประสบการณ์การใช้ข้อมูล"),
        ("DLit100", "DLit200", "DLit300"),
    ),
    "S": GroupSkills(
        "DCIO",
        ("DG100", "DS100", "DS200", "DS300", "DS600"),
        ("เทคนิคการออกแบบการให้บริการ", "เทคนิคการจัดการข้อตกลง", "ประสบการณ์การประสานความร่วมมือ"),
        ("DLit100", "DLit200", "DLit300"),
    ),
    "T": GroupSkills(
        "CIOA",
        ("DG100", "DG400", "DT100", "DT200", "DT300", "DT500", "DT700", "DS500"),
        ("ความรู้เกี่ยวกับความมั่นคงปลอดภัย", "ความรู้เกี่ยวกับการพัฒนาซอฟต์แวร์", "ประสบการณ์การพัฒนาซอฟต์แวร์"),
        ("DLit300",),
    ),
    "O": GroupSkills(
        "DCIO",
        ("DG100",),
        ("ความรู้เกี่ยวกับการทำงานและประยุกต์",),
        ("DLit100", "DLit200", "DLit300"),
    ),
}
# Base chance of lacking a non-unit item, by component.
TEXT_GAP = {"knowledge": 0.30, "experience": 0.40, "attribute": 0.10, "competency": 0.25}
# Where a person's assessment stands (people with a group and required items).
STATES = [("none", 10), ("draft", 6), ("submitted", 6), ("agreed", 78)]
RESHOOT = 0.03  # agreed people who have started a new round (a draft)
UNCLASSIFIED = 0.03
INACTIVE = 0.01


@dataclass
class SynthReport:
    """What one synth run wrote."""

    agency: Agency
    people: int = 0
    divisions: int = 0
    sections: int = 0
    assessments: int = 0
    items: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Node:
    """One person to create, before they have a primary key."""

    level: int
    group: str | None
    division: int | None  # index into the list of units (divisions and sections)
    position: tuple[str, str, str]
    boss: int | None  # index of the supervisor in the list of nodes
    pk: int = 0


@dataclass
class _Unit:
    """A division or section to create."""

    name: str
    kind: str  # "it", "service", ...
    parent: int | None  # index of the parent division for a section
    factor: float  # how much more (or less) often its people lack skills
    lag: float  # how much more often its people have not assessed yet
    pk: int = 0


# --- the entry point ----------------------------------------------------------------------------


@transaction.atomic
def synth_department(
    *,
    actor: Actor,
    code: str,
    people: int,
    seed: int = 2569,
    replace: bool = False,
    stage_code: str = "early",
) -> SynthReport:
    """Build a synthetic department of `people` people (see the module's docstring)."""
    code = normalise_code(code)
    if not code:
        raise ValidationError("ระบุรหัสกรม / Give the department's code")
    if not MIN_PEOPLE <= people <= MAX_PEOPLE:
        raise ValidationError(
            f"จำนวนบุคลากรต้องอยู่ระหว่าง {MIN_PEOPLE} ถึง {MAX_PEOPLE:,} / "
            f"people must be between {MIN_PEOPLE} and {MAX_PEOPLE:,}: {people}"
        )
    framework = _framework()
    stage = Stage.objects.filter(framework=framework, code=stage_code).first()
    if stage is None:
        raise ValidationError(f"ไม่พบระยะ {stage_code!r} / No stage {stage_code!r}")
    existing = Agency.objects.filter(code=code).first()
    replaced = existing is not None
    if existing is not None:
        _check_replace(existing, replace)
        wipe_department(existing)
        dept = existing
    else:
        dept = _new_department(code)
    rng = random.Random(seed)
    units = _plan_units(rng, people)
    _create_units(dept, units)
    nodes = _plan_people(rng, people, units)
    _create_people(rng, dept, units, nodes)
    announcement = _programme(rng, actor, dept, framework, stage)
    report = SynthReport(agency=dept, people=people)
    report.divisions = sum(1 for u in units if u.parent is None)
    report.sections = len(units) - report.divisions
    _create_assessments(rng, dept, units, nodes, announcement, report)
    audit_record(
        actor=actor,
        action=SYNTH_ACTION,
        obj=dept,
        agency_id=dept.pk,
        changes={
            "people": [None, people],
            "seed": [None, seed],
            "replaced": [None, replaced],
            "assessments": [None, report.assessments],
            "items": [None, report.items],
        },
    )
    return report


def _framework() -> Framework:
    """The OCSC framework, loaded first when it is not there yet."""
    found = Framework.objects.filter(code=FRAMEWORK).first()
    if found is None:
        framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "ocsc-2561" / "framework.yaml"))
        found = Framework.objects.get(code=FRAMEWORK)
    return found


def _check_replace(agency: Agency, replace: bool) -> None:
    """Refuse an existing code unless --replace, and never replace a department synth did not make."""
    if not replace:
        raise ValidationError(
            f"มีหน่วยงานรหัส {agency.code} อยู่แล้ว ใช้ --replace เพื่อสร้างใหม่แทน / "
            f"An agency with code {agency.code} exists; use --replace to rebuild it"
        )
    made_by_synth = AuditEntry.objects.filter(
        action=SYNTH_ACTION, agency=agency, object_id=str(agency.pk)
    ).exists()
    if agency.kind != AgencyKind.DEPARTMENT or not made_by_synth:
        raise ValidationError(
            f"{agency.code} ไม่ใช่กรมที่สร้างด้วยคำสั่ง synth จึงไม่ลบข้อมูลแทน / "
            f"{agency.code} is not a department built by synth, so its data is not replaced"
        )


def _new_department(code: str) -> Agency:
    """The department and a ministry above it (written directly; the run leaves one audit row)."""
    ministry, _created = Agency.objects.get_or_create(
        code=f"{code}-MIN",
        defaults={"name_th": "กระทรวงตัวอย่าง (ข้อมูลสังเคราะห์)", "kind": AgencyKind.MINISTRY},
    )
    dept = Agency.objects.create(
        code=code,
        name_th=f"กรมตัวอย่าง {code} (ข้อมูลสังเคราะห์)",
        name_en=f"Synthetic department {code}",
        kind=AgencyKind.DEPARTMENT,
        parent=ministry,
    )
    dept.department = dept
    dept.save(update_fields=["department"])
    return dept


# --- removing a department's data (for --replace) ------------------------------------------------


def wipe_department(dept: Agency) -> None:
    """Delete everything of a department except the department itself, its memberships and audit log."""
    unit_ids = list(Agency.objects.filter(department=dept).exclude(pk=dept.pk).values_list("pk", flat=True))
    big = (AssessmentItem, Assessment, Classification)
    for model, fk in _pointers(big):  # rows of other apps that point at the big tables
        model._default_manager.filter(**{f"{fk.name}__agency": dept}).delete()
    # The big tables in plain SQL: the ORM would load millions of rows to cascade.
    with connection.cursor() as cursor:
        for table in [m._meta.db_table for m in big]:
            cursor.execute(f"DELETE FROM {table} WHERE agency_id = %s", [dept.pk])  # noqa: S608
    _sweep(dept, unit_ids)
    # Nothing points at the people any more but themselves.
    with connection.cursor() as cursor:
        table = Person._meta.db_table
        cursor.execute(f"UPDATE {table} SET supervisor_id = NULL WHERE agency_id = %s", [dept.pk])  # noqa: S608
        cursor.execute(f"DELETE FROM {table} WHERE agency_id = %s", [dept.pk])  # noqa: S608
    Agency.objects.filter(pk__in=unit_ids, kind=AgencyKind.SECTION).delete()
    Agency.objects.filter(pk__in=unit_ids).delete()


def _pointers(
    targets: Sequence[type[models.Model]],
) -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    """(model, foreign key) for every DigiSkill model with a foreign key to one of `targets`."""
    for model in apps.get_models():
        if not model.__module__.startswith("digiskill.") or model in targets:
            continue
        for fk in model._meta.concrete_fields:
            if (fk.many_to_one or fk.one_to_one) and fk.related_model in targets:
                yield model, fk


def _sweep(dept: Agency, unit_ids: list[int]) -> None:
    """Delete rows that point at the department, its units or its people, retrying past PROTECT."""
    keep = {Agency, AuditEntry, Membership, Person}
    pending: list[models.QuerySet[Any]] = []
    for model, fk in _pointers((Agency, Person)):
        if model in keep:
            continue
        if fk.related_model is Agency:
            pending.append(model._default_manager.filter(**{f"{fk.name}__in": [dept.pk, *unit_ids]}))
        else:
            pending.append(model._default_manager.filter(**{f"{fk.name}__agency": dept}))
    while pending:
        failed = []
        for queryset in pending:
            try:
                with transaction.atomic():
                    queryset.delete()
            except (ProtectedError, RestrictedError):
                failed.append(queryset)
        if len(failed) == len(pending):
            raise ValidationError(f"ลบข้อมูลเดิมไม่ได้ / Cannot remove the old data: {failed[0].model.__name__}")
        pending = failed


# --- divisions and sections ----------------------------------------------------------------------


def _plan_units(rng: random.Random, people: int) -> list[_Unit]:
    """Divisions (central ones first, then regional offices) and their sections."""
    count = max(4, min(60, round(math.sqrt(people) / 8)))
    units: list[_Unit] = []
    for n in range(count):
        if n < len(CENTRAL_DIVISIONS):
            name, kind = CENTRAL_DIVISIONS[n]
        else:
            name, kind = f"สำนักงานเขตพื้นที่ที่ {n - len(CENTRAL_DIVISIONS) + 1}", "regional"
        factor = rng.uniform(0.6, 1.5)
        lag = rng.choice([0.5, 1.0, 1.0, 1.0, 2.0, 3.0])
        units.append(_Unit(name, kind, None, factor, lag))
    for index in range(count):
        division = units[index]
        names = SECTION_NAMES[division.kind]
        for name in names[: rng.randint(2, len(names))]:
            units.append(_Unit(name, division.kind, index, division.factor, division.lag))
    return units


def _create_units(dept: Agency, units: list[_Unit]) -> None:
    """Write the divisions, then the sections under them."""
    code = dept.code
    divisions = [u for u in units if u.parent is None]
    created = Agency.objects.bulk_create(
        Agency(
            code=f"{code}-D{n + 1:02d}",
            name_th=u.name,
            kind=AgencyKind.DIVISION,
            parent=dept,
            department=dept,
        )
        for n, u in enumerate(divisions)
    )
    for unit, row in zip(divisions, created, strict=True):
        unit.pk = row.pk
    sections = [u for u in units if u.parent is not None]
    created = Agency.objects.bulk_create(
        Agency(
            code=f"{code}-D{s.parent + 1:02d}-S{n + 1:03d}",  # type: ignore[operator]
            name_th=s.name,
            kind=AgencyKind.SECTION,
            parent_id=units[s.parent].pk,  # type: ignore[index]
            department=dept,
        )
        for n, s in enumerate(sections)
    )
    for unit, row in zip(sections, created, strict=True):
        unit.pk = row.pk


# --- people and the supervisor tree --------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    """One key of `weights`, drawn in proportion to its weight."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _plan_people(rng: random.Random, total: int, units: list[_Unit]) -> list[_Node]:
    """Everyone, level by level: a supervisor always comes before the people they supervise."""
    executive = ("อธิบดี", "บริหาร", "สูง")
    deputy = ("รองอธิบดี", "บริหาร", "ต้น")
    director = ("ผู้อำนวยการกอง", "อำนวยการ", "ต้น")
    nodes = [_Node(0, "E", None, executive, None)]
    deputies = max(1, min(4, total // 3000 + 1))
    nodes += [_Node(1, "E", None, deputy, 0) for _ in range(deputies)]
    division_ids = [i for i, u in enumerate(units) if u.parent is None]
    heads: dict[int, int] = {}
    for n, index in enumerate(division_ids):
        heads[index] = len(nodes)
        nodes.append(_Node(2, "M", index, director, 1 + n % deputies))
    section_ids = [i for i, u in enumerate(units) if u.parent is not None]
    section_heads: dict[int, int] = {}
    for index in section_ids:
        unit = units[index]
        group = "T" if unit.kind == "it" else "A"
        section_heads[index] = len(nodes)
        nodes.append(_Node(3, group, index, ("หัวหน้ากลุ่มงาน", "วิชาการ", "ชำนาญการพิเศษ"), heads[unit.parent]))  # type: ignore[index]
    rest = total - len(nodes)
    if rest < len(section_ids):
        raise ValidationError(f"จำนวนบุคลากรน้อยเกินไป / Too few people for the structure: {total}")
    sizes = [rng.uniform(0.5, 1.5) for _ in section_ids]
    scale = rest / sum(sizes)
    counts = [max(1, int(s * scale)) for s in sizes]
    counts[-1] += rest - sum(counts)
    while counts[-1] < 1:  # rounding took too much from the last section: move people back
        donor = max(range(len(counts)), key=counts.__getitem__)
        counts[donor] -= 1
        counts[-1] += 1
    leads: list[_Node] = []
    staff: list[_Node] = []
    for index, count in zip(section_ids, counts, strict=True):
        unit = units[index]
        team_count = count // 13 if count > 15 else 0
        lead_ids = []
        for _ in range(team_count):
            group = _weighted(rng, GROUP_MIX[unit.kind])
            lead_ids.append(len(nodes) + len(leads))
            leads.append(_Node(4, group, index, _position(rng, group, lead=True), section_heads[index]))
        for n in range(count - team_count):
            boss = lead_ids[n % len(lead_ids)] if lead_ids else section_heads[index]
            group = _weighted(rng, GROUP_MIX[unit.kind])
            staff.append(_Node(5, group, index, _position(rng, group), boss))
    nodes += leads
    offset = len(nodes)
    for node in staff:  # staff point at leads by their final index
        if node.boss is not None and node.boss >= offset:
            raise AssertionError("a team lead must come before their staff")
    nodes += staff
    for node in nodes[1 + deputies :]:
        if rng.random() < UNCLASSIFIED and node.level >= 4:
            node.group = None
    return nodes


def _position(rng: random.Random, group: str, *, lead: bool = False) -> tuple[str, str, str]:
    """A position of the group's kind of work; team leads are a level up."""
    name, kind, level = rng.choice(POSITIONS[group])
    if lead:
        level = "ชำนาญการพิเศษ" if kind == "วิชาการ" else "อาวุโส"
    return name, kind, level


def _unique_ids(rng: random.Random, count: int) -> list[str]:
    """`count` different valid national IDs."""
    seen: set[str] = set()
    ids: list[str] = []
    while len(ids) < count:
        nid = generate_national_id(rng)
        if nid not in seen:
            seen.add(nid)
            ids.append(nid)
    return ids


def _create_people(rng: random.Random, dept: Agency, units: list[_Unit], nodes: list[_Node]) -> None:
    """Write the people level by level (so each supervisor has a key), then their classifications."""
    groups = {g.code: g.pk for g in PersonnelGroup.objects.filter(framework__code=FRAMEWORK)}
    ids = _unique_ids(rng, len(nodes))
    rows: list[Person] = []
    for n, node in enumerate(nodes):
        female = rng.random() < 0.55
        rows.append(
            Person(
                agency=dept,
                division_id=units[node.division].pk if node.division is not None else None,
                national_id=ids[n],
                title=rng.choice(TITLES_F if female else TITLES_M),
                first_name=rng.choice(FIRST_F if female else FIRST_M),
                last_name=rng.choice(LAST),
                position=node.position[0],
                position_type=node.position[1],
                position_level=node.position[2],
                workload={node.group: 100} if node.group else {},
                career_path_group=node.group or "",
                group_id=groups[node.group] if node.group else None,
                is_active=node.level < 4 or rng.random() >= INACTIVE,
            )
        )
    for level in range(6):
        batch = [(n, p) for n, p in enumerate(rows) if nodes[n].level == level]
        for start in range(0, len(batch), BATCH):
            chunk = batch[start : start + BATCH]
            for n, person in chunk:
                boss = nodes[n].boss
                person.supervisor_id = nodes[boss].pk if boss is not None else None
            created = Person.objects.bulk_create([p for _n, p in chunk])
            for (n, _p), row in zip(chunk, created, strict=True):
                nodes[n].pk = row.pk
    classifications = (
        Classification(
            agency=dept,
            person_id=node.pk,
            group_id=groups[node.group],
            status=ClassificationStatus.AGREED,
            workload={node.group: 100},
            reason="ข้อมูลสังเคราะห์",
        )
        for node in nodes
        if node.group
    )
    _bulk(Classification, classifications)


def _bulk(model: type[models.Model], rows: Any) -> int:
    """bulk_create from an iterable in batches, never holding more than one batch; return how many."""
    written = 0
    batch: list[models.Model] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            model._default_manager.bulk_create(batch)
            written += len(batch)
            batch = []
    if batch:
        model._default_manager.bulk_create(batch)
        written += len(batch)
    return written


# --- target, skill sets and announcement ---------------------------------------------------------


def _programme(
    rng: random.Random, actor: Actor, dept: Agency, framework: Framework, stage: Stage
) -> Announcement:
    """The digital target, a required skill set for every group, and the announcement, via the services."""
    goals = {g.code: g for g in Goal.objects.filter(framework=framework)}
    first_goal = goals.get("G1") or next(iter(goals.values()))
    digital_target_save(
        actor=actor,
        agency=dept,
        stage=stage,
        vision="เป็นองค์กรดิจิทัลที่ให้บริการประชาชนได้ทุกที่ ทุกเวลา (ข้อมูลสังเคราะห์)",
        goals=[
            GoalInput(1, "output", goals.get("G3", first_goal), "ระบบสารบรรณอิเล็กทรอนิกส์ใช้ครบทุกกอง"),
            GoalInput(3, "outcome", goals.get("G2", first_goal), "ประชาชนยื่นคำขอรับบริการได้ทางออนไลน์"),
        ],
    )
    ability = SkillComponent.objects.get(framework=framework, code="ability")
    units = {u.code: u for u in Unit.objects.filter(framework=framework)}
    for group in PersonnelGroup.objects.filter(framework=framework).order_by("order", "code"):
        plan = GROUP_SKILLS.get(group.code)
        if plan is None:
            continue
        source = SkillSet.objects.get(framework=framework, code=plan.source)
        kept = [
            i.pk
            for i in SkillItem.objects.filter(skill_set=source).select_related("unit").order_by("order", "id")
            if (i.unit is not None and i.unit.code in plan.units)
            or (i.unit is None and i.text_th.startswith(plan.texts))
        ]
        skill_set = skill_set_start(
            actor=actor, agency=dept, group=group, stage=stage, source=source, item_ids=kept
        )
        for code in plan.dlit:
            if code in units:
                skill_item_add(actor=actor, skill_set=skill_set, component=ability, unit=units[code])
    start, _end = fiscal_year_bounds(fiscal_year(timezone.localdate()))
    return announcement_publish(
        actor=actor,
        agency=dept,
        title=f"ประกาศ{dept.name_th} เรื่อง บทบาทและทักษะด้านดิจิทัลที่จำเป็นของบุคลากร",
        effective_date=start,
    )


# --- assessments -------------------------------------------------------------------------------

_LEVEL = re.compile(r"(\d)\d\d$")


@dataclass(frozen=True)
class _Item:
    """An announced item, with what the generator needs to know about it."""

    source: int
    component: int
    unit: int | None
    area: int | None
    text_th: str
    order: int
    base: float  # base chance of lacking it


def _announced(announcement: Announcement) -> dict[int, list[_Item]]:
    """The announced items of each group (by group id), with their base chance of being a gap."""
    by_group: dict[int, list[_Item]] = {}
    rows = (
        AnnouncementItem.objects.filter(entry__announcement=announcement)
        .select_related("entry", "entry__group", "unit", "unit__area", "component")
        .order_by("entry__order", "component__order", "order", "id")
    )
    for row in rows:
        group = row.entry.group_id
        if row.unit is not None:
            match = _LEVEL.search(row.unit.code)
            level = int(match.group(1)) if match else 3
            base = 0.10 + 0.07 * (level - 1)
            if row.unit.area.code in ("DT", "DS") and row.entry.group.code == "T":
                base *= 0.6
        else:
            base = TEXT_GAP.get(row.component.code, 0.25)
        by_group.setdefault(group, []).append(
            _Item(
                source=row.pk,
                component=row.component_id,
                unit=row.unit_id,
                area=row.unit.area_id if row.unit is not None else None,
                text_th=row.text_th,
                order=row.order,
                base=base,
            )
        )
    return by_group


def _state(rng: random.Random, lag: float) -> str:
    """Where one person's assessment stands; a lagging division has more people not started."""
    weights = {name: weight * (lag if name == "none" else 1.0) for name, weight in STATES}
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _create_assessments(
    rng: random.Random,
    dept: Agency,
    units: list[_Unit],
    nodes: list[_Node],
    announcement: Announcement,
    report: SynthReport,
) -> None:
    """Assessments of every active, classified person, a batch of people at a time."""
    items_of = _announced(announcement)
    groups = {g.code: g.pk for g in PersonnelGroup.objects.filter(framework__code=FRAMEWORK)}
    active = set(Person.objects.filter(agency=dept, is_active=True).values_list("pk", flat=True))
    now = timezone.now()
    counts = {"none": 0, "draft": 0, "submitted": 0, "agreed": 0, "second_round": 0}
    eligible = [n for n in nodes if n.group and n.pk in active and items_of.get(groups[n.group])]
    for start in range(0, len(eligible), BATCH // 4):
        chunk = eligible[start : start + BATCH // 4]
        plans: list[tuple[_Node, Assessment, str]] = []
        for node in chunk:
            unit = units[node.division] if node.division is not None else None
            state = _state(rng, unit.lag if unit else 1.0)
            counts[state] += 1
            if state == "none":
                continue
            division = unit.pk if unit else None
            plans.append(
                (node, _assessment(dept, node, division, announcement, groups, state, 1, now), state)
            )
            if state == "agreed" and rng.random() < RESHOOT:
                counts["second_round"] += 1
                second = _assessment(dept, node, division, announcement, groups, "draft", 2, now)
                plans.append((node, second, "draft"))
        created = Assessment.objects.bulk_create([a for _n, a, _s in plans])
        report.assessments += len(created)
        items = (
            item
            for (node, _a, state), row in zip(plans, created, strict=True)
            for item in _items(rng, row, node, units, items_of[groups[node.group]], state)  # type: ignore[index]
        )
        report.items += _bulk(AssessmentItem, items)
    report.counts = counts


def _assessment(
    dept: Agency,
    node: _Node,
    division: int | None,
    announcement: Announcement,
    groups: dict[str, int],
    state: str,
    round_no: int,
    now: dt.datetime,
) -> Assessment:
    """One round of a person's assessment in the given state, as the assessments services leave it."""
    agreed = state == "agreed"
    return Assessment(
        agency=dept,
        person_id=node.pk,
        round=round_no,
        announcement=announcement,
        group_id=groups[node.group],  # type: ignore[index]
        division_id=division,
        status={"draft": AssessmentStatus.DRAFT, "submitted": AssessmentStatus.SUBMITTED}.get(
            state, AssessmentStatus.AGREED
        ),
        is_current=agreed,
        submitted_at=now if state in ("submitted", "agreed") else None,
        reviewed_at=now if agreed else None,
    )


def _items(
    rng: random.Random,
    assessment: Assessment,
    node: _Node,
    units: list[_Unit],
    announced: list[_Item],
    state: str,
) -> Iterator[AssessmentItem]:
    """The items of one round: answers for all (or some, in a draft), the agreed result when agreed."""
    unit = units[node.division] if node.division is not None else None
    factor = (unit.factor if unit else 1.0) * max(0.3, rng.gauss(1.0, 0.25))
    division_id = assessment.division_id
    agreed = state == "agreed"
    answered = len(announced) if state != "draft" else rng.randint(0, len(announced))
    gaps: list[AssessmentItem] = []
    rows: list[AssessmentItem] = []
    for n, item in enumerate(announced):
        lacks = rng.random() < min(0.95, max(0.02, item.base * factor))
        self_has: bool | None = None
        if n < answered:
            self_has = (not lacks) if rng.random() >= 0.08 else lacks
        row = AssessmentItem(
            assessment=assessment,
            source_id=item.source,
            component_id=item.component,
            unit_id=item.unit,
            area_id=item.area,
            text_th=item.text_th,
            order=n,
            self_has=self_has,
            self_level=(rng.randint(3, 5) if self_has else rng.randint(1, 2))
            if self_has is not None
            else None,
            supervisor_agrees=(self_has == (not lacks)) if agreed else None,
            agreed_has=(not lacks) if agreed else None,
            agency_id=assessment.agency_id,
            person_id=node.pk,
            division_id=division_id,
            group_id=assessment.group_id,
            is_current=agreed,
        )
        if agreed and lacks:
            gaps.append(row)
        rows.append(row)
    order = list(range(1, len(gaps) + 1))
    rng.shuffle(order)
    for row, priority in zip(gaps, order, strict=True):
        row.priority = priority
    yield from rows
