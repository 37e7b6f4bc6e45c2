"""Fixtures of the plan tests: an announcement in force, the staff member in group A, and an agreed
self-assessment with gaps (written with the ORM, as the assessments app would leave it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from digiskill.accounts.access import actor_of
from digiskill.agencies.models import AnnouncementGroup
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.frameworks.models import PersonnelGroup
from digiskill.learning.models import LearningResource
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.people.models import Person
from digiskill.plans.models import ActivityKind, Plan
from digiskill.plans.services import activity_add, goal_update, plan_create
from tests.factories import Cast, publish_announcement


def agreed_assessment(person: Person, *, gaps: int = 3) -> Assessment:
    """An agreed, current assessment of the person's announced items; the first `gaps` are gaps."""
    entry = AnnouncementGroup.objects.get(announcement__agency=person.agency, group_id=person.group_id)
    assessment = Assessment.objects.create(
        agency_id=person.agency_id,
        person=person,
        round=1,
        announcement=entry.announcement,
        group_id=person.group_id,
        division_id=person.division_id,
        status=AssessmentStatus.AGREED,
        is_current=True,
        submitted_at=timezone.now(),
        reviewed_at=timezone.now(),
        reviewed_by=person.supervisor,
    )
    items = list(entry.items.select_related("unit").order_by("component__order", "order", "id"))
    units_first = sorted(items, key=lambda i: i.unit_id is None)
    for n, source in enumerate(units_first):
        gap = n < gaps
        AssessmentItem.objects.create(
            assessment=assessment,
            source=source,
            component_id=source.component_id,
            unit_id=source.unit_id,
            area_id=source.unit.area_id if source.unit else None,
            text_th=source.text_th,
            order=n,
            self_has=not gap,
            supervisor_agrees=True,
            agreed_has=not gap,
            priority=(gaps - n) if gap else None,  # the last gap is priority 1
            agency_id=person.agency_id,
            person=person,
            division_id=person.division_id,
            group_id=person.group_id,
            is_current=True,
        )
    return assessment


@dataclass
class World:
    """The cast, with the staff member classified into group A and an agreed assessment."""

    cast: Cast
    assessment: Assessment
    year: int

    @property
    def gaps(self) -> list[AssessmentItem]:
        return list(self.assessment.items.filter(agreed_has=False).order_by("priority"))


@pytest.fixture
def world(cast: Cast, ocsc) -> World:
    publish_announcement(cast.dept)
    group_a = PersonnelGroup.objects.get(framework=ocsc, code="A")
    Person.objects.filter(pk__in=[cast.staff_person.pk, cast.supervisor_person.pk]).update(group=group_a)
    cast.staff_person.refresh_from_db()
    cast.supervisor_person.refresh_from_db()
    return World(cast, agreed_assessment(cast.staff_person), fiscal_year(timezone.localdate()))


def due_in_year(year: int) -> dt.date:
    """A due date inside the fiscal year (its last day)."""
    return fiscal_year_bounds(year)[1]


def ready_plan(world: World, *, gaps: int = 2) -> Plan:
    """A draft plan of the staff member with complete S.M.A.R.T. goals and one activity each."""
    staff = world.cast.staff
    plan = plan_create(
        actor=actor_of(staff), person=world.cast.staff_person, fiscal_year=world.year, gaps=world.gaps[:gaps]
    )
    for n, goal in enumerate(plan.goals.all()):
        goal_update(
            actor=actor_of(staff),
            goal=goal,
            what=f"ใช้ข้อมูลวิเคราะห์งานได้ด้วยตนเอง {n}",
            measure="จำนวนรายงานวิเคราะห์ที่ผู้บังคับบัญชารับรอง",
            target="2 รายงาน",
            due_date=due_in_year(world.year),
        )
        activity_add(
            actor=actor_of(staff),
            goal=goal,
            kind=ActivityKind.ON_THE_JOB,
            title="มอบหมายงานวิเคราะห์",
            hours=14,
        )
    return plan


@pytest.fixture
def resource(world: World) -> LearningResource:
    """A shared e-learning course on the unit of the first-priority gap."""
    gap = world.gaps[0]
    found = LearningResource.objects.create(
        code="OCSC-DA-01",
        title="การวิเคราะห์ข้อมูลเบื้องต้น",
        provider="สำนักงาน ก.พ.",
        kind="e_learning",
        hours=Decimal("6.0"),
        url="https://learn.example.test/da01",
    )
    if gap.unit_id:
        found.units.add(gap.unit_id)
    return found
