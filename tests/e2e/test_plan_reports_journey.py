"""HR opens the plan reports: completion figures, the approval waiting too long, who has not submitted;
then downloads that plan's official form as PDF and XLSX, which read back with the Thai text intact."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
from django.utils import timezone
from playwright.sync_api import Page, expect

from digiskill.agencies.models import AgencyKind
from digiskill.frameworks.models import PersonnelGroup
from digiskill.frameworks.models import Role as FrameworkRole
from digiskill.people.models import Person
from digiskill.plans.models import PlanStatus
from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, load_ocsc, make_cast, make_person
from tests.reports.conftest import add_goal, make_plan, pdf_text, xlsx_text

YEAR = "2570"
FORM_WORDS = [
    "แผนพัฒนารายบุคคล (Individual Development Plan: IDP) ประจำปีงบประมาณ พ.ศ. 2570",
    "ดำเนินการวิเคราะห์ข้อมูล",
    "ผู้อำนวยการ",
    "พัฒนาทักษะด้านดิจิทัล",
    "ผู้บังคับบัญชาเหนือขึ้นไป",
    "70: เรียนรู้จากการปฏิบัติงาน",
    "20: เรียนรู้จากผู้อื่น",
    "10: เรียนรู้จากการฝึกอบรม",
    "วันที่เสนอแผน",
]


def _world():
    framework = load_ocsc()
    cast = make_cast()
    a = PersonnelGroup.objects.get(framework=framework, code="A")
    s = PersonnelGroup.objects.get(framework=framework, code="S")
    division2 = cast.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").last()
    Person.objects.filter(pk__in=[cast.staff_person.pk, cast.supervisor_person.pk]).update(group=a)
    newcomer = make_person(cast.dept, supervisor=cast.director_person, first_name="มาลี", last_name="ดีงาม")
    Person.objects.filter(pk=newcomer.pk).update(group=s, division=division2)
    for person in (cast.staff_person, cast.supervisor_person, newcomer):
        person.refresh_from_db()
    plan = make_plan(
        cast.staff_person,
        status=PlanStatus.SUBMITTED,
        role=FrameworkRole.objects.get(framework=framework, code="A1"),
        mission="พัฒนาทักษะด้านดิจิทัลเพื่อบริการประชาชน",
        submitted_at=timezone.now() - dt.timedelta(days=9, hours=2),
    )
    add_goal(
        plan,
        [
            ("on_the_job", "ดำเนินการวิเคราะห์ข้อมูลคำร้อง", "14"),
            ("coaching", "รับคำแนะนำจากผู้บังคับบัญชา", "4"),
            ("training", "หลักสูตรการวิเคราะห์ข้อมูล", "2"),
        ],
        skill_th="การวิเคราะห์ข้อมูล",
        what="ดำเนินการวิเคราะห์ข้อมูลการให้บริการ",
        how_to_apply="เสนอผลต่อผู้อำนวยการกอง",
    )
    approved = make_plan(cast.supervisor_person, status=PlanStatus.APPROVED)
    add_goal(approved, [("project", "โครงการข้อมูลเปิด", "30")], skill_th="ข้อมูลเปิด", what="เปิดเผยข้อมูล")
    return cast, plan, newcomer


def test_hr_reads_the_plan_report_and_downloads_the_form(page: Page, transactional_db: None) -> None:
    cast, _plan, _newcomer = _world()
    log_in(page, "hr", PASSWORD)
    expect(page.locator("#overdue-approvals")).to_have_text("1")  # the home panel

    go_to(page, "รายงานแผนพัฒนา")
    expect(page.get_by_role("heading", level=1)).to_have_text("แผนพัฒนารายบุคคลของส่วนราชการ")
    page.get_by_label("ปีงบประมาณ").select_option(YEAR)
    page.get_by_role("button", name="แสดง").click()

    # Three people have a group; two plans are submitted or further.
    expect(page.locator("#people-count")).to_have_text("3")
    expect(page.locator("#submitted-percent")).to_have_text("66.7%")
    total = page.locator("#completion-division tr.total")
    expect(total).to_contain_text("ทั้งส่วนราชการ")
    expect(total.locator("td").nth(0)).to_have_text("3")
    expect(total.locator("td").nth(1)).to_contain_text("1 (33.3%)")  # no plan: the newcomer
    expect(total.locator("td").nth(3)).to_contain_text("1 (33.3%)")  # waiting for approval
    expect(total.locator("td").nth(4)).to_contain_text("1 (33.3%)")  # approved
    expect(page.locator("#balance")).to_contain_text("30")  # only the approved plan's hours

    # The approval waiting nine days is over the limit of seven.
    late = page.locator("#waiting tr.overdue")
    expect(late).to_have_count(1)
    expect(late).to_contain_text(cast.staff_person.full_name)
    expect(late).to_contain_text(cast.supervisor_person.full_name)

    # Who has not submitted, filtered by division (HTMX swaps the list).
    expect(page.locator("#pending-table")).to_contain_text("มาลี ดีงาม")
    page.get_by_label("กอง/สำนัก").select_option(label="กองที่ 1")
    expect(page.locator("#pending")).to_contain_text("เสนอแผนครบทุกคน")
    page.get_by_label("กอง/สำนัก").select_option(label="กองที่ 2")
    expect(page.locator("#pending-table")).to_contain_text("มาลี ดีงาม")

    # The official form, as PDF and as XLSX.
    with page.expect_download() as pdf_download:
        late.get_by_role("link", name="PDF").click()
    assert pdf_download.value.suggested_filename == f"idp-2570-p{cast.staff_person.pk}-v1.pdf"
    text = pdf_text(Path(pdf_download.value.path()).read_bytes())
    for words in [*FORM_WORDS, cast.dept.name_th, cast.staff_person.full_name]:
        assert words in text, words
    assert "ดาเนิน" not in text

    with page.expect_download() as xlsx_download:
        late.get_by_role("link", name="XLSX").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    text = xlsx_text(Path(xlsx_download.value.path()).read_bytes())
    for words in [*FORM_WORDS, cast.dept.name_th, cast.staff_person.full_name]:
        assert words in text, words

    # The completion table as XLSX.
    with page.expect_download() as table_download:
        page.get_by_role("link", name="ดาวน์โหลดตารางความคืบหน้า (XLSX)").click()
    sheet = openpyxl.load_workbook(io.BytesIO(Path(table_download.value.path()).read_bytes())).active
    totals = [row for row in sheet.iter_rows(values_only=True) if row[0] == "ทั้งส่วนราชการ"]
    assert totals and totals[0][1] == 3
