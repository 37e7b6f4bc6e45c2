"""A small department with an announcement for groups A and T, and assessments written the way the
assessments services leave them; plus a plain-Python count of the gaps to check the app against."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import Agency, AgencyKind, Announcement, AnnouncementItem
from digiskill.agencies.services import agency_save, announcement_publish, skill_set_start
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.frameworks.models import PersonnelGroup, SkillItem, SkillSet, Stage
from digiskill.people.models import Person
from tests.factories import Cast, load_ocsc, make_person, make_target

A_UNITS = ("DG100", "DS100", "SPM100")
T_UNITS = ("DG100", "DT100", "DT200")
# The same text is announced for both groups: the analysis shows it as one line.
SHARED_TEXT = "ความรู้เกี่ยวกับการทำงานและประยุกต์ใช้งานแบบอไจล์ (Agile)"
A_TEXT = "ประสบการณ์การใช้ข้อมูลเพื่อการวิเคราะห์และสังเคราะห์"


def _items(source: SkillSet, units: tuple[str, ...], texts: tuple[str, ...]) -> list[int]:
    return [
        i.pk
        for i in SkillItem.objects.filter(skill_set=source).select_related("unit")
        if (i.unit is not None and i.unit.code in units)
        or (i.unit is None and any(i.text_th.startswith(t) for t in texts))
    ]


def publish(dept: Agency, *, stage_code: str = "early", effective: dt.date | None = None) -> Announcement:
    """Skill sets for A (from DCIO) and T (from CIOA) at the target's stage, and an announcement."""
    target = make_target(dept, stage_code)
    fw = target.framework
    for code, source, units, texts in (
        ("A", "DCIO", A_UNITS, (SHARED_TEXT, A_TEXT)),
        ("T", "CIOA", T_UNITS, (SHARED_TEXT,)),
    ):
        src = SkillSet.objects.get(framework=fw, code=source)
        skill_set_start(
            actor=SYSTEM,
            agency=dept,
            group=PersonnelGroup.objects.get(framework=fw, code=code),
            stage=target.stage,
            source=src,
            item_ids=_items(src, units, texts),
        )
    return announcement_publish(
        actor=SYSTEM, agency=dept, title="ประกาศทดสอบ", effective_date=effective or timezone.localdate()
    )


def announced(announcement: Announcement, group: str) -> list[AnnouncementItem]:
    """The announced items of a group, in order."""
    return list(
        AnnouncementItem.objects.filter(entry__announcement=announcement, entry__group__code=group)
        .select_related("unit", "unit__area", "component")
        .order_by("component__order", "order", "id")
    )


def key_of(item: AnnouncementItem | AssessmentItem) -> str:
    """A unit's code, or the text of a text item."""
    return item.unit.code if item.unit_id and item.unit else item.text_th


def assess(
    person: Person,
    announcement: Announcement,
    lacking: set[str] = frozenset(),  # type: ignore[assignment]
    *,
    status: str = AssessmentStatus.AGREED,
    round_no: int = 1,
) -> Assessment:
    """One round as the services leave it: items copied from the group's announced items."""
    person.refresh_from_db()
    agreed = status == AssessmentStatus.AGREED
    if agreed:
        Assessment.objects.filter(person=person, is_current=True).update(is_current=False)
        AssessmentItem.objects.filter(person=person, is_current=True).update(is_current=False)
    assessment = Assessment.objects.create(
        agency_id=person.agency_id,
        person=person,
        round=round_no,
        announcement=announcement,
        group_id=person.group_id,
        division_id=person.division_id,
        status=status,
        is_current=agreed,
        submitted_at=timezone.now() if status != AssessmentStatus.DRAFT else None,
        reviewed_at=timezone.now() if agreed else None,
    )
    group = PersonnelGroup.objects.get(pk=person.group_id).code
    rows = []
    gaps = 0
    for order, source in enumerate(announced(announcement, group)):
        has = key_of(source) not in lacking
        if agreed and not has:
            gaps += 1
        rows.append(
            AssessmentItem(
                assessment=assessment,
                source=source,
                component_id=source.component_id,
                unit_id=source.unit_id,
                area_id=source.unit.area_id if source.unit else None,
                text_th=source.text_th,
                order=order,
                self_has=has if status != AssessmentStatus.DRAFT else None,
                self_level=(4 if has else 2) if status != AssessmentStatus.DRAFT else None,
                supervisor_agrees=True if agreed else None,
                agreed_has=has if agreed else None,
                priority=gaps if agreed and not has else None,
                agency_id=person.agency_id,
                person=person,
                division_id=person.division_id,
                group_id=person.group_id,
                is_current=agreed,
            )
        )
    AssessmentItem.objects.bulk_create(rows)
    return assessment


@dataclass
class World:
    """The cast's department with two divisions (one with a section), people in A and T, results."""

    cast: Cast
    announcement: Announcement
    div1: Agency
    div2: Agency
    section: Agency
    people: list[Person] = field(default_factory=list)
    # What each person with a current result lacks, for the plain-Python count.
    results: dict[int, set[str]] = field(default_factory=dict)

    def expected(self, *, division: Agency | None = None, group: str | None = None) -> dict:
        """(division name, group code, item key) → (lacking, assessed), counted from the rows written."""
        counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
        for person in Person.objects.filter(pk__in=self.results, is_active=True).select_related(
            "division", "division__parent", "group"
        ):
            unit = person.division
            top = unit.parent if unit is not None and unit.kind == AgencyKind.SECTION else unit
            if division is not None and top != division:
                continue
            if group is not None and person.group.code != group:
                continue
            for item in announced(self.announcement, person.group.code):
                cell = counts[(top.name_th if top else "", person.group.code, key_of(item))]
                cell[1] += 1
                cell[0] += key_of(item) in self.results[person.pk]
        return {k: tuple(v) for k, v in counts.items()}


@pytest.fixture
def world(cast: Cast) -> World:
    """Ten people in A and T across two divisions and a section; eight agreed, one draft, one submitted."""
    load_ocsc()
    dept = cast.dept
    div1, div2 = dept.units.filter(kind=AgencyKind.DIVISION).order_by("code")
    section = agency_save(
        actor=SYSTEM,
        code=f"{dept.code}-DIV2-S1",
        name_th="กลุ่มงานพัฒนาระบบ",
        kind=AgencyKind.SECTION,
        parent=div2,
    )
    announcement = publish(dept)
    w = World(cast, announcement, div1, div2, section)
    groups = {g.code: g for g in PersonnelGroup.objects.filter(framework__code="OCSC-2561")}
    rng = random.Random(11)
    plan = [  # (division, group, state)
        (div1, "A", "agreed"),
        (div1, "A", "agreed"),
        (div1, "T", "agreed"),
        (div2, "A", "agreed"),
        (div2, "T", "agreed"),
        (section, "T", "agreed"),
        (section, "A", "agreed"),
        (section, "T", "agreed"),
        (div1, "A", "draft"),
        (div2, "T", "submitted"),
        (div2, "A", "none"),
    ]
    keys = {g: [key_of(i) for i in announced(announcement, g)] for g in ("A", "T")}
    for division, group, state in plan:
        person = make_person(dept, supervisor=cast.director_person, position="นักวิชาการ")
        Person.objects.filter(pk=person.pk).update(division=division, group=groups[group])
        w.people.append(person)
        if state == "none":
            continue
        if state == "agreed":
            lacking = {k for k in keys[group] if rng.random() < 0.5}
            assess(person, announcement, lacking)
            w.results[person.pk] = lacking
        else:
            status = AssessmentStatus.DRAFT if state == "draft" else AssessmentStatus.SUBMITTED
            assess(person, announcement, status=status)
    # The cast's staff member: an agreed round 1 and a draft round 2 (counts as assessed).
    staff = cast.staff_person
    Person.objects.filter(pk=staff.pk).update(group=groups["A"])
    assess(staff, announcement, {"DG100"})
    assess(staff, announcement, status=AssessmentStatus.DRAFT, round_no=2)
    w.results[staff.pk] = {"DG100"}
    w.people.append(staff)
    return w


@pytest.fixture
def other_stage(world: World) -> Stage:
    return Stage.objects.get(framework__code="OCSC-2561", code="developing")
