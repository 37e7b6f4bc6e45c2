"""HR sets the target, imports the roster (a TIS-620 file with a bad ID first), classifies, builds a
skill set and publishes; the supervisor agrees; the staff member sees group, role and skills; an
outsider from another department sees none of it."""

from __future__ import annotations

import csv
import io
import random
import re

from playwright.sync_api import Page, expect

from digiskill.agencies.models import Announcement
from digiskill.lib.national_id import generate_national_id
from digiskill.people.models import Person
from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, load_ocsc, make_cast, make_person

HEADERS = ["เลขประจำตัวประชาชน", "คำนำหน้าชื่อ", "ชื่อ", "นามสกุล", "ตำแหน่ง", "สังกัด"]
MORE = ["เลขประจำตัวประชาชนผู้บังคับบัญชา", "สัดส่วนงาน", "กลุ่มตามเส้นทางความก้าวหน้า"]


def roster(rows: list[list[str]]) -> bytes:
    """A roster CSV in TIS-620 (cp874), as older government systems export it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS + MORE)
    writer.writerows(rows)
    return buffer.getvalue().encode("cp874")


def upload(page: Page, data: bytes, *, whole_roster: bool = False) -> None:
    """Import a roster; by default it only adds and updates people."""
    page.goto("/people/import/")
    page.get_by_label("ไฟล์รายชื่อบุคลากร (CSV หรือ XLSX)").set_input_files(
        files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": data}]
    )
    if whole_roster:
        page.get_by_label("ไฟล์นี้คือรายชื่อบุคลากรทั้งหมด", exact=False).check()
    page.get_by_role("button", name="นำเข้า", exact=True).click()


def row_of(person) -> list[str]:
    """A roster row that keeps a person as they are."""
    boss = person.supervisor.national_id if person.supervisor else ""
    names = [person.title, person.first_name, person.last_name]
    return [person.national_id, *names, person.position, "กองที่ 1", boss, "", ""]


def log_out(page: Page) -> None:
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_hr_sets_up_and_staff_sees_their_digital_skills(page: Page, transactional_db) -> None:
    load_ocsc()
    cast = make_cast()
    leaver = make_person(cast.dept, first_name="ย้ายออก", last_name="แล้ว")
    staff = cast.staff_person
    rng = random.Random(3)
    newcomer = generate_national_id(rng)
    boss, top = cast.supervisor_person.national_id, cast.director_person.national_id
    name = (staff.first_name, staff.last_name)
    good = [
        [staff.national_id, "นาย", *name, "นักวิชาการเผยแพร่", "กองที่ 1", boss, "A:30, S:70", "S"],
        [newcomer, "นางสาว", "มาลี", "ดีงาม", "นักวิชาการคอมพิวเตอร์", "กองที่ 2", top, "T:100", ""],
    ]
    bad_id = newcomer[:-1] + str((int(newcomer[-1]) + 1) % 10)
    bad = [good[0], [bad_id, *good[1][1:]]]

    # HR: the digital target
    log_in(page, "hr", PASSWORD)
    go_to(page, "การตั้งค่าของกรม")
    expect(page.get_by_role("heading", level=1)).to_have_text("การตั้งค่าของกรม")
    page.get_by_role("link", name="กำหนดเป้าหมาย").click()
    page.get_by_label("วิสัยทัศน์ด้านดิจิทัล").fill("กรมดิจิทัลที่ให้บริการประชาชนได้ทุกที่ทุกเวลา")
    page.get_by_label("ระยะพัฒนาการด้านดิจิทัลเป้าหมาย").select_option(label="ระยะเริ่มแรก (Early)")
    page.get_by_label("เป้าหมาย 1", exact=True).fill("ลดการใช้กระดาษร้อยละ 50")
    page.get_by_label("เป้าหมายการปรับเปลี่ยนเป็นรัฐบาลดิจิทัล").first.select_option(
        label="รัฐบาลแบบเปิดและเชื่อมโยงกัน (Open and Connected Government)"
    )
    page.get_by_role("button", name="บันทึกเป้าหมาย").click()
    expect(page.locator("#vision")).to_have_text("กรมดิจิทัลที่ให้บริการประชาชนได้ทุกที่ทุกเวลา")
    expect(page.locator("#target-stage")).to_contain_text("ระยะเริ่มแรก")

    # HR: a TIS-620 roster with a bad national ID is refused, naming the row; the corrected one goes in
    upload(page, roster(bad))
    expect(page.locator("#import-status")).to_contain_text("ไม่ได้นำเข้าข้อมูลใด")
    expect(page.locator("#import-errors")).to_contain_text(f"แถว 3 คอลัมน์ “เลขประจำตัวประชาชน” ค่า '{bad_id}'")
    expect(page.locator("#import-errors")).to_contain_text("เลขตรวจสอบไม่ตรง")
    upload(page, roster(good))
    expect(page.locator("#import-status")).to_contain_text("นำเข้าเรียบร้อยแล้ว")
    expect(page.get_by_label("ตัวเลขสรุป")).to_contain_text("เพิ่มใหม่")
    expect(page.locator("#import-status")).not_to_contain_text("ปิดสถานะ")
    assert Person.objects.get(pk=leaver.pk).is_active  # the default import deactivated nobody

    # HR: the whole roster leaves someone out; the page names them, and only a confirmation deactivates
    kept = [cast.supervisor_person, cast.director_person, Person.objects.get(user__username="hr")]
    upload(page, roster([*good, *(row_of(p) for p in kept)]), whole_roster=True)
    expect(page.locator("#import-status")).to_contain_text("ยังไม่ได้นำเข้า")
    expect(page.locator("#deactivation-list")).to_contain_text(leaver.full_name)
    expect(page.get_by_role("heading", name="จะปิดสถานะ 1 คน (ไม่มีชื่อในไฟล์)")).to_be_visible()
    assert Person.objects.get(pk=leaver.pk).is_active
    page.get_by_role("button", name="นำเข้าและปิดสถานะ 1 คน").click()
    expect(page.locator("#import-status")).to_contain_text("นำเข้าเรียบร้อยแล้ว")
    expect(page.get_by_role("heading", name="ปิดสถานะแล้ว 1 คน (ไม่มีชื่อในไฟล์)")).to_be_visible()
    assert not Person.objects.get(pk=leaver.pk).is_active

    # HR: classify the division by the workload rule, from its row of the whole-division actions
    page.goto("/people/classify/")
    page.locator("#division-backlog tr", has_text="กองที่ 1").get_by_role("button").click()
    expect(page.locator("ul.messages")).to_contain_text("เสนอกลุ่มแล้ว")

    # HR: the Service group's skill set, from part of the DCIO position set; then publish
    page.goto("/agency/skills/S/")
    dcio = page.locator("select[name=source] option", has_text="DCIO").get_attribute("value")
    page.get_by_label("เริ่มจาก", exact=True).select_option(dcio)
    page.get_by_role("button", name="เลือกรายการ").click()
    page.get_by_role("button", name="ใช้รายการที่เลือก").click()
    expect(page.get_by_role("main")).to_contain_text("DTR100")
    page.goto("/agency/announcements/new/")
    page.get_by_label("ชื่อเรื่อง").fill("ประกาศกรม เรื่อง บทบาทและทักษะด้านดิจิทัล")
    page.get_by_role("button", name="ประกาศ", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ประกาศกรม เรื่อง บทบาทและทักษะด้านดิจิทัล")
    log_out(page)

    # the supervisor agrees with the proposed group
    log_in(page, "supervisor", PASSWORD)
    page.goto("/people/team/")
    page.get_by_role("link", name=staff.full_name).first.click()
    page.get_by_role("button", name="เห็นชอบกลุ่ม S").click()
    expect(page.get_by_role("status")).to_contain_text("เห็นชอบแล้ว")
    log_out(page)

    # the staff member sees their group, role and required skills
    log_in(page, "staff", PASSWORD)
    go_to(page, "ทักษะด้านดิจิทัลของฉัน")
    expect(page.locator("#my-group")).to_contain_text("กลุ่มผู้ทำงานด้านบริการ")
    expect(page.locator("#my-role")).to_contain_text("S1 ผู้ให้บริการดิจิทัลภาครัฐ")
    expect(page.get_by_role("heading", name="ความสามารถ")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("DTR100")
    log_out(page)

    # an outsider from another department sees none of it
    announcement = Announcement.objects.get()
    log_in(page, "outsider", PASSWORD)
    page.goto("/agency/announcements/")
    expect(page.get_by_role("main")).to_contain_text("ยังไม่มีประกาศที่มีผลใช้บังคับ")
    page.goto(f"/agency/announcements/{announcement.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ไม่พบหน้าที่ต้องการ")
    page.goto(f"/people/{staff.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ไม่พบหน้าที่ต้องการ")
    page.goto("/agency/target/")
    expect(page.get_by_role("main")).not_to_contain_text("กรมดิจิทัลที่ให้บริการประชาชนได้ทุกที่ทุกเวลา")
