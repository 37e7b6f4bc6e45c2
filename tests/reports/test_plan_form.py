"""The official IDP form: what it holds, and that the PDF and XLSX read back with Thai intact."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from digiskill.people.models import Person
from digiskill.plans.models import ActivityStatus, PlanActivity, PlanStatus
from digiskill.reports.documents import plan_pdf, plan_xlsx
from digiskill.reports.plan_form import ministry_of, plan_form
from tests.factories import Cast
from tests.reports.conftest import add_goal, assert_form_facts, at, make_plan, pdf_text, xlsx_text

pytestmark = pytest.mark.django_db


def test_the_pdf_reads_back_with_thai_intact(idp) -> None:
    text = pdf_text(plan_pdf(idp))
    assert_form_facts(text, idp)
    assert "Individual Development Plan: IDP" in text
    assert "หน้า 1 จาก" in text  # page numbers in the footer
    assert "นำผลการวิเคราะห์" in text
    assert "ความมั่นคงปลอดภัย" in text


def test_the_pdf_embeds_sarabun(idp, tmp_path) -> None:
    path = tmp_path / "form.pdf"
    path.write_bytes(plan_pdf(idp))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun-Regular" in fonts and "Sarabun-Bold" in fonts


def test_the_xlsx_reads_back_with_the_same_facts(idp) -> None:
    content = plan_xlsx(idp)
    assert_form_facts(xlsx_text(content), idp)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.print_title_rows  # the table's header repeats on every printed page
    assert sheet["A1"].font.name == "TH Sarabun New"
    assert any(str(r) == "A1:H1" for r in sheet.merged_cells.ranges)  # the agency header spans the form
    header = next(row for row in sheet.iter_rows() if row[0].value == "ลำดับ")
    assert [c.value for c in header][1:4] == ["ทักษะที่ต้องพัฒนา", "เป้าหมายการพัฒนา", "วิธีการพัฒนา (70:20:10)"]
    assert all(c.border.left.style == "thin" for c in header)
    # The first goal's cells span its three activities.
    first = header[0].row + 1
    assert any(str(r) == f"B{first}:B{first + 2}" for r in sheet.merged_cells.ranges)
    hours = [sheet.cell(row=first + i, column=6).value for i in range(4)]
    assert hours == [21, 6, 3, 4.5]


def test_the_balance_of_70_20_10_counts_hours_by_band(idp) -> None:
    form = plan_form(idp)
    assert [(b.band, b.hours, b.activities) for b in form.balance] == [
        (70, Decimal("25.5"), 2),
        (20, Decimal(6), 1),
        (10, Decimal(3), 1),
    ]
    assert [row[2] for row in form.balance_rows] == ["25.5", "6", "3"]
    assert [b.percent for b in form.balance] == [73.9, 17.4, 8.7]
    assert form.total_hours == "34.5"


def test_a_cancelled_activity_is_struck_and_not_counted(idp) -> None:
    PlanActivity.objects.filter(goal__plan=idp, band=10).update(status=ActivityStatus.CANCELLED)
    form = plan_form(idp)
    assert [b.hours for b in form.balance][2] == 0
    assert form.total_hours == "31.5"
    assert any(a.cancelled for g in form.goals for a in g.activities)
    assert "[ยกเลิก]" in xlsx_text(plan_xlsx(idp))


def test_the_header_follows_the_agency_tree(idp) -> None:
    form = plan_form(idp)
    assert form.ministry == idp.agency.parent.name_th
    assert form.department == idp.agency.name_th
    assert ministry_of(idp.agency.parent) == ""  # a ministry has no ministry above it


def test_signatures_without_the_next_level_step(cast: Cast, ocsc) -> None:
    """Without a person-specific role the supervisor's approval is final; the next level's date is blank."""
    plan = make_plan(
        cast.staff_person,
        status=PlanStatus.APPROVED,
        submitted_at=at(dt.date(2026, 11, 2)),
        approved_at=at(dt.date(2026, 11, 3)),
    )
    person, supervisor, top = plan_form(plan).signatures
    assert (person.capacity, person.date) == ("ผู้จัดทำแผน", "2 พฤศจิกายน 2569")
    assert (supervisor.capacity, supervisor.name, supervisor.date) == (
        "ผู้บังคับบัญชา",
        cast.supervisor_person.full_name,
        "3 พฤศจิกายน 2569",
    )
    assert (top.capacity, top.name, top.date) == ("ผู้บังคับบัญชาเหนือขึ้นไป", cast.director_person.full_name, "")


def test_a_draft_without_goals_still_prints(cast: Cast, ocsc) -> None:
    plan = make_plan(cast.staff_person)
    form = plan_form(plan)
    assert form.goals == [] and form.total_hours == "0"
    assert form.status == "ร่าง"
    assert [s.date for s in form.signatures] == ["", "", ""]
    text = xlsx_text(plan_xlsx(plan))
    assert "ยังไม่มีเป้าหมายการพัฒนา" in text


def test_the_form_is_thai_whatever_the_interface_language(idp) -> None:
    from django.utils import translation

    with translation.override("en"):
        form = plan_form(idp)
    assert form.title.startswith("แผนพัฒนารายบุคคล")
    assert form.columns[0] == "ลำดับ"


def test_a_goal_without_activities_takes_one_row(idp) -> None:
    add_goal(idp, [], skill_th="การสื่อสารด้วยข้อมูล", what="นำเสนอข้อมูลด้วยภาพ", order=3)
    form = plan_form(idp)
    assert form.goals[-1].rows == 1 and form.goals[-1].activities == []
    assert "การสื่อสารด้วยข้อมูล" in xlsx_text(plan_xlsx(idp))


def test_the_plan_keeps_its_own_division_and_group(idp, ocsc) -> None:
    """The form shows what the plan was made for, even after the person moves."""
    Person.objects.filter(pk=idp.person_id).update(group=ocsc.s)
    idp.refresh_from_db()
    details = {d.label: d.value for d in plan_form(idp).details}
    assert details["กลุ่มบุคลากร"].startswith("A ")
    assert re.match(r"กองที่ \d", details["สังกัด"])
