"""The navigation in Chromium: grouped dropdowns on a desktop, one menu button on a phone, no page
wider than the screen, and every page of every role free of Content-Security-Policy violations."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from digiskill.assessments.models import Assessment, AssessmentItem
from digiskill.demo.management.commands.load_demo import DEMO_PASSWORD
from digiskill.lib.thai_dates import format_thai_date
from digiskill.people.models import Person
from tests.e2e.conftest import go_to, log_in

GROUPS = ["ของฉัน", "ทีมของฉัน", "หน่วยงาน", "กรอบทักษะ", "ระบบ"]
LONG_URL = "https://evidence.example.go.th/" + "a1b2c3d4e5" * 20 + "/certificate.pdf"
# CSP violations are reported on the console ("Refused to ...") and as securitypolicyviolation events.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def _fits(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def _menu_is_folded(page: Page) -> None:
    expect(page.locator("nav.site-nav summary.nav-toggle")).to_be_visible()
    expect(page.locator("nav.site-nav .nav-groups")).to_be_hidden()


@pytest.fixture
def demo(transactional_db: None) -> None:
    call_command("load_demo", quiet_logins=True)


def _hr_supervises_someone_with_a_long_evidence_link() -> int:
    """demo-hr directs the HR division; give one of their own answers a long evidence link."""
    hr = Person.objects.get(user__username="demo-hr")
    assert Person.objects.filter(supervisor=hr, is_active=True).exists()
    own = Assessment.objects.filter(person=hr).order_by("-round").first()
    assert own is not None
    AssessmentItem.objects.filter(pk=own.items.order_by("pk").values("pk")[:1]).update(evidence_link=LONG_URL)
    return own.pk


def test_phone_menu_folds_opens_shows_the_groups_and_no_page_is_too_wide(page: Page, demo: None) -> None:
    round_pk = _hr_supervises_someone_with_a_long_evidence_link()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "demo-hr", DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    _menu_is_folded(page)
    assert _fits(page)
    header = page.locator("header.site").bounding_box()
    assert (
        header is not None and header["height"] < 120
    )  # the folded menu takes one line, not half the screen

    page.locator("nav.site-nav summary.nav-toggle").click()
    summaries = page.locator("nav.site-nav details.nav-group > summary")
    expect(summaries).to_have_count(5)
    for summary, name in zip(summaries.all(), GROUPS, strict=True):
        expect(summary).to_be_visible()
        expect(summary).to_contain_text(name)
    assert _fits(page)
    page.locator("#nav-department > summary").click()
    expect(page.locator("#nav-department").get_by_role("link", name="วิเคราะห์ช่องว่างทักษะ")).to_be_visible()
    assert _fits(page)

    walk = [
        ("วิเคราะห์ช่องว่างทักษะ", "การวิเคราะห์ช่องว่างทักษะ"),
        ("ทีมของฉัน", None),
        ("พิจารณาแบบประเมิน", None),
        ("บุคลากร", None),
        ("รายงานแผนพัฒนา", None),
        ("คลังทักษะ", None),
        ("แหล่งเรียนรู้", None),
        ("บันทึกการเปลี่ยนแปลง", "บันทึกการเปลี่ยนแปลง"),
        ("แบบประเมินตนเอง", None),
        ("แผนพัฒนารายบุคคลของฉัน", None),
    ]
    for link, heading in walk:
        go_to(page, link)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        page.wait_for_load_state("load")
        _menu_is_folded(page)
        assert _fits(page), f"{page.url} is wider than the phone"
        current = page.locator("nav.site-nav a[aria-current=page]")
        expect(current).to_have_count(1)
        expect(current).to_have_text(re.compile(re.escape(link)), use_inner_text=False)

    page.goto(reverse("assessments:detail", args=[round_pk]))
    evidence = page.locator(f'a[href="{LONG_URL}"]')
    expect(evidence).to_be_visible()
    assert _fits(page), "a long evidence link widens the page"


def test_desktop_shows_the_groups_in_one_row_and_a_dropdown_at_a_time(page: Page, demo: None) -> None:
    _hr_supervises_someone_with_a_long_evidence_link()
    log_in(page, "demo-hr", DEMO_PASSWORD)
    expect(page.locator("nav.site-nav summary.nav-toggle")).to_be_hidden()
    summaries = page.locator("nav.site-nav details.nav-group > summary")
    expect(summaries).to_have_count(5)
    tops = {round(box["y"]) for box in (s.bounding_box() for s in summaries.all()) if box}
    assert len(tops) == 1, "the groups wrap onto more than one row"
    expect(page.locator("#nav-me ul")).to_be_hidden()

    page.locator("#nav-me > summary").click()
    expect(page.locator("#nav-me").get_by_role("link", name="แบบประเมินตนเอง")).to_be_visible()
    page.locator("#nav-department > summary").click()  # opening another closes the first
    expect(page.locator("#nav-me ul")).to_be_hidden()
    expect(page.locator("#nav-department").get_by_role("link", name="วิเคราะห์ช่องว่างทักษะ")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#nav-department ul")).to_be_hidden()
    page.locator("#nav-system > summary").click()
    page.get_by_role("heading", level=1).click()  # a click outside closes it
    expect(page.locator("#nav-system ul")).to_be_hidden()


PAGES = {
    "demo-staff": [
        "core:home",
        "assessments:mine",
        "people:my_skills",
        "plans:mine",
        "plans:applications",
        "inbox:list",
        "agencies:announcements",
        "frameworks:index",
        "learning:index",
        "api:openapi-view",  # the API docs serve their own scripts (no CDN) under the same policy
    ],
    "demo-supervisor": ["core:home", "people:team", "assessments:reviews", "plans:team"],
    "demo-hr": [
        "core:home",
        "agencies:setup",
        "agencies:structure",
        "agencies:announcement_new",
        "people:list",
        "gaps:analysis",
        "plans:department",
        "reports:plans",
        "accounts:audit",
    ],
    "demo-executive": ["core:home", "agencies:summary", "gaps:analysis", "reports:plans"],
    "demo-admin": ["core:home", "learning:index", "frameworks:index"],
}


def _violations(browser: Browser, base_url: str, username: str, names: list[str]) -> list[str]:
    context = browser.new_context(base_url=base_url, locale="th-TH", viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_default_timeout(15_000)
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    found: list[str] = []
    try:
        page.goto(reverse("accounts:login"))
        found += [f"login: {v}" for v in page.evaluate("window.__csp")]
        log_in(page, username, DEMO_PASSWORD)
        for name in names:
            response = page.goto(reverse(name))
            assert response is not None and response.ok, f"{username} {name}: {response and response.status}"
            assert "'self'" in (response.header_value("content-security-policy") or "")
            page.wait_for_load_state("load")
            found += [f"{username} {name}: {v}" for v in page.evaluate("window.__csp")]
    finally:
        context.close()
    return found + [f"{username} console: {text}" for text in console]


def test_every_role_s_key_pages_load_without_csp_violations(
    browser: Browser, live_server, demo: None
) -> None:
    found = []
    for username, names in PAGES.items():
        found += _violations(browser, live_server.url, username, names)
    assert found == []


def test_htmx_and_the_be_date_input_work_under_the_policy(page: Page, demo: None) -> None:
    page.context.add_init_script(WATCH)
    log_in(page, "demo-hr", DEMO_PASSWORD)
    go_to(page, "บันทึกการเปลี่ยนแปลง")
    today = format_thai_date(dt.date.today(), style="numeric")
    date_from = page.get_by_label("ตั้งแต่วันที่")
    expect(date_from).to_have_attribute("placeholder", "วว/ดด/ปปปป")
    with page.expect_response(
        lambda r: "/accounts/audit/" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        date_from.fill(today)
        date_from.dispatch_event("change")
    expect(page.locator("#audit-rows tbody tr").first).to_contain_text("demo-hr")
    expect(page).to_have_url(re.compile(r"date_from="))
    with page.expect_response(lambda r: "/accounts/audit/" in r.url):
        date_from.fill("31/02/2569")
        date_from.dispatch_event("change")
    expect(page.locator("#filter-errors")).to_contain_text("31/02/2569")
    assert page.evaluate("window.__csp") == []
    # The watch itself works: an inline style attribute is refused and reported.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_function("window.__csp.length > 0")
    assert any(v.startswith("style-src") for v in page.evaluate("window.__csp"))
