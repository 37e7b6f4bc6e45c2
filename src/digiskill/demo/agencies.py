"""The demo department's digital programme (Org 1–2, Ind 1–2), for `digiskill load-demo`.

Workload shares and career paths across all six groups, agreed classifications (two still waiting
for demo-supervisor, one waiting for demo-director's approval), a digital target at the early
stage, a required skill set for every group built from the framework's units and the items of its
position skill sets, and an announcement in force. Everything goes through the services.
"""

from __future__ import annotations

from django.utils import timezone

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency, AgencySkillSet, Announcement, DigitalTarget
from digiskill.agencies.services import (
    GoalInput,
    MemberInput,
    announcement_publish,
    digital_target_save,
    skill_item_add,
    skill_set_start,
)
from digiskill.frameworks.loading import DATA_DIR, read_framework
from digiskill.frameworks.models import (
    Framework,
    Goal,
    PersonnelGroup,
    SkillComponent,
    SkillItem,
    Stage,
    Unit,
)
from digiskill.frameworks.services import framework_load
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.people.classification import propose_group
from digiskill.people.models import Person
from digiskill.people.services import (
    classification_agree,
    classification_propose,
    person_set_workload,
)

FRAMEWORK = "OCSC-2561"
Shares = dict[str, int]
WORK_BY_POSITION: dict[str, tuple[Shares, str]] = {
    "อธิบดี": ({"E": 100}, "E"),
    "รองอธิบดี": ({"E": 100}, "E"),
    "ผู้อำนวยการกอง": ({"M": 80, "A": 20}, "M"),
    "หัวหน้ากลุ่มงาน": ({"A": 60, "M": 40}, "A"),
    "นักวิเคราะห์นโยบายและแผน": ({"A": 70, "S": 30}, "A"),
    "นักทรัพยากรบุคคล": ({"A": 50, "S": 50}, "A"),
    "นักวิชาการคอมพิวเตอร์": ({"T": 80, "A": 20}, "T"),
    "เจ้าพนักงานธุรการ": ({"O": 70, "S": 30}, "O"),
    "นักจัดการงานทั่วไป": ({"O": 60, "S": 40}, "O"),
    "นักวิชาการเผยแพร่": ({"S": 70, "A": 30}, "S"),
    "เจ้าพนักงานการเงินและบัญชี": ({"O": 100}, ""),
    "นายช่างไฟฟ้า": ({"O": 80, "T": 20}, "O"),
}
UNITS_BY_GROUP = {
    "E": ["DG100", "DT100", "SPM100", "DL100", "DL300", "DTR100"],
    "M": ["DLit300", "DG100", "DT100", "SPM400", "SPM500", "DL200", "DTR200"],
    "A": ["DLit100", "DLit200", "DLit300", "DG100", "DT600", "SPM100"],
    "S": ["DLit100", "DLit200", "DLit300", "DS100", "DS300", "DS600"],
    "T": ["DLit300", "DG100", "DT200", "DT500", "DT700", "DS500"],
    "O": ["DLit100", "DLit200", "DLit300", "DG100"],
}
# Non-unit items, quoted from the framework's position skill sets (their text starts like this).
BASELINE = ["ความรู้พื้นฐานตามหมวด", "ประสบการณ์พื้นฐานตามหมวด", "คุณลักษณะตามหมวด"]
TEXTS_BY_GROUP = {
    "E": ["ความรู้เกี่ยวกับการเปลี่ยนผ่านสู่ดิจิทัล", "วิสัยทัศน์", "ศักยภาพเพื่อนำการเปลี่ยนแปลง"],
    "M": ["ความรู้ด้านการจัดการโครงการ", "การวางกลยุทธ์ภาครัฐ", "สอนงานและมอบหมายงาน"],
    "A": [
        "ความรู้เกี่ยวกับการบริหารจัดการ วิเคราะห์ และสังเคราะห์ข้อมูล",
        "ประสบการณ์การใช้ข้อมูลเพื่อการวิเคราะห์และสังเคราะห์",
        "การวางกลยุทธ์ภาครัฐ",
    ],
    "S": ["เทคนิคการออกแบบการให้บริการ", "ประสบการณ์การประสานความร่วมมือ", "ศักยภาพเพื่อนำการเปลี่ยนแปลง"],
    "T": [
        "ความรู้เกี่ยวกับความมั่นคงปลอดภัยด้านเทคโนโลยีสารสนเทศ",
        "ความรู้เกี่ยวกับการพัฒนาซอฟต์แวร์",
        "ประสบการณ์การพัฒนาซอฟต์แวร์",
    ],
    "O": ["ความรู้เกี่ยวกับการทำงานและประยุกต์ใช้งานแบบอไจล์"],
}
ANNOUNCEMENT_TITLE = "ประกาศกรมส่งเสริมทักษะดิจิทัล เรื่อง บทบาทและพฤติกรรมที่คาดหวังและทักษะด้านดิจิทัลที่จำเป็นของบุคลากร"


def demo_programme(dept: Agency, people: dict[str, Person]) -> None:
    """Add the digital programme to the demo department (what is there already is left alone)."""
    framework = _framework()
    _workloads(dept, people)
    _classifications(dept, people)
    target = _target(dept, framework)
    _skill_sets(dept, framework, target)
    if not Announcement.objects.filter(agency=dept).exists():
        start, _end = fiscal_year_bounds(fiscal_year(timezone.localdate()))
        announcement_publish(actor=SYSTEM, agency=dept, title=ANNOUNCEMENT_TITLE, effective_date=start)


def _framework() -> Framework:
    """The OCSC framework, loaded first when `make run` has not done it already."""
    found = Framework.objects.filter(code=FRAMEWORK).first()
    if found is None:
        framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "ocsc-2561" / "framework.yaml"))
        found = Framework.objects.get(code=FRAMEWORK)
    return found


def _shares(person: Person) -> tuple[Shares, str]:
    """The workload and career path a demo person gets, from their position and division."""
    shares, career = WORK_BY_POSITION.get(person.position, ({"O": 100}, ""))
    division = person.division.code if person.division else ""
    if division == "DEMO-SVC" and "E" not in shares and "M" not in shares:
        other = next(iter(shares))
        shares, career = ({"S": 60, other: 40} if other != "S" else {"S": 100}), "S"
    if division == "DEMO-ICT" and person.position == "หัวหน้ากลุ่มงาน":
        shares, career = {"T": 60, "M": 40}, "T"
    return shares, career


def _waiting(people: dict[str, Person]) -> list[int]:
    """Three of demo-supervisor's team: two proposals to agree, one role for demo-director to approve."""
    team = (
        Person.objects.filter(supervisor=people["supervisor"]).exclude(pk=people["staff"].pk).order_by("pk")
    )
    return list(team.values_list("pk", flat=True)[:3])


def _workloads(dept: Agency, people: dict[str, Person]) -> None:
    """Workload shares and career paths for everyone (demo-staff works mostly in the Academic group)."""
    spanning = _waiting(people)[-1:]
    for person in Person.objects.filter(agency=dept).select_related("division"):
        shares, career = _shares(person)
        if person.pk == people["staff"].pk:
            shares, career = {"A": 60, "S": 40}, "A"
        if person.pk in spanning:  # work spanning two groups, with a person-specific role below
            shares, career = {"A": 50, "S": 50}, "A"
        person_set_workload(actor=SYSTEM, person=person, workload=shares, career_path_group=career)


def _classifications(dept: Agency, people: dict[str, Person]) -> None:
    """Agreed groups for everyone never classified; two of demo-supervisor's team still wait."""
    groups = {g.code: g for g in PersonnelGroup.objects.filter(framework__code=FRAMEWORK)}
    team = (
        Person.objects.filter(supervisor=people["supervisor"]).exclude(pk=people["staff"].pk).order_by("pk")
    )
    waiting = list(team.values_list("pk", flat=True)[:3])
    fresh = Person.objects.filter(agency=dept, is_active=True, classifications__isnull=True).order_by("pk")
    for person in fresh:
        code = propose_group(person.workload, person.career_path_group or None) or "O"
        specific = ""
        if waiting and person.pk == waiting[-1]:  # demo-director must approve this one
            specific = "ผู้ใช้ข้อมูลดิจิทัลเพื่อการให้บริการประชาชน"
        classification_propose(actor=SYSTEM, person=person, group=groups[code], specific_role_th=specific)
        if person.pk not in waiting[:2]:
            classification_agree(actor=SYSTEM, person=person)


def _target(dept: Agency, framework: Framework) -> DigitalTarget:
    """The department's digital target at the early stage, with goals at 1, 3 and 5 years."""
    current = DigitalTarget.objects.filter(agency=dept).order_by("-version").first()
    if current is not None:
        return current
    goal = {g.code: g for g in Goal.objects.filter(framework=framework)}
    directors = {
        p.division.code: p
        for p in Person.objects.filter(agency=dept, position="ผู้อำนวยการกอง").select_related("division")
        if p.division
    }
    members = [
        MemberInput(directors[code], side)
        for code, side in (("DEMO-PLAN", "plan"), ("DEMO-ICT", "it"), ("DEMO-HR", "hr"))
        if code in directors
    ]
    return digital_target_save(
        actor=SYSTEM,
        agency=dept,
        stage=Stage.objects.get(framework=framework, code="early"),
        vision="กรมส่งเสริมทักษะดิจิทัลเป็นองค์กรไร้กระดาษ ที่ให้บริการประชาชนได้ทุกที่ ทุกเวลา ทุกอุปกรณ์",
        stage_rationale="งานส่วนใหญ่ยังใช้เอกสารกระดาษ กรมจึงตั้งเป้าเป็นรัฐบาลอิเล็กทรอนิกส์ภายใน 2 ปี",
        goals=[
            GoalInput(1, "output", goal["G3"], "ระบบสารบรรณอิเล็กทรอนิกส์ใช้ครบทุกกอง ลดการใช้กระดาษร้อยละ 50"),
            GoalInput(3, "output", goal["G1"], "เชื่อมโยงข้อมูลบุคลากรและงานบริการกับหน่วยงานอื่นผ่านระบบกลาง"),
            GoalInput(3, "outcome", goal["G2"], "ประชาชนยื่นคำขอรับบริการทุกประเภทได้ทางออนไลน์"),
            GoalInput(5, "outcome", goal["G2"], "บริการ ณ จุดเดียว เข้าถึงได้ทุกที่ ทุกเวลา ทุกอุปกรณ์"),
        ],
        members=members,
    )


def _skill_sets(dept: Agency, framework: Framework, target: DigitalTarget) -> None:
    """A required skill set for each group at the target stage, where none is started yet."""
    ability = SkillComponent.objects.get(framework=framework, code="ability")
    units = {u.code: u for u in Unit.objects.filter(framework=framework)}
    quoted = list(
        SkillItem.objects.filter(skill_set__framework=framework, unit__isnull=True)
        .exclude(component__code="ability")
        .select_related("component")
        .order_by("skill_set__order", "order")
    )
    for group in PersonnelGroup.objects.filter(framework=framework).order_by("order"):
        if AgencySkillSet.objects.filter(agency=dept, group=group, stage=target.stage).exists():
            continue
        skill_set = skill_set_start(actor=SYSTEM, agency=dept, group=group, stage=target.stage)
        for code in UNITS_BY_GROUP.get(group.code, []):
            skill_item_add(actor=SYSTEM, skill_set=skill_set, component=ability, unit=units[code])
        seen: set[str] = set()
        for start in [*BASELINE, *TEXTS_BY_GROUP.get(group.code, [])]:
            item = next((i for i in quoted if i.text_th.startswith(start) and i.text_th not in seen), None)
            if item is not None:
                seen.add(item.text_th)
                skill_item_add(
                    actor=SYSTEM,
                    skill_set=skill_set,
                    component=item.component,
                    text_th=item.text_th,
                    text_en=item.text_en,
                )
