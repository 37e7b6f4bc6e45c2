"""Demo development plans for `digiskill load-demo`: a few plans of demo-supervisor's team in
different states, written through the services.

Plans are made only for people with an agreed self-assessment (the assessments demo writes those);
without any, nothing is written. demo-staff is left without a plan, to start one. Running it again
writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from digiskill.accounts.access import SYSTEM, Actor, actor_of
from digiskill.accounts.models import User
from digiskill.agencies.models import Agency
from digiskill.learning.selectors import suggest_for
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.people.models import Person
from digiskill.plans.models import ActivityKind, ActivityStatus, Plan, PlanGoal
from digiskill.plans.selectors import agreed_gaps
from digiskill.plans.services import (
    activity_add,
    activity_add_resource,
    activity_progress,
    goal_update,
    plan_approve,
    plan_create,
    plan_feedback,
    plan_return,
    plan_submit,
)

GOALS_PER_PLAN = 2


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _fill(goal: PlanGoal, year: int) -> None:
    """S.M.A.R.T. fields and a 70:20:10 mix of activities for one goal."""
    _start, end = fiscal_year_bounds(year)
    today = timezone.localdate()
    due = max(end - dt.timedelta(days=60), today)
    skill = goal.skill_th.split(" ", 1)[-1] if goal.unit_id else goal.skill_th
    goal_update(
        actor=SYSTEM,
        goal=goal,
        what=f"นำ{skill[:120]}ไปใช้ในงานของกลุ่มงานได้ด้วยตนเอง",
        measure="จำนวนผลงานที่ใช้ทักษะนี้และผู้บังคับบัญชารับรอง",
        target="อย่างน้อย 2 ชิ้นงาน",
        start_date=today,
        due_date=due,
        how_to_apply="ใช้ปรับปรุงขั้นตอนงานประจำของกลุ่มงานให้เป็นดิจิทัล",
    )
    activity_add(
        actor=SYSTEM,
        goal=goal,
        kind=ActivityKind.ON_THE_JOB,
        title="มอบหมายงานจริงที่ต้องใช้ทักษะนี้ในกลุ่มงาน",
        hours=14,
        start_date=today,
        end_date=due,
    )
    activity_add(
        actor=SYSTEM,
        goal=goal,
        kind=ActivityKind.COACHING,
        title="การสอนงานโดยผู้บังคับบัญชา เดือนละครั้ง",
        hours=4,
        start_date=today,
        end_date=due,
    )
    found = suggest_for(goal.plan.agency, unit_id=goal.unit_id, text=goal.skill_th, limit=1)
    if found:
        activity_add_resource(actor=SYSTEM, goal=goal, resource=found[0])
    else:
        activity_add(
            actor=SYSTEM, goal=goal, kind=ActivityKind.TRAINING, title="หลักสูตรฝึกอบรมที่เกี่ยวข้อง", hours=6
        )


def _ready(person: Person, year: int) -> Plan:
    """A draft plan of the person's top-priority gaps, with goals and activities filled in."""
    plan = plan_create(
        actor=SYSTEM, person=person, fiscal_year=year, gaps=agreed_gaps(person)[:GOALS_PER_PLAN]
    )
    for goal in plan.goals.all():
        _fill(goal, year)
    return plan


def _waiting(plan: Plan, boss: Actor) -> None:
    plan_submit(actor=SYSTEM, plan=plan)


def _in_progress(plan: Plan, boss: Actor) -> None:
    plan = plan_approve(actor=boss, plan=plan_submit(actor=SYSTEM, plan=plan), comment="เห็นชอบตามแผน")
    if plan.awaiting_next_level:  # a person-specific role: the next level approves too
        top = actor_of(plan.next_level.user if plan.next_level is not None else None)
        plan = plan_approve(actor=top, plan=plan)
    goal = plan.goals.first()
    assert goal is not None
    activity = goal.activities.first()
    assert activity is not None
    activity_progress(
        actor=SYSTEM,
        activity=activity,
        status=ActivityStatus.DONE,
        note="ได้รับมอบหมายและส่งงานครบแล้ว",
        evidence_link="https://intranet.example.go.th/reports/1",
    )
    plan_feedback(actor=boss, plan=plan, goal=goal, comment="งานชิ้นแรกทำได้ดี ให้ขยายผลกับงานอื่นของกลุ่ม")


def _returned(plan: Plan, boss: Actor) -> None:
    plan = plan_submit(actor=SYSTEM, plan=plan)
    plan_return(actor=boss, plan=plan, comment="ขอให้เพิ่มการเรียนรู้จากผู้อื่น เช่น พี่เลี้ยง")


def _draft(plan: Plan, boss: Actor) -> None:
    return None


STATES: list[Callable[[Plan, Actor], None]] = [_waiting, _in_progress, _returned, _draft]
"""The state each successive team member's plan is left in."""


@transaction.atomic
def demo_plans(dept: Agency) -> int:
    """Plans of demo-supervisor's team (not demo-staff) in different states; returns how many were made."""
    supervisor = Person.objects.filter(agency=dept, user__username="demo-supervisor").first()
    if supervisor is None:
        return 0
    boss = actor_of(_user("demo-supervisor"))
    year = fiscal_year(timezone.localdate())
    team = (
        Person.objects.filter(agency=dept, supervisor=supervisor, is_active=True)
        .exclude(user__username="demo-staff")
        .order_by("pk")
    )
    candidates = [p for p in team if agreed_gaps(p)]
    made = 0
    for person, state in zip(candidates, STATES, strict=False):
        if Plan.objects.filter(person=person, fiscal_year=year).exists():
            continue
        state(_ready(person, year), boss)
        made += 1
    return made
