"""A staff member browses and searches the skills catalog; a system administrator corrects a criterion."""

from __future__ import annotations

import re

from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, make_cast


def test_staff_member_searches_the_catalog_and_lands_on_the_criterion(page: Page, transactional_db) -> None:
    make_cast()
    call_command("load_framework", verbosity=0)
    log_in(page, "staff", PASSWORD)

    go_to(page, "คลังทักษะ")
    expect(page.get_by_role("heading", level=1)).to_have_text("คลังทักษะ")
    expect(page.get_by_role("main")).to_contain_text("ถอดความจากเอกสารทางราชการ")

    box = page.get_by_role("searchbox", name="ค้นหาในคลังทักษะ")
    box.fill("บุคคล")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("ค้นหาในคลังทักษะ")
    results = page.locator("#search-results .result-link")
    expect(results.first).to_be_visible()
    expect(page.locator("#search-results mark").first).to_have_text("บุคคล")
    results.filter(has_text="DTR103.02").click()

    expect(page).to_have_url(re.compile(r"/catalog/OCSC-2561/units/DTR100/#c-DTR103\.02$"))
    row = page.locator('[id="c-DTR103.02"]')
    expect(row).to_contain_text("ระบุคุณสมบัติและคุณลักษณะของบุคคลในทีมผู้นำการเปลี่ยนแปลง")
    expect(row).to_contain_text("176476")
    expect(row).to_be_in_viewport()
    expect(page.get_by_role("heading", name="11. สมรรถนะย่อยและเกณฑ์การปฏิบัติงาน")).to_be_visible()

    page.get_by_role("button", name="ค้นหา", exact=True).click()  # an empty search opens the search page
    page.get_by_role("searchbox", name="ค้นหาในคลังทักษะ").fill("176468")  # live: no Enter pressed
    first = page.locator("#search-results .result-link").first
    expect(first).to_contain_text("DTR101.01")
    expect(page).to_have_url(re.compile(r"q=176468"))
    first.click()
    expect(page).to_have_url(re.compile(r"/units/DTR100/#c-DTR101\.01$"))
    expect(page.locator('[id="c-DTR101.01"]')).to_be_in_viewport()

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="11. Elements and performance criteria")).to_be_visible()
    expect(page.get_by_role("columnheader", name="System code").first).to_be_visible()
    expect(page.get_by_role("link", name="Skills catalog").first).to_be_visible()


def test_unit_page_fits_a_phone(page: Page, transactional_db) -> None:
    make_cast()
    call_command("load_framework", verbosity=0)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "staff", PASSWORD)
    for path in ("/catalog/OCSC-2561/units/DTR100/", "/catalog/OCSC-2561/", "/catalog/search/?q=บุคคล"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path


def test_system_administrator_corrects_a_criterion_in_place(page: Page, transactional_db) -> None:
    make_cast()
    call_command("load_framework", verbosity=0)
    log_in(page, "sysadmin", PASSWORD)
    page.goto("/catalog/OCSC-2561/units/DTR100/")

    page.get_by_role("link", name="แก้ไขเกณฑ์การปฏิบัติงาน DTR101.01").click()
    field = page.get_by_label("ข้อความเกณฑ์การปฏิบัติงาน (ภาษาไทย)")
    field.fill("คาดการณ์ปัญหาและความเสี่ยงที่อาจเกิดขึ้นจากการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล")
    page.get_by_role("button", name="บันทึก").click()

    row = page.locator('[id="c-DTR101.01"]')
    expect(row).to_contain_text("บันทึกแล้ว")
    expect(row).to_contain_text("คาดการณ์ปัญหาและความเสี่ยง")
    expect(page).to_have_url(re.compile(r"/catalog/OCSC-2561/units/DTR100/$"))  # no reload, in place

    page.goto("/catalog/search/?q=ความเสี่ยงที่อาจเกิดขึ้น")
    expect(page.locator("#search-results .result-link").first).to_contain_text("DTR101.01")
