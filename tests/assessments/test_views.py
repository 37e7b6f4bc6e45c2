"""The self-assessment pages: steps with progress, HTMX autosave and the plain Save, evidence uploads,
submitting, the review form, history, comparison, the gap list, home panels and navigation."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.assessments.selectors import steps_of
from digiskill.assessments.services import assessment_start
from digiskill.lib.evidence import MAX_BYTES
from tests.assessments.conftest import answer_all
from tests.factories import Cast


def _items(assessment: Assessment) -> list[AssessmentItem]:
    return list(assessment.items.select_related("unit", "component").order_by("order", "id"))


def test_my_page_offers_to_start_and_shows_progress(world: Cast, client_for) -> None:
    staff = client_for("staff")
    body = staff.get(reverse("assessments:mine")).content.decode()
    assert "แบบประเมินตนเอง" in body
    assert reverse("assessments:start") in body
    staff.post(reverse("assessments:start"))
    assessment = Assessment.objects.get(person=world.staff_person)
    body = staff.get(reverse("assessments:mine")).content.decode()
    total = assessment.items.count()
    assert f"ตอบแล้ว 0 จาก {total} รายการ" in body
    for step in steps_of(_items(assessment)):
        assert reverse("assessments:step", args=[assessment.pk, step.number]) in body


def test_a_step_shows_its_component_progress_and_the_units_criteria(world: Cast, client_for, draft) -> None:
    steps = steps_of(_items(draft))
    staff = client_for("staff")
    body = staff.get(reverse("assessments:step", args=[draft.pk, 1])).content.decode()
    assert f"ขั้นที่ 1 จาก {len(steps)}" in body
    assert steps[0].component.name_th in body
    assert "DTR100" in body
    assert "<details" in body and "DTR101" in body  # the unit opens down to its elements and criteria
    assert 'hx-post="' + reverse("assessments:item_save", args=[steps[0].items[0].pk]) in body
    assert reverse("assessments:step", args=[draft.pk, 2]) in body
    assert staff.get(reverse("assessments:step", args=[draft.pk, len(steps) + 1])).status_code == 404
    assert staff.get(reverse("assessments:step", args=[draft.pk, 0])).status_code == 404


def test_htmx_autosave_answers_with_the_saved_status_and_new_progress(world: Cast, client_for, draft) -> None:
    item = _items(draft)[0]
    response = client_for("staff").post(
        reverse("assessments:item_save", args=[item.pk]),
        {f"i{item.pk}-has": "no", f"i{item.pk}-level": "2", f"i{item.pk}-link": "https://example.org/cert"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "บันทึกแล้ว" in body
    assert f"ตอบแล้ว 1 จาก {draft.items.count()} รายการ" in body
    assert 'hx-swap-oob="true"' in body
    item.refresh_from_db()
    assert (item.self_has, item.self_level, item.evidence_link) == (False, 2, "https://example.org/cert")


def test_htmx_autosave_reports_a_refusal_in_place(world: Cast, client_for, draft) -> None:
    item = _items(draft)[0]
    response = client_for("staff").post(
        reverse("assessments:item_save", args=[item.pk]),
        {f"i{item.pk}-has": "yes", f"i{item.pk}-link": "not a link"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert 'role="alert"' in body and "not a valid web address" in body
    item.refresh_from_db()
    assert item.self_has is None  # nothing of a refused answer is kept


def test_the_plain_save_goes_back_to_the_item_on_its_step(world: Cast, client_for, draft) -> None:
    items = _items(draft)
    steps = steps_of(items)
    last = steps[-1].items[0]
    response = client_for("staff").post(
        reverse("assessments:item_save", args=[last.pk]),
        {f"i{last.pk}-has": "yes", f"i{last.pk}-comment": "ok"},
    )
    url = reverse("assessments:step", args=[draft.pk, steps[-1].number])
    assert response["Location"] == f"{url}#item-{last.pk}"


def _upload(client, item: AssessmentItem, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post(
        reverse("assessments:item_save", args=[item.pk]),
        {f"i{item.pk}-has": "yes", f"i{item.pk}-file": upload},
        HTTP_HX_REQUEST="true",
    )


def test_evidence_upload_type_and_size_limits(world: Cast, client_for, draft, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    item = _items(draft)[0]
    staff = client_for("staff")
    refused = {
        "virus.exe": b"MZ\x90\x00",
        "fake.pdf": b"<html>not a pdf</html>",
        "photo.png": b"\xff\xd8\xff\xe0 a jpeg named png",
        "big.pdf": b"%PDF-1.7\n" + b"0" * MAX_BYTES,
        "empty.txt": b"",
        "binary.txt": b"abc\x00\x01\x02",
    }
    for name, content in refused.items():
        body = _upload(staff, item, name, content).content.decode()
        assert 'role="alert"' in body, name
        assert name in body, name
    item.refresh_from_db()
    assert not item.evidence_file and item.self_has is None
    body = _upload(staff, item, "ใบรับรอง การอบรม.pdf", b"%PDF-1.4\n%test").content.decode()
    assert "บันทึกแล้ว" in body
    assert "ใบรับรอง การอบรม.pdf" in body  # the evidence block is swapped in with the new file
    item.refresh_from_db()
    assert item.evidence_name == "ใบรับรอง การอบรม.pdf"
    assert item.evidence_file.name.startswith("evidence/") and item.evidence_file.name.endswith(".pdf")
    download = client_for("supervisor").get(reverse("assessments:evidence", args=[item.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n%test"
    text = _upload(staff, item, "notes.txt", "บันทึกการทำงาน\nline 2".encode()).content.decode()
    assert "บันทึกแล้ว" in text
    cleared = staff.post(
        reverse("assessments:item_save", args=[item.pk]),
        {f"i{item.pk}-has": "yes", f"i{item.pk}-clear_file": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert cleared.status_code == 200
    item.refresh_from_db()
    assert not item.evidence_file
    assert client_for("staff").get(reverse("assessments:evidence", args=[item.pk])).status_code == 404


def test_submit_names_the_unanswered_items(world: Cast, client_for, draft) -> None:
    items = _items(draft)
    page = client_for("staff").post(reverse("assessments:submit", args=[draft.pk]), follow=True)
    body = page.content.decode()
    assert f"ยังไม่ได้ตอบ {len(items)} รายการ" in body
    assert "DTR100" in body
    answer_all(world, draft)
    page = client_for("staff").post(reverse("assessments:submit", args=[draft.pk]), follow=True)
    assert "ส่งแล้ว" in page.content.decode()
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.SUBMITTED
    # once submitted, the steps lead to the read-only page
    step = client_for("staff").get(reverse("assessments:step", args=[draft.pk, 1]))
    assert step["Location"] == reverse("assessments:detail", args=[draft.pk])


def test_the_review_form_saves_completes_and_leads_to_the_gap_list(
    world: Cast, client_for, submitted
) -> None:
    items = _items(submitted)
    supervisor = client_for("supervisor")
    page = supervisor.get(reverse("assessments:review", args=[submitted.pk])).content.decode()
    assert "ไม่เห็นด้วย" in page and "ลำดับความสำคัญ" in page
    data = {"comment": "เห็นชอบ", "action": "complete"}
    gaps = [i for i in items if i.self_has is False]
    had = next(i for i in items if i.self_has)
    for item in items:
        data[f"r{item.pk}-agrees"] = "yes"
    data[f"r{had.pk}-agrees"] = "no"
    data[f"r{had.pk}-comment"] = "ยังต้องพัฒนา"
    for n, gap in enumerate(gaps, start=2):
        data[f"r{gap.pk}-priority"] = str(n)
    data[f"r{had.pk}-priority"] = "1"
    written = AuditEntry.objects.count()
    response = supervisor.post(reverse("assessments:review", args=[submitted.pk]), data)
    assert response["Location"] == reverse("assessments:detail", args=[submitted.pk])
    assert AuditEntry.objects.count() == written + 1
    gaps_page = client_for("staff").get(reverse("assessments:gaps")).content.decode()
    order = [m for m in re.findall(r"ลำดับความสำคัญ (\d+)", gaps_page)]
    assert order == [str(n) for n in range(1, len(gaps) + 2)]
    first = gaps_page.index(had.unit.code if had.unit else had.text_th)
    assert all(first < gaps_page.index(g.unit.code if g.unit else g.text_th) for g in gaps)


def test_a_bad_priority_or_missing_view_is_refused_with_the_reason(
    world: Cast, client_for, submitted
) -> None:
    item = _items(submitted)[0]
    supervisor = client_for("supervisor")
    page = supervisor.post(
        reverse("assessments:review", args=[submitted.pk]),
        {f"r{item.pk}-agrees": "yes", f"r{item.pk}-priority": "first", "action": "save"},
        follow=True,
    ).content.decode()
    assert "The priority must be a number" in page or "ลำดับความสำคัญต้องเป็นตัวเลข" in page
    page = supervisor.post(
        reverse("assessments:review", args=[submitted.pk]), {"action": "complete"}, follow=True
    ).content.decode()
    assert "ยังไม่ได้พิจารณา" in page
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED


def test_history_and_comparison(world: Cast, client_for, agreed) -> None:
    second = assessment_start(actor=actor_of(world.staff), person=world.staff_person)
    closed = next(i for i in _items(second) if i.self_has is False)
    from digiskill.assessments.services import assessment_item_save

    assessment_item_save(actor=actor_of(world.staff), item=closed, has=True, level=4)
    staff = client_for("staff")
    body = staff.get(reverse("assessments:history")).content.decode()
    assert "ประวัติการประเมิน" in body
    assert reverse("assessments:detail", args=[agreed.pk]) in body
    assert reverse("assessments:detail", args=[second.pk]) in body
    compare = staff.get(reverse("assessments:compare"), {"a": second.pk, "b": agreed.pk}).content.decode()
    assert "ปิดช่องว่างแล้ว" in compare  # "gap closed", whichever order the rounds are given in
    row = re.search(r'<tr class="change-closed">(.*?)</tr>', compare, re.S)
    assert row and (closed.unit.code if closed.unit else closed.text_th) in row.group(1)
    assert "2 → 4" in compare
    assert staff.get(reverse("assessments:compare"), {"a": "x", "b": "1"}).status_code == 404


def test_comparing_rounds_of_two_people_is_refused(world: Cast, client_for, agreed) -> None:
    from digiskill.people.models import Person
    from tests.assessments.conftest import group_a

    Person.objects.filter(pk=world.supervisor_person.pk).update(group=group_a())
    world.supervisor_person.refresh_from_db()
    other = assessment_start(actor=actor_of(world.supervisor), person=world.supervisor_person)
    url = reverse("assessments:compare")
    assert client_for("director").get(url, {"a": agreed.pk, "b": other.pk}).status_code == 404


def test_home_panels_and_navigation(world: Cast, client_for, submitted) -> None:
    staff_home = client_for("staff").get(reverse("core:home")).content.decode()
    assert "แบบประเมินตนเอง" in staff_home
    assert "รอผู้บังคับบัญชาพิจารณา" in staff_home
    nav = staff_home.split("</nav>")[0]
    assert nav.index(reverse("assessments:mine")) < nav.index(reverse("agencies:announcements"))
    supervisor_home = client_for("supervisor").get(reverse("core:home")).content.decode()
    assert "แบบประเมินที่รอท่านพิจารณา" in supervisor_home
    assert reverse("assessments:review", args=[submitted.pk]) in supervisor_home
    assert reverse("assessments:reviews") in supervisor_home.split("</nav>")[0]
    assert reverse("assessments:reviews") not in staff_home.split("</nav>")[0]


def test_the_staff_panel_counts_the_agreed_gaps(world: Cast, client_for, agreed) -> None:
    gaps = AssessmentItem.objects.filter(assessment=agreed, agreed_has=False).count()
    home = client_for("staff").get(reverse("core:home")).content.decode()
    assert re.search(rf'id="my-gap-count">{gaps}<', home)
    assert reverse("assessments:gaps") in home


def test_hr_reads_but_cannot_review_or_answer(world: Cast, client_for, submitted) -> None:
    hr = client_for("hr")
    body = hr.get(reverse("assessments:detail", args=[submitted.pk])).content.decode()
    assert world.staff_person.full_name in body
    assert reverse("assessments:review", args=[submitted.pk]) not in body
    item = _items(submitted)[0]
    page = hr.get(reverse("assessments:item", args=[item.pk])).content.decode()
    assert "<form" not in page.split("<main")[1]


@pytest.mark.parametrize("language", ["en", "th"])
def test_pages_render_in_both_languages(world: Cast, client_for, agreed, language) -> None:
    staff = client_for("staff")
    staff.cookies["digiskill_language"] = language
    for url in (
        reverse("assessments:mine"),
        reverse("assessments:gaps"),
        reverse("assessments:history"),
        reverse("assessments:detail", args=[agreed.pk]),
    ):
        assert staff.get(url).status_code == 200
    body = staff.get(reverse("assessments:mine")).content.decode()
    assert ("My self-assessment" in body) == (language == "en")


# --- what a new user meets: continue / submit, English names, the one word for each actor ---------


def test_continue_is_offered_only_while_items_are_unanswered(world: Cast, client_for, draft) -> None:
    staff = client_for("staff")
    continue_link = re.compile(r'<div class="actions">\s*<a role="button"')
    body = staff.get(reverse("assessments:mine")).content.decode()
    assert continue_link.search(body)
    assert re.search(r"<button type=\"submit\"[^>]*disabled[^>]*>ส่งให้ผู้บังคับบัญชาพิจารณา", body)
    answer_all(world, draft)
    body = staff.get(reverse("assessments:mine")).content.decode()
    total = draft.items.count()
    assert f"ตอบแล้ว {total} จาก {total} รายการ" in body
    assert not continue_link.search(body)
    submit = re.search(r"<button type=\"submit\"([^>]*)>ส่งให้ผู้บังคับบัญชาพิจารณา", body)
    assert submit is not None and "disabled" not in submit.group(1)
    assert "ตอบครบทุกรายการแล้ว" in body


def test_english_mode_shows_component_and_stage_names_in_english(world: Cast, client_for, agreed) -> None:
    staff = client_for("staff")
    staff.cookies["digiskill_language"] = "en"
    gaps_page = staff.get(reverse("assessments:gaps")).content.decode()
    assert 'id="gap-list"' in gaps_page
    assert "Ability" in gaps_page and "ความสามารถ" not in gaps_page
    mine = staff.get(reverse("assessments:mine")).content.decode()
    assert "Skill gaps" in mine
    staff.cookies["digiskill_language"] = "th"
    assert "ความสามารถ" in staff.get(reverse("assessments:gaps")).content.decode()


def test_the_staff_member_is_never_called_the_assessor(world: Cast, client_for, draft) -> None:
    """In self-assessment the person is ผู้รับการประเมิน; ผู้ประเมิน is the assessor who certifies units."""
    staff = client_for("staff")
    for step in steps_of(_items(draft)):
        body = staff.get(reverse("assessments:step", args=[draft.pk, step.number])).content.decode()
        assert "ผู้ประเมิน" not in body.replace("ผู้ประเมินตนเอง", "")


def test_the_review_page_calls_the_answers_the_person_assessed(world: Cast, client_for, submitted) -> None:
    page = client_for("supervisor").get(reverse("assessments:review", args=[submitted.pk])).content.decode()
    assert "คำตอบของผู้รับการประเมิน" in page
    assert "ส่งกลับให้ผู้รับการประเมินแก้ไข" in page
    assert "ผู้ประเมิน" not in page.replace("ผู้รับการประเมิน", "")
