"""A demo staff member logs in and sees their Thai home page, then switches to English."""

from __future__ import annotations

import re

from django.core.management import call_command
from playwright.sync_api import Page, expect

from digiskill.demo.management.commands.load_demo import DEMO_PASSWORD
from digiskill.people.models import Person
from tests.e2e.conftest import go_to, log_in


def test_demo_staff_member_sees_thai_home_then_english(page: Page, transactional_db) -> None:
    call_command("load_demo", quiet_logins=True)
    me = Person.objects.select_related("supervisor").get(user__username="demo-staff")

    log_in(page, "demo-staff", DEMO_PASSWORD)
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.get_by_role("heading", level=1)).to_contain_text("ยินดีต้อนรับ")
    expect(page.get_by_role("main")).to_contain_text(me.full_name)
    expect(page.get_by_role("main")).to_contain_text(me.supervisor.full_name)
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Sarabun" in font
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ทักษะ')")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_hr_admin_filters_the_audit_log(page: Page, transactional_db) -> None:
    call_command("load_demo", quiet_logins=True)
    log_in(page, "demo-hr", DEMO_PASSWORD)
    go_to(page, "บันทึกการเปลี่ยนแปลง")
    expect(page.get_by_role("heading", level=1)).to_have_text("บันทึกการเปลี่ยนแปลง")
    page.get_by_label("การดำเนินการ", exact=True).select_option("login")
    expect(page.locator("#audit-rows tbody tr").first).to_contain_text("demo-hr")
    expect(page.locator("#audit-rows")).not_to_contain_text("person_create")


def test_phone_layout_has_no_horizontal_scroll(page: Page, transactional_db) -> None:
    call_command("load_demo", quiet_logins=True)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "demo-supervisor", DEMO_PASSWORD)
    expect(page.get_by_role("main")).to_contain_text("ทีมของฉัน")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
