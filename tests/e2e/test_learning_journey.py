"""HR imports learning resources from a CSV file: a bad row is refused and named, the corrected file goes
in; a staff member searches the catalog, opens a resource and follows it to the unit it develops; an
outsider from another department cannot open it."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Page, expect

from digiskill.learning.models import LearningResource
from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, load_ocsc, make_cast

HEADERS = ["รหัส", "ชื่อ", "ผู้จัด", "ประเภท", "ลิงก์", "จำนวนชั่วโมง", "ค่าใช้จ่าย", "ภาษา", "หน่วยสมรรถนะ", "หัวข้อความรู้"]
ROWS = [
    [
        "HRD-01",
        "ขับเคลื่อนรัฐบาลดิจิทัลในกรม",
        "กองพัฒนาบุคลากร",
        "อีเลิร์นนิง",
        "",
        "3",
        "ฟรี",
        "ไทย",
        "DTR100",
        "การเปลี่ยนผ่านสู่ดิจิทัล",
    ],
    [
        "HRD-02",
        "สร้างบริการต้นแบบในเวลาสั้น",
        "กองพัฒนาบุคลากร",
        "หลักสูตรอบรม",
        "",
        "12",
        "2,500",
        "ไทย",
        "DS500 DS600",
        "การสร้างบริการต้นแบบ|การทดสอบกับผู้รับบริการ",
    ],
    ["HRD-03", "วงแลกเปลี่ยนเรียนรู้ข้อมูล", "ชุมชนนักปฏิบัติของกรม", "ชุมชนนักปฏิบัติ", "", "", "0", "ไทย", "DT600", ""],
]


def resources_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def upload(page: Page, data: bytes) -> None:
    page.get_by_label("ไฟล์แหล่งเรียนรู้ (CSV หรือ XLSX)").set_input_files(
        files=[{"name": "แหล่งเรียนรู้.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_role("button", name="นำเข้า", exact=True).click()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_hr_imports_resources_and_staff_find_them(page: Page, transactional_db) -> None:
    load_ocsc()
    make_cast()
    bad = [list(r) for r in ROWS]
    bad[1][8] = "DS500 DS999"

    # HR: the file with an unknown unit code is refused, naming file, row, column and value
    log_in(page, "hr", PASSWORD)
    go_to(page, "แหล่งเรียนรู้")
    expect(page.get_by_role("heading", level=1)).to_have_text("แหล่งเรียนรู้")
    page.get_by_role("button", name="นำเข้าจากไฟล์ CSV").click()
    upload(page, resources_csv(bad))
    expect(page.locator("#import-status")).to_contain_text("ไม่ได้นำเข้าข้อมูลใด")
    expect(page.locator("#import-errors")).to_have_text(
        "ไฟล์ 'แหล่งเรียนรู้.csv' แถว 3 คอลัมน์ “หน่วยสมรรถนะ” ค่า 'DS999': ไม่พบหน่วยสมรรถนะรหัสนี้ / "
        "File 'แหล่งเรียนรู้.csv' row 3, column “units”, value 'DS999': no unit of competency has this code"
    )
    assert not LearningResource.objects.exists()

    # HR: the corrected file goes in
    upload(page, resources_csv(ROWS))
    expect(page.locator("#import-status")).to_contain_text("นำเข้าเรียบร้อยแล้ว")
    expect(page.locator("#count-created")).to_have_text("3")
    assert LearningResource.objects.count() == 3
    log_out(page)

    # Staff: search the catalog (HTMX narrows it as they type), open a resource, follow a unit
    log_in(page, "staff", PASSWORD)
    go_to(page, "แหล่งเรียนรู้")
    expect(page.locator("#resources tbody tr")).to_have_count(3)
    page.get_by_label("ค้นหาชื่อ ผู้จัด รายละเอียด หรือหัวข้อความรู้").fill("ต้นแบบ")
    expect(page.locator("#resources tbody tr")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"q="))
    page.get_by_label("ประเภท").select_option(label="ชุมชนนักปฏิบัติ")
    expect(page.get_by_role("status")).to_contain_text("ไม่พบแหล่งเรียนรู้ที่ตรงกับเงื่อนไขนี้")
    page.get_by_label("ประเภท").select_option(label="ทั้งหมด")
    page.get_by_role("link", name="สร้างบริการต้นแบบในเวลาสั้น").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("สร้างบริการต้นแบบในเวลาสั้น")
    expect(page.locator("#resource-facts")).to_contain_text("2,500")
    expect(page.locator("#resource-topics li")).to_have_text(["การสร้างบริการต้นแบบ", "การทดสอบกับผู้รับบริการ"])
    expect(page.locator("#resource-units li")).to_have_count(2)
    expect(page.locator("a[href$='/edit/']")).to_have_count(0)
    resource_url = page.url
    page.locator("#resource-units a").first.click()
    expect(page).to_have_url(re.compile(r"/catalog/OCSC-2561/units/DS500/"))
    log_out(page)

    # An outsider from another department: the resource is not there for them
    log_in(page, "outsider", PASSWORD)
    response = page.goto(resource_url)
    assert response is not None and response.status == 404
