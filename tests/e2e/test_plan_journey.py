"""The individual development plan in a real browser: the staff member builds a plan from the agreed
gaps (one activity from a suggested learning resource) and sends it; the supervisor returns it with a
comment; the staff member fixes and resends it; the supervisor approves; the staff member records
progress on an activity and the supervisor gives feedback."""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Page, expect

from digiskill.frameworks.models import PersonnelGroup
from digiskill.learning.models import LearningResource
from digiskill.lib.thai_dates import fiscal_year_bounds, format_thai_date
from digiskill.people.models import Person
from digiskill.plans.models import Plan
from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, load_ocsc, make_cast, publish_announcement
from tests.plans.conftest import agreed_assessment


def log_out(page: Page) -> None:
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def fill_goal(page: Page, goal_pk: int, due: str) -> None:
    """Write one goal the S.M.A.R.T. way and save it (the editor swaps the goal in place)."""
    block = page.locator(f"#goal-{goal_pk}")
    block.get_by_label("เป้าหมายการพัฒนา: จะทำอะไรได้").fill("วิเคราะห์ข้อมูลงบประมาณของกองได้ด้วยตนเอง")
    block.get_by_label("ตัวชี้วัด: วัดผลอย่างไร").fill("จำนวนรายงานวิเคราะห์ที่ผู้บังคับบัญชารับรอง")
    block.get_by_label("ค่าเป้าหมาย").fill("2 รายงาน")
    block.get_by_label("ภายในวันที่").fill(due)
    block.get_by_role("button", name="บันทึกเป้าหมาย").click()
    expect(page.locator(f"#goal-{goal_pk}")).not_to_contain_text("ยังไม่มีตัวชี้วัด")


def add_activity(page: Page, goal_pk: int, kind: str, title: str, hours: str) -> None:
    """Open "add an activity" under a goal and add one."""
    block = page.locator(f"#goal-{goal_pk}")
    block.get_by_text("เพิ่มกิจกรรมการพัฒนา", exact=True).click()
    block.get_by_label("ประเภท (70:20:10)").select_option(label=kind)
    block.get_by_label("กิจกรรมการพัฒนา", exact=True).fill(title)
    block.get_by_label("จำนวนชั่วโมง").fill(hours)
    block.get_by_role("button", name="เพิ่มกิจกรรม", exact=True).click()
    expect(page.locator(f"#goal-{goal_pk} table")).to_contain_text(title)


def test_staff_plans_supervisor_returns_then_approves_and_follows_progress(
    page: Page, transactional_db
) -> None:
    framework = load_ocsc()
    cast = make_cast()
    publish_announcement(cast.dept)
    Person.objects.filter(pk=cast.staff_person.pk).update(
        group=PersonnelGroup.objects.get(framework=framework, code="A")
    )
    cast.staff_person.refresh_from_db()
    assessment = agreed_assessment(cast.staff_person, gaps=2)
    gaps = list(assessment.items.filter(agreed_has=False).order_by("priority"))
    resource = LearningResource.objects.create(
        code="E2E-DA",
        title="การวิเคราะห์ข้อมูลสำหรับข้าราชการ",
        provider="สำนักงาน ก.พ.",
        kind="e_learning",
        hours=Decimal("6"),
    )
    resource.units.add(gaps[0].unit_id)
    staff_name = cast.staff_person.full_name

    # Staff: start this year's plan from the two agreed gaps
    log_in(page, "staff", PASSWORD)
    go_to(page, "แผนพัฒนารายบุคคลของฉัน")
    expect(page.get_by_role("heading", level=1)).to_have_text("แผนพัฒนารายบุคคลของฉัน")
    for gap in gaps:
        page.get_by_label(re.compile(gap.unit.code)).check()
    page.get_by_role("button", name="เริ่มจัดทำแผนของฉัน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("แผนพัฒนารายบุคคล (IDP)")
    plan = Plan.objects.get(person=cast.staff_person)
    first, second = list(plan.goals.order_by("order"))
    # Typed the Thai way: day/month/Buddhist-era year (the field shows it back the same way).
    due = format_thai_date(fiscal_year_bounds(plan.fiscal_year)[1].replace(day=1), style="numeric")
    expect(page.locator(f"#goal-{first.pk}")).to_contain_text("ยังไม่มีตัวชี้วัด")  # S.M.A.R.T. warning

    # goal 1: S.M.A.R.T. fields, the suggested resource in one click, and a job assignment
    fill_goal(page, first.pk, due)
    page.get_by_role("button", name=f"เพิ่ม “{resource.title}” เป็นกิจกรรม").click()
    expect(page.locator(f"#goal-{first.pk} table")).to_contain_text(resource.title)
    add_activity(page, first.pk, "มอบหมายงาน", "วิเคราะห์ข้อมูลงบประมาณไตรมาสที่ 1", "20")
    expect(page.locator("#balance")).to_contain_text("70 — เรียนรู้จากการปฏิบัติงาน")

    # sending with goal 2 still empty is refused, naming the goal
    page.get_by_role("button", name="ส่งแผนเพื่อขออนุมัติ").click()
    expect(page.locator(".messages")).to_contain_text(second.unit.code)
    expect(page.locator(".messages")).to_contain_text("ยังไม่มีตัวชี้วัด")

    fill_goal(page, second.pk, due)
    add_activity(page, second.pk, "หลักสูตรฝึกอบรม", "อบรมการใช้เครื่องมือวิเคราะห์ข้อมูล", "6")
    page.get_by_role("button", name="ส่งแผนเพื่อขออนุมัติ").click()
    expect(page.locator("#plan-status")).to_contain_text("รออนุมัติ")
    log_out(page)

    # Supervisor: the plan waits on the home page; return it with a comment
    log_in(page, "supervisor", PASSWORD)
    expect(page.locator("#panel-plans_waiting")).to_have_text("แผนพัฒนาที่รอท่านพิจารณา")
    page.get_by_role("link", name=staff_name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("แผนพัฒนารายบุคคล (IDP)")
    page.get_by_label("สิ่งที่ควรแก้ไข").fill("ขอให้เพิ่มการเรียนรู้จากผู้อื่น เช่น การสอนงาน")
    page.get_by_role("button", name="ส่งกลับแก้ไข").click()
    expect(page.locator("#plan-status")).to_contain_text("ส่งกลับแก้ไข")
    log_out(page)

    # Staff: sees the comment, adds coaching and sends it again
    log_in(page, "staff", PASSWORD)
    go_to(page, "แผนพัฒนารายบุคคลของฉัน")
    page.get_by_role("button", name="แก้ไขแผนต่อ").click()
    expect(page.locator("#returned-comment")).to_contain_text("ขอให้เพิ่มการเรียนรู้จากผู้อื่น")
    add_activity(page, second.pk, "การสอนงาน (coaching)", "การสอนงานโดยหัวหน้ากลุ่มงาน", "6")
    page.get_by_role("button", name="ส่งแผนเพื่อขออนุมัติ").click()
    expect(page.locator("#plan-status")).to_contain_text("รออนุมัติ")
    log_out(page)

    # Supervisor: approves from "plans waiting for me"
    log_in(page, "supervisor", PASSWORD)
    page.goto("/plans/waiting/")
    page.get_by_role("link", name=staff_name).click()
    page.get_by_role("button", name="อนุมัติ", exact=True).click()
    expect(page.locator("#plan-status")).to_contain_text("อนุมัติแล้ว")
    log_out(page)

    # Staff: records progress on the job assignment
    log_in(page, "staff", PASSWORD)
    page.goto(f"/plans/{plan.pk}/")
    activity = first.activities.get(kind="on_the_job")
    page.get_by_text("บันทึกความก้าวหน้า: วิเคราะห์ข้อมูลงบประมาณไตรมาสที่ 1").click()
    form = page.locator(f"form[action='/plans/activities/{activity.pk}/progress/']")
    form.get_by_label("สถานะ").select_option(label="เสร็จแล้ว")
    form.get_by_label("บันทึกความก้าวหน้า").fill("ส่งรายงานวิเคราะห์ไตรมาสที่ 1 แล้ว")
    form.get_by_role("button", name="บันทึกความก้าวหน้า").click()
    expect(page.locator(f"#activity-{activity.pk}")).to_contain_text("เสร็จแล้ว")
    expect(page.locator("#plan-status")).to_contain_text("กำลังดำเนินการ")
    log_out(page)

    # Supervisor: gives feedback on the plan
    log_in(page, "supervisor", PASSWORD)
    page.goto(f"/plans/{plan.pk}/")
    page.get_by_label("การให้ข้อมูลป้อนกลับ").fill("รายงานไตรมาสแรกชัดเจนดี ให้ใช้เป็นแบบของกอง")
    page.get_by_role("button", name="ให้ข้อมูลป้อนกลับ").click()
    expect(page.locator("#feedback")).to_contain_text("รายงานไตรมาสแรกชัดเจนดี")
    log_out(page)

    # Staff: sees the feedback
    log_in(page, "staff", PASSWORD)
    page.goto(f"/plans/{plan.pk}/")
    expect(page.locator("#feedback")).to_contain_text("รายงานไตรมาสแรกชัดเจนดี")
