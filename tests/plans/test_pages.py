"""The plan pages: starting from gaps, the editor (with and without HTMX), review, progress, lists."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from digiskill.accounts.access import actor_of
from digiskill.assessments.models import Assessment
from digiskill.inbox.models import Notification
from digiskill.learning.models import LearningResource
from digiskill.plans.models import ActivityKind, Plan, PlanStatus
from digiskill.plans.services import (
    activity_add,
    plan_approve,
    plan_create,
    plan_submit,
)
from tests.plans.conftest import World, due_in_year, ready_plan


def body(response) -> str:
    return response.content.decode()


def test_my_plan_offers_the_agreed_gaps(world: World, client_for) -> None:
    page = body(client_for("staff").get(reverse("plans:mine")))
    assert "แผนพัฒนารายบุคคลของฉัน" in page
    assert f"ปีงบประมาณ พ.ศ. {world.year}" in page
    for gap in world.gaps:
        assert gap.unit.code in page
    assert "ยังไม่ได้รับการพิจารณา" not in page


def test_without_an_agreed_assessment_the_page_explains_and_offers_required_skills(
    world: World, client_for
) -> None:
    Assessment.objects.filter(pk=world.assessment.pk).update(is_current=False)
    page = body(client_for("staff").get(reverse("plans:mine")))
    assert "ยังไม่ได้รับการพิจารณาและตกลงร่วมกับผู้บังคับบัญชา" in page
    assert "ทักษะที่จำเป็นซึ่งจะพัฒนา" in page


def test_starting_a_plan_from_gaps_opens_the_editor(world: World, client_for, resource) -> None:
    client = client_for("staff")
    response = client.post(reverse("plans:create"), {"gaps": [g.pk for g in world.gaps[:2]]})
    plan = Plan.objects.get(person=world.cast.staff_person)
    assert response.status_code == 302 and response["Location"] == reverse("plans:edit", args=[plan.pk])
    assert plan.goals.count() == 2
    page = body(client.get(response["Location"]))
    assert "ยังไม่มีตัวชี้วัด" in page and "ยังไม่ระบุภายในวันที่" in page  # S.M.A.R.T. warnings
    assert resource.title in page  # suggested for the first-priority gap
    assert reverse("plans:activity_from_resource", args=[plan.goals.first().pk, resource.pk]) in page
    assert "กรมดิจิทัลที่ให้บริการประชาชนได้ทุกที่ทุกเวลา" in page  # the mission, prefilled


def test_the_editor_saves_goals_and_activities_without_javascript(world: World, client_for) -> None:
    plan = plan_create(
        actor=actor_of(world.cast.staff),
        person=world.cast.staff_person,
        fiscal_year=world.year,
        gaps=world.gaps[:1],
    )
    goal = plan.goals.get()
    client = client_for("staff")
    prefix = f"goal-{goal.pk}"
    response = client.post(
        reverse("plans:goal_save", args=[goal.pk]),
        {
            f"{prefix}-skill_th": goal.skill_th,
            f"{prefix}-what": "วิเคราะห์ข้อมูลงบประมาณด้วยตนเอง",
            f"{prefix}-measure": "รายงานที่ผ่านการรับรอง",
            f"{prefix}-target": "3 ฉบับ",
            f"{prefix}-due_date": due_in_year(world.year).isoformat(),
        },
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#goal-{goal.pk}")
    goal.refresh_from_db()
    assert goal.measure == "รายงานที่ผ่านการรับรอง" and goal.due_date == due_in_year(world.year)
    act = f"act-{goal.pk}"
    response = client.post(
        reverse("plans:activity_add", args=[goal.pk]),
        {f"{act}-kind": "training", f"{act}-title": "หลักสูตรวิเคราะห์ข้อมูล", f"{act}-hours": "12"},
    )
    assert response.status_code == 302
    activity = goal.activities.get()
    assert activity.band == 10
    page = body(client.get(reverse("plans:edit", args=[plan.pk])))
    assert "หลักสูตรวิเคราะห์ข้อมูล" in page
    assert "แผนนี้ห่างจากสัดส่วน 70:20:10 มาก" in page  # only formal learning
    response = client.post(reverse("plans:activity_delete", args=[activity.pk]))
    assert response.status_code == 302 and not goal.activities.exists()


def test_the_editor_swaps_the_goal_with_htmx(world: World, client_for) -> None:
    plan = ready_plan(world, gaps=1)
    goal = plan.goals.get()
    act = f"act-{goal.pk}"
    response = client_for("staff").post(
        reverse("plans:activity_add", args=[goal.pk]),
        {f"{act}-kind": "mentoring", f"{act}-title": "พี่เลี้ยงด้านข้อมูล", f"{act}-hours": "4"},
        HTTP_HX_REQUEST="true",
    )
    page = body(response)
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<article id="goal-{goal.pk}">')
    assert "พี่เลี้ยงด้านข้อมูล" in page
    assert 'id="balance" aria-labelledby="balance-title" hx-swap-oob="true"' in page
    # an invalid activity comes back with its errors, in place
    response = client_for("staff").post(
        reverse("plans:activity_add", args=[goal.pk]), {f"{act}-kind": "mentoring"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'role="alert"' in body(response)
    assert goal.activities.count() == 2


def test_submitting_an_incomplete_plan_names_the_goal(world: World, client_for) -> None:
    plan = plan_create(
        actor=actor_of(world.cast.staff),
        person=world.cast.staff_person,
        fiscal_year=world.year,
        gaps=world.gaps[:1],
    )
    client = client_for("staff")
    response = client.post(reverse("plans:submit", args=[plan.pk]), follow=True)
    page = body(response)
    skill = plan.goals.get().skill_th
    assert "ยังไม่มีตัวชี้วัด" in page and "has no measure" in page and skill in page
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT


def test_the_supervisor_returns_then_approves_on_the_review_page(world: World, client_for) -> None:
    plan = plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world))
    supervisor = client_for("supervisor")
    home = body(supervisor.get(reverse("core:home")))
    assert "แผนพัฒนาที่รอท่านพิจารณา" in home and world.cast.staff_person.full_name in home
    waiting = body(supervisor.get(reverse("plans:waiting")))
    assert reverse("plans:review", args=[plan.pk]) in waiting
    page = body(supervisor.get(reverse("plans:review", args=[plan.pk])))
    assert "ส่งกลับแก้ไข" in page and "อนุมัติ" in page
    supervisor.post(reverse("plans:return", args=[plan.pk]), {"comment": "เพิ่มการสอนงาน"})
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.RETURNED
    edit = body(client_for("staff").get(reverse("plans:edit", args=[plan.pk])))
    assert 'id="returned-comment"' in edit and "เพิ่มการสอนงาน" in edit
    plan_submit(actor=actor_of(world.cast.staff), plan=plan)
    response = supervisor.post(reverse("plans:approve", args=[plan.pk]), {"comment": "ดี"})
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED
    detail = body(client_for("staff").get(reverse("plans:detail", args=[plan.pk])))
    for step in ("จัดทำแผน", "ส่งแผน", "ส่งกลับแก้ไขพร้อมความเห็น", "อนุมัติแล้ว"):
        assert step in detail
    kinds = set(Notification.objects.filter(recipient=world.cast.staff).values_list("kind", flat=True))
    assert kinds == {"plan_returned", "plan_approved"}


def test_a_review_without_a_waiting_plan_goes_to_the_plan(world: World, client_for) -> None:
    plan = ready_plan(world)
    response = client_for("supervisor").get(reverse("plans:review", args=[plan.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.pk])


def test_progress_feedback_and_versions_on_the_plan_page(world: World, client_for) -> None:
    plan = plan_approve(
        actor=actor_of(world.cast.supervisor),
        plan=plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world)),
    )
    activity = plan.goals.first().activities.first()
    staff = client_for("staff")
    response = staff.post(
        reverse("plans:progress", args=[activity.pk]),
        {f"p{activity.pk}-status": "done", f"p{activity.pk}-note": "ส่งรายงานแล้ว"},
    )
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_PROGRESS
    supervisor = client_for("supervisor")
    supervisor.post(
        reverse("plans:feedback", args=[plan.pk]), {"comment": "รายงานชัดเจนดี", "goal": plan.goals.first().pk}
    )
    page = body(staff.get(reverse("plans:detail", args=[plan.pk])))
    assert "ส่งรายงานแล้ว" in page and "รายงานชัดเจนดี" in page
    response = staff.post(reverse("plans:revise", args=[plan.pk]), {"comment": "เพิ่มเป้าหมาย"})
    new = Plan.objects.get(person=world.cast.staff_person, is_current=True)
    assert response["Location"] == reverse("plans:edit", args=[new.pk])
    old_page = body(staff.get(reverse("plans:detail", args=[plan.pk])))
    assert "ฉบับนี้เป็นฉบับก่อนหน้า" in old_page and reverse("plans:detail", args=[new.pk]) in old_page
    assert "มีฉบับใหม่แทนแล้ว" in old_page


def test_team_and_department_lists(world: World, client_for) -> None:
    plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world))
    team = body(client_for("director").get(reverse("plans:team")))
    assert world.cast.staff_person.full_name in team and world.cast.supervisor_person.full_name in team
    assert "ยังไม่มีแผน" in team  # the supervisor has none
    department = body(client_for("hr").get(reverse("plans:department"), {"status": "submitted"}))
    assert world.cast.staff_person.full_name in department


def test_hr_sees_late_approvals_and_sets_the_limit(world: World, client_for) -> None:
    plan = plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world))
    hr = client_for("hr")
    assert world.cast.staff_person.full_name not in body(hr.get(reverse("plans:overdue")))
    Plan.objects.filter(pk=plan.pk).update(submitted_at=timezone.now() - dt.timedelta(days=9))
    page = body(hr.get(reverse("plans:overdue")))
    assert world.cast.staff_person.full_name in page and '<td class="days">9</td>' in page
    assert world.cast.supervisor_person.full_name in page  # who it waits for
    assert "แผนพัฒนาที่รออนุมัติเกินกำหนด" in body(hr.get(reverse("core:home")))
    hr.post(reverse("plans:settings"), {"approval_limit_days": "10"})
    assert world.cast.staff_person.full_name not in body(hr.get(reverse("plans:overdue")))
    response = hr.post(reverse("plans:settings"), {"approval_limit_days": "0"}, follow=True)
    assert 'class="error"' in body(response)


def test_applications_page_records_and_the_supervisor_acknowledges(world: World, client_for) -> None:
    plan = plan_approve(
        actor=actor_of(world.cast.supervisor),
        plan=plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world)),
    )
    goal = plan.goals.first()
    staff = client_for("staff")
    page = body(staff.get(reverse("plans:applications")))
    assert "การนำทักษะไปใช้ในการปฏิบัติงาน" in page and goal.what in page
    response = staff.post(
        reverse("plans:applications"),
        {"title": "แดชบอร์ดงบประมาณ", "applied_on": timezone.localdate().isoformat(), "goal": goal.pk},
    )
    assert response.status_code == 302
    supervisor = client_for("supervisor")
    page = body(supervisor.get(reverse("plans:applications")))
    assert "แดชบอร์ดงบประมาณ" in page and world.cast.staff_person.full_name in page
    applied = goal.applications.get()
    supervisor.post(reverse("plans:application_ack", args=[applied.pk]), {"note": "ขยายผลทั้งกอง"})
    page = body(staff.get(reverse("plans:applications")))
    assert "ขยายผลทั้งกอง" in page and "รับทราบโดย" in page
    assert "แดชบอร์ดงบประมาณ" in body(staff.get(reverse("plans:detail", args=[plan.pk])))


def test_a_resource_becomes_an_activity_in_one_click(world: World, client_for, resource) -> None:
    plan = plan_create(
        actor=actor_of(world.cast.staff),
        person=world.cast.staff_person,
        fiscal_year=world.year,
        gaps=world.gaps[:1],
    )
    goal = plan.goals.get()
    response = client_for("staff").post(reverse("plans:activity_from_resource", args=[goal.pk, resource.pk]))
    assert response.status_code == 302
    activity = goal.activities.get()
    assert activity.kind == ActivityKind.E_LEARNING and activity.resource == resource
    page = body(client_for("staff").get(reverse("plans:edit", args=[plan.pk])))
    assert reverse("plans:activity_from_resource", args=[goal.pk, resource.pk]) not in page  # used already
    assert (
        client_for("staff").post(reverse("plans:activity_from_resource", args=[goal.pk, 99999])).status_code
        == 404
    )
    theirs = LearningResource.objects.create(
        agency=world.cast.other_dept, code="OTHER-1", title="ของกรมอื่น", provider="กรมอื่น", kind="course"
    )
    url = reverse("plans:activity_from_resource", args=[goal.pk, theirs.pk])
    assert client_for("staff").post(url).status_code == 404
    assert not goal.activities.filter(resource=theirs).exists()


def test_the_home_panel_shows_my_plan(world: World, client_for) -> None:
    home = body(client_for("staff").get(reverse("core:home")))
    assert f"ยังไม่มีแผนพัฒนารายบุคคลของปีงบประมาณ พ.ศ. {world.year}" in home
    plan = ready_plan(world)
    activity_add(
        actor=actor_of(world.cast.staff), goal=plan.goals.first(), kind="coaching", title="สอนงาน", hours=1
    )
    home = body(client_for("staff").get(reverse("core:home")))
    assert reverse("plans:detail", args=[plan.pk]) in home and "ร่าง" in home


# --- what a new user meets: ticked gaps, no empty plan, a message that matches the page -----------


def test_the_start_page_ticks_the_agreed_gaps_highest_priority_first(world: World, client_for) -> None:
    page = body(client_for("staff").get(reverse("plans:mine")))
    ticked = re.findall(r'<input type="checkbox" name="gaps" value="(\d+)"[^>]*\bchecked\b', page)
    assert [int(pk) for pk in ticked] == [g.pk for g in world.gaps]
    positions = [page.index(g.unit.code) for g in world.gaps]
    assert positions == sorted(positions)


def test_an_empty_plan_is_refused_with_a_clear_message(world: World, client_for) -> None:
    client = client_for("staff")
    response = client.post(reverse("plans:create"), {}, follow=True)
    assert not Plan.objects.filter(person=world.cast.staff_person).exists()
    assert "โปรดเลือกช่องว่างทักษะที่เห็นชอบแล้วอย่างน้อยหนึ่งรายการ" in body(response)


def test_a_plan_without_goals_says_so_and_not_see_above(world: World, client_for) -> None:
    plan = plan_create(
        actor=actor_of(world.cast.staff),
        person=world.cast.staff_person,
        fiscal_year=world.year,
        gaps=world.gaps[:1],
    )
    plan.goals.all().delete()
    page = body(client_for("staff").get(reverse("plans:edit", args=[plan.pk])))
    assert "แผนยังไม่มีเป้าหมายการพัฒนา" in page
    assert "ดูข้อควรแก้ไขด้านบน" not in page


def test_english_mode_shows_the_band_and_activity_words_of_the_glossary(world: World, client_for) -> None:
    plan = ready_plan(world)
    client = client_for("staff")
    client.cookies["digiskill_language"] = "en"
    page = body(client.get(reverse("plans:detail", args=[plan.pk])))
    assert "70 — learning by doing" in page
    client.cookies["digiskill_language"] = "th"
    page = body(client.get(reverse("plans:detail", args=[plan.pk])))
    assert "70 — เรียนรู้จากการปฏิบัติงาน" in page and "เรียนรู้อย่างเป็นทางการ" not in page
