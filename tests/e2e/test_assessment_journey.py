"""A staff member assesses themselves step by step (autosave, a link as evidence), tries to submit
too early, finishes and submits; the supervisor disagrees with one item, sets priorities and
completes the review; the staff member sees the gap list in the agreed order."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable

from playwright.sync_api import Page, expect

from digiskill.accounts.access import SYSTEM
from digiskill.agencies.models import AgencySkillSet
from digiskill.agencies.services import announcement_publish, skill_set_start
from digiskill.assessments.models import Assessment, AssessmentItem
from digiskill.frameworks.models import PersonnelGroup, SkillItem, SkillSet
from digiskill.people.models import Person
from tests.e2e.conftest import go_to, log_in
from tests.factories import PASSWORD, load_ocsc, make_cast, publish_announcement


def log_out(page: Page) -> None:
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def _short_announcement(cast) -> None:
    """The A group's skills announced, then narrowed to two items per component (DTR100 among them)."""
    publish_announcement(cast.dept)
    dcio = SkillSet.objects.get(framework__code="OCSC-2561", code="DCIO")
    keep: list[int] = []
    for component in {i.component_id for i in dcio.items.all()}:
        keep += list(
            SkillItem.objects.filter(skill_set=dcio, component_id=component)
            .order_by("order", "id")
            .values_list("pk", flat=True)[:2]
        )
    keep.append(SkillItem.objects.get(skill_set=dcio, unit__code="DTR100").pk)
    current = AgencySkillSet.objects.get(agency=cast.dept, group__code="A")
    skill_set_start(
        actor=SYSTEM, agency=cast.dept, group=current.group, stage=current.stage, source=dcio, item_ids=keep
    )
    announcement_publish(
        actor=SYSTEM, agency=cast.dept, title="ประกาศฉบับปรับปรุง", effective_date=dt.date.today()
    )
    group = PersonnelGroup.objects.get(framework__code="OCSC-2561", code="A")
    Person.objects.filter(pk=cast.staff_person.pk).update(group=group)


def eventually(check: Callable[[], bool], seconds: float = 10) -> None:
    """Wait until an autosave has reached the database."""
    end = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < end, "the autosave did not arrive"
        time.sleep(0.1)


def _answer(page: Page, item: AssessmentItem, has: bool, level: int | None = None) -> None:
    box = page.locator(f"#item-{item.pk}")
    box.get_by_label("มี" if has else "ยังไม่มี", exact=True).check()
    expect(page.locator(f"#saved-{item.pk}")).to_contain_text("บันทึกแล้ว")
    if level:
        box.get_by_label("ระดับความสามารถ (ไม่บังคับ)").select_option(str(level))
        eventually(lambda: AssessmentItem.objects.get(pk=item.pk).self_level == level)


def test_self_assessment_review_and_gap_list(page: Page, transactional_db) -> None:
    load_ocsc()
    cast = make_cast()
    _short_announcement(cast)
    staff = cast.staff_person

    # The staff member starts from the navigation.
    log_in(page, "staff", PASSWORD)
    go_to(page, "แบบประเมินตนเอง")
    expect(page.get_by_role("heading", level=1)).to_have_text("แบบประเมินตนเอง")
    page.get_by_role("button", name="เริ่มประเมิน").click()
    assessment = Assessment.objects.get(person=staff)
    items = list(assessment.items.select_related("unit").order_by("order", "id"))
    total = len(items)
    steps = list(dict.fromkeys(i.component_id for i in items))
    by_step = [[i for i in items if i.component_id == c] for c in steps]
    expect(page.locator("#progress")).to_contain_text(f"ขั้นที่ 1 จาก {len(steps)}")
    expect(page.locator("#progress")).to_contain_text(f"ตอบแล้ว 0 จาก {total} รายการ")

    # Step 1: the unit opens down to its performance criteria; answers save as they are given.
    dtr = next(i for i in by_step[0] if i.unit and i.unit.code == "DTR100")
    box = page.locator(f"#item-{dtr.pk}")
    box.locator("details.criteria > summary").click()
    box.locator("details details summary").first.click()
    expect(box.locator(".criteria-list").first).to_contain_text("DTR101")
    _answer(page, dtr, True, 4)
    expect(page.locator(f"#item-{dtr.pk}").get_by_label("ระดับความสามารถ (ไม่บังคับ)")).to_contain_text(
        "4 ทำได้อย่างมั่นใจ"
    )
    other = next(i for i in by_step[0] if i.pk != dtr.pk)
    _answer(page, other, False)
    expect(page.locator("#answered-count")).to_have_text(f"ตอบแล้ว 2 จาก {total} รายการ")
    box.get_by_text("หลักฐานและความเห็น").click()
    box.get_by_label("ลิงก์หลักฐาน").fill("https://learn.example.go.th/certificate/123")
    box.get_by_label("ความเห็น", exact=True).fill("ผ่านการอบรมหลักสูตรการบริหารความเสี่ยง")
    box.get_by_label("ความเห็น", exact=True).press("Tab")
    eventually(lambda: AssessmentItem.objects.get(pk=dtr.pk).comment == "ผ่านการอบรมหลักสูตรการบริหารความเสี่ยง")
    assert (
        AssessmentItem.objects.get(pk=dtr.pk).evidence_link == "https://learn.example.go.th/certificate/123"
    )
    for item in by_step[0]:
        if item.pk not in (dtr.pk, other.pk):
            _answer(page, item, True)
    page.reload()  # what was autosaved is there after a reload
    box = page.locator(f"#item-{dtr.pk}")
    expect(box.get_by_label("มี", exact=True)).to_be_checked()
    expect(box.get_by_label("ลิงก์หลักฐาน")).to_have_value("https://learn.example.go.th/certificate/123")
    expect(box.get_by_label("ระดับความสามารถ (ไม่บังคับ)")).to_have_value("4")

    # Step 2, then submitting is not offered yet.
    page.get_by_role("button", name=f"{items[len(by_step[0])].component.name_th} →").click()
    expect(page.locator("#progress")).to_contain_text(f"ขั้นที่ 2 จาก {len(steps)}")
    for n, item in enumerate(by_step[1]):
        _answer(page, item, n % 2 == 1)
    go_to(page, "แบบประเมินตนเอง")
    # Submitting is not offered while items are unanswered (the service refuses it too).
    expect(page.get_by_role("button", name="ส่งให้ผู้บังคับบัญชาพิจารณา")).to_be_disabled()
    expect(page.locator("#submit-note")).to_contain_text("โปรดตอบให้ครบทุกรายการก่อนส่ง")

    # The remaining steps, and submit.
    page.get_by_role("button", name="ทำต่อ").click()
    for number, block in enumerate(by_step[2:], start=3):
        expect(page.locator("#progress")).to_contain_text(f"ขั้นที่ {number} จาก {len(steps)}")
        for item in block:
            _answer(page, item, True)
        if number < len(steps):
            page.get_by_role("button", name=re.compile("→$")).last.click()
    page.get_by_role("button", name="ตรวจสอบและส่ง →").click()
    expect(page.locator("#progress")).to_contain_text(f"ตอบแล้ว {total} จาก {total} รายการ")
    page.get_by_role("button", name="ส่งให้ผู้บังคับบัญชาพิจารณา").click()
    expect(page.locator(".messages")).to_contain_text("ส่งแล้ว ระบบแจ้งผู้บังคับบัญชาของท่านแล้ว")
    expect(page.locator("#draft")).to_contain_text(f"รอ {cast.supervisor_person.full_name} พิจารณา")
    log_out(page)

    # The supervisor reviews: disagrees with one "have", sets the priorities, completes.
    items = list(assessment.items.select_related("unit").order_by("order", "id"))
    had = next(i for i in items if i.self_has and i.pk != dtr.pk)
    gaps = [i for i in items if i.self_has is False]
    log_in(page, "supervisor", PASSWORD)
    panel = page.get_by_role("article").filter(has_text="แบบประเมินที่รอท่านพิจารณา")
    panel.get_by_role("link", name=staff.full_name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(staff.full_name)
    for item in items:
        page.locator(f"#item-{item.pk}").get_by_label("เห็นด้วย", exact=True).check()
    review = page.locator(f"#item-{had.pk}")
    review.get_by_label("ไม่เห็นด้วย: ยังไม่มี").check()
    review.get_by_label("ความเห็นของผู้บังคับบัญชา").fill("ยังไม่เห็นผลงานด้านนี้")
    review.get_by_label("ลำดับความสำคัญ (สำหรับรายการที่ต้องพัฒนา)").fill("1")
    for n, gap in enumerate(reversed(gaps), start=2):
        page.locator(f"#item-{gap.pk}").get_by_label("ลำดับความสำคัญ (สำหรับรายการที่ต้องพัฒนา)").fill(str(n))
    page.get_by_label("ความเห็นโดยรวม").fill("เห็นชอบ และจะสนับสนุนการพัฒนาตามลำดับ")
    page.get_by_role("button", name="ยืนยันผลการพิจารณา").click()
    expect(page.locator("#status")).to_have_text("ผู้บังคับบัญชาพิจารณาและเห็นชอบแล้ว")
    expect(page.locator("#gap-count")).to_have_text(str(len(gaps) + 1))
    log_out(page)

    # The staff member sees the gaps, the supervisor's "not yet" first, then by priority.
    log_in(page, "staff", PASSWORD)
    page.get_by_role("link", name="ช่องว่างทักษะ (รายการที่ต้องพัฒนา) →").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ช่องว่างทักษะ (รายการที่ต้องพัฒนา)")
    rows = page.locator("#gap-list > li")
    expect(rows).to_have_count(len(gaps) + 1)
    expected = [had, *reversed(gaps)]
    for n, item in enumerate(expected):
        expect(rows.nth(n)).to_contain_text(f"ลำดับความสำคัญ {n + 1}")
        expect(rows.nth(n)).to_contain_text(item.unit.code if item.unit else item.text_th[:30])
    expect(rows.first).to_contain_text("ยังไม่เห็นผลงานด้านนี้")
    if had.unit:
        expect(rows.first.get_by_role("link").first).to_have_attribute(
            "href", f"/catalog/OCSC-2561/units/{had.unit.code}/"
        )
