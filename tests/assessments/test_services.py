"""Ind 3.1–3.2 rules, through the services: who answers, who reviews, submitting, the agreed result,
reassessment and the division copies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from digiskill.accounts.access import SYSTEM, actor_for, actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.agencies.models import AgencyKind, AgencySkillSet
from digiskill.agencies.services import announcement_publish, skill_item_add, skill_items_remove
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.assessments.selectors import (
    current_assessment,
    draft_of,
    gap_list,
    history,
    waiting_reviews,
)
from digiskill.assessments.services import (
    Answer,
    ItemReview,
    assessment_answers_save,
    assessment_item_save,
    assessment_return,
    assessment_review_complete,
    assessment_review_save,
    assessment_start,
    assessment_submit,
)
from digiskill.frameworks.models import SkillComponent
from digiskill.inbox.models import Notification
from digiskill.people.models import Person
from digiskill.people.selectors import my_skills
from digiskill.people.services import person_save
from tests.assessments.conftest import agree_all, answer_all
from tests.factories import Cast, publish_announcement


def _items(assessment: Assessment) -> list[AssessmentItem]:
    return list(assessment.items.select_related("unit", "component").order_by("order", "id"))


# --- starting --------------------------------------------------------------------------------------


def test_start_copies_the_required_items_of_the_announcement_in_force(world: Cast) -> None:
    person = world.staff_person
    written = AuditEntry.objects.count()
    assessment = assessment_start(actor=actor_of(world.staff), person=person)
    required = [i for block in my_skills(person).components for i in block.items]
    items = _items(assessment)
    assert [i.source_id for i in items] == [i.pk for i in required]
    assert assessment.round == 1 and assessment.status == AssessmentStatus.DRAFT
    assert assessment.group.code == "A" and not assessment.is_current
    for item in items:
        assert (item.agency_id, item.person_id, item.division_id, item.group_id) == (
            world.dept.pk,
            person.pk,
            person.division_id,
            person.group_id,
        )
        assert item.self_has is None and not item.is_current
    units = [i for i in items if i.unit_id]
    assert units and all(i.area_id == i.unit.area_id for i in units)
    assert AuditEntry.objects.count() == written + 1
    assert AuditEntry.objects.latest("id").action == "assessment_start"


def test_only_the_person_starts_their_own(world: Cast) -> None:
    with pytest.raises(PermissionDenied):
        assessment_start(actor=actor_of(world.supervisor), person=world.staff_person)
    with pytest.raises(PermissionDenied):
        assessment_start(actor=actor_of(world.hr), person=world.staff_person)


def test_start_is_refused_without_announcement_group_or_while_one_is_open(cast: Cast, world: Cast) -> None:
    with pytest.raises(ValidationError, match="ยังไม่ได้จำแนกกลุ่ม"):
        assessment_start(actor=actor_of(world.supervisor), person=world.supervisor_person)
    assessment_start(actor=actor_of(world.staff), person=world.staff_person)
    with pytest.raises(ValidationError, match="Round 1 is already in progress"):
        assessment_start(actor=actor_of(world.staff), person=world.staff_person)


def test_start_is_refused_before_anything_is_announced(cast: Cast) -> None:
    from tests.factories import load_ocsc

    load_ocsc()
    with pytest.raises(ValidationError, match="has not announced"):
        assessment_start(actor=actor_of(cast.staff), person=cast.staff_person)


# --- answering -------------------------------------------------------------------------------------


def test_only_the_person_answers_their_own_draft(world: Cast, draft: Assessment) -> None:
    item = _items(draft)[0]
    for someone in (world.supervisor, world.hr, world.director):
        with pytest.raises(PermissionDenied):
            assessment_item_save(actor=actor_of(someone), item=item, has=True)
    saved = assessment_item_save(
        actor=actor_of(world.staff), item=item, has=True, level=4, comment=" ใช้ทุกวัน "
    )
    saved.refresh_from_db()
    assert (saved.self_has, saved.self_level, saved.comment) == (True, 4, "ใช้ทุกวัน")


def test_an_unchanged_answer_writes_nothing(world: Cast, draft: Assessment) -> None:
    item = _items(draft)[0]
    assessment_item_save(actor=actor_of(world.staff), item=item, has=False, level=2)
    written = AuditEntry.objects.count()
    assessment_item_save(actor=actor_of(world.staff), item=item, has=False, level=2)
    assert AuditEntry.objects.count() == written


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": 6}, "must be 1 to 5"),
        ({"level": 0}, "must be 1 to 5"),
        ({"link": "not a link"}, "not a valid web address"),
        ({"link": "javascript:alert(1)"}, "not a valid web address"),
        ({"link": "ftp://example.org/x"}, "not a valid web address"),
        ({"comment": "ก" * 4001}, "longer than 4000"),
    ],
)
def test_bad_answers_are_refused_naming_the_item(world: Cast, draft: Assessment, kwargs, message) -> None:
    item = _items(draft)[0]
    with pytest.raises(ValidationError) as caught:
        assessment_item_save(actor=actor_of(world.staff), item=item, has=True, **kwargs)
    text = " ".join(caught.value.messages)
    assert message in text
    assert " / " in text  # Thai and English


def test_many_answers_save_in_one_audit_row(world: Cast, draft: Assessment) -> None:
    written = AuditEntry.objects.count()
    answer_all(world, draft)
    assert AuditEntry.objects.count() == written + 1
    assert all(i.self_has is not None for i in _items(draft))
    with pytest.raises(ValidationError, match="not in this assessment"):
        assessment_answers_save(
            actor=actor_of(world.staff), assessment=draft, answers=[Answer(999_999, True)]
        )


# --- submitting ------------------------------------------------------------------------------------


def test_submit_needs_every_item_answered_and_names_the_missing(world: Cast, draft: Assessment) -> None:
    items = _items(draft)
    assessment_item_save(actor=actor_of(world.staff), item=items[0], has=True)
    with pytest.raises(ValidationError) as caught:
        assessment_submit(actor=actor_of(world.staff), assessment=draft)
    text = " ".join(caught.value.messages)
    assert f"{len(items) - 1} items are not answered yet" in text
    missing = items[1]
    assert (missing.unit.code if missing.unit else missing.text_th[:20]) in text
    assert (items[0].unit.code if items[0].unit else items[0].text_th) not in text.split(":", 1)[1]


def test_submit_tells_the_supervisor_and_freezes_the_answers(world: Cast, draft: Assessment) -> None:
    answer_all(world, draft)
    with pytest.raises(PermissionDenied):
        assessment_submit(actor=actor_of(world.supervisor), assessment=draft)
    assessment_submit(actor=actor_of(world.staff), assessment=draft)
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.SUBMITTED and draft.submitted_at is not None
    note = Notification.objects.get(recipient=world.supervisor, kind="assessment_submitted")
    assert world.staff_person.first_name in note.title
    assert note.url == f"/assessment/{draft.pk}/review/"
    with pytest.raises(ValidationError, match="can no longer be changed"):
        assessment_item_save(actor=actor_of(world.staff), item=_items(draft)[0], has=False)
    assert waiting_reviews(actor_for(world.supervisor)) == [draft]
    assert waiting_reviews(actor_for(world.director)) == []
    assert waiting_reviews(actor_for(world.hr)) == []


# --- reviewing -------------------------------------------------------------------------------------


def test_only_the_direct_supervisor_reviews(world: Cast, submitted: Assessment) -> None:
    for someone in (world.director, world.hr, world.staff, world.executive):
        with pytest.raises(PermissionDenied):
            assessment_review_save(actor=actor_of(someone), assessment=submitted, comment="x")
        with pytest.raises(PermissionDenied):
            agree_all_as(someone, submitted)


def agree_all_as(user, assessment: Assessment) -> Assessment:
    reviews = [ItemReview(i.pk, True) for i in assessment.items.all()]
    return assessment_review_complete(actor=actor_of(user), assessment=assessment, reviews=reviews)


def test_hr_reviews_someone_with_no_supervisor(world: Cast) -> None:
    person = world.staff_person
    Person.objects.filter(pk=person.pk).update(supervisor=None)
    person.refresh_from_db()
    assessment = assessment_start(actor=actor_of(world.staff), person=person)
    answer_all(world, assessment)
    assessment_submit(actor=actor_of(world.staff), assessment=assessment)
    assert Notification.objects.filter(recipient=world.hr, kind="assessment_submitted").exists()
    assert waiting_reviews(actor_for(world.hr)) == [assessment]
    with pytest.raises(PermissionDenied):
        agree_all_as(world.supervisor, assessment)
    agree_all_as(world.hr, assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.AGREED
    assert assessment.reviewed_by is not None and assessment.reviewed_by.user_id == world.hr.pk


def test_disagreeing_needs_a_comment_and_makes_the_supervisors_view_the_result(
    world: Cast, submitted: Assessment
) -> None:
    items = _items(submitted)
    has, gap = next(i for i in items if i.self_has), next(i for i in items if i.self_has is False)
    with pytest.raises(ValidationError, match="Say why you disagree"):
        assessment_review_save(
            actor=actor_of(world.supervisor), assessment=submitted, reviews=[ItemReview(has.pk, False)]
        )
    assessment_review_save(
        actor=actor_of(world.supervisor),
        assessment=submitted,
        reviews=[
            ItemReview(has.pk, False, "ยังไม่เคยเห็นผลงาน", priority=1),
            ItemReview(gap.pk, False, "ทำได้แล้วในโครงการล่าสุด", priority=2),
        ],
        comment="ภาพรวมดี",
    )
    has.refresh_from_db()
    gap.refresh_from_db()
    assert (has.supervisor_agrees, has.agreed_has, has.priority) == (False, False, 1)
    # no priority on a "have"
    assert (gap.supervisor_agrees, gap.agreed_has, gap.priority) == (False, True, None)
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED and submitted.review_comment == "ภาพรวมดี"


def test_priority_out_of_range_is_refused(world: Cast, submitted: Assessment) -> None:
    gap = next(i for i in _items(submitted) if i.self_has is False)
    with pytest.raises(ValidationError, match="must be 1 to 99"):
        assessment_review_save(
            actor=actor_of(world.supervisor), assessment=submitted, reviews=[ItemReview(gap.pk, True, "", 0)]
        )


def test_complete_needs_a_view_on_every_item(world: Cast, submitted: Assessment) -> None:
    first = _items(submitted)[0]
    with pytest.raises(ValidationError, match="have no agree or disagree yet"):
        assessment_review_complete(
            actor=actor_of(world.supervisor), assessment=submitted, reviews=[ItemReview(first.pk, True)]
        )
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED
    first.refresh_from_db()
    assert first.supervisor_agrees is None  # nothing of a refused completion is kept


def test_completing_makes_the_round_current_and_tells_the_person(world: Cast, submitted: Assessment) -> None:
    written = AuditEntry.objects.count()
    agree_all(world, submitted)
    assert AuditEntry.objects.count() == written + 1
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.AGREED and submitted.is_current
    assert submitted.reviewed_by == world.supervisor_person and submitted.reviewed_at is not None
    items = _items(submitted)
    assert all(i.is_current and i.agreed_has == i.self_has for i in items)
    assert Notification.objects.filter(recipient=world.staff, kind="assessment_reviewed").exists()
    assert current_assessment(world.staff_person) == submitted
    assert draft_of(world.staff_person) is None
    with pytest.raises(ValidationError, match="not waiting for review"):
        agree_all(world, submitted)


def test_the_gap_list_follows_the_agreed_priority(world: Cast, agreed: Assessment) -> None:
    gaps = gap_list(world.staff_person)
    expected = sorted((i for i in _items(agreed) if i.self_has is False), key=lambda i: (i.priority, i.order))
    assert [g.item.pk for g in gaps] == [i.pk for i in expected]
    assert [g.item.priority for g in gaps] == sorted(g.item.priority for g in gaps)
    unit_gap = next(g for g in gaps if g.item.unit_id)
    assert unit_gap.unit_url == f"/catalog/OCSC-2561/units/{unit_gap.item.unit.code}/"


def test_the_reviewer_may_return_it_for_changes(world: Cast, submitted: Assessment) -> None:
    with pytest.raises(ValidationError, match="Say why"):
        assessment_return(actor=actor_of(world.supervisor), assessment=submitted, comment="  ")
    with pytest.raises(PermissionDenied):
        assessment_return(actor=actor_of(world.director), assessment=submitted, comment="แก้ไข")
    assessment_return(actor=actor_of(world.supervisor), assessment=submitted, comment="โปรดแนบหลักฐานเพิ่ม")
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.DRAFT and submitted.review_comment == "โปรดแนบหลักฐานเพิ่ม"
    assert Notification.objects.filter(recipient=world.staff, kind="assessment_returned").exists()
    assessment_item_save(
        actor=actor_of(world.staff), item=_items(submitted)[0], has=True, link="https://example.org/c"
    )


# --- reassessment ----------------------------------------------------------------------------------


def test_reassessment_starts_from_the_agreed_result_and_keeps_the_history(
    world: Cast, agreed: Assessment
) -> None:
    # The department changes the A group's skills: one item dropped, one added; a new announcement.
    skill_set = AgencySkillSet.objects.get(agency=world.dept, group__code="A")
    old_items = list(skill_set.items.order_by("order", "id"))
    dropped = old_items[0]
    skill_items_remove(actor=SYSTEM, skill_set=skill_set, item_ids=[dropped.pk])
    knowledge = SkillComponent.objects.get(framework__code="OCSC-2561", code="knowledge")
    skill_item_add(actor=SYSTEM, skill_set=skill_set, component=knowledge, text_th="ความรู้เรื่องปัญญาประดิษฐ์")
    announcement_publish(
        actor=SYSTEM, agency=world.dept, title="ประกาศฉบับที่ 2", effective_date=dt.date.today()
    )
    # The supervisor disagreed with nothing, but one item's agreed result differs from the answer:
    first = _items(agreed)
    flipped = next(i for i in first if i.self_has is False and i.unit_id != dropped.unit_id)
    AssessmentItem.objects.filter(pk=flipped.pk).update(agreed_has=True, supervisor_agrees=False)
    first = _items(agreed)

    again = assessment_start(actor=actor_of(world.staff), person=world.staff_person)
    assert again.round == 2
    second = _items(again)
    keys = {(i.unit_id, i.text_th) for i in second}
    assert (dropped.unit_id, dropped.text_th) not in keys
    new = next(i for i in second if i.text_th == "ความรู้เรื่องปัญญาประดิษฐ์")
    assert new.self_has is None and new.self_level is None
    by_key = {(i.unit_id, i.component_id, i.text_th): i for i in first}
    for item in second:
        old = by_key.get((item.unit_id, item.component_id, item.text_th))
        if old is None:
            continue
        assert item.self_has == (old.agreed_has if old.agreed_has is not None else old.self_has)
        assert (item.self_level, item.comment) == (old.self_level, old.comment)
    assert next(i for i in second if i.unit_id == flipped.unit_id and i.text_th == flipped.text_th).self_has
    # The earlier round stays current until the new one is agreed; then it flips.
    assert current_assessment(world.staff_person) == agreed
    assessment_answers_save(
        actor=actor_of(world.staff),
        assessment=again,
        answers=[Answer(i.pk, True, 4) for i in second if i.self_has is None],
    )
    assessment_submit(actor=actor_of(world.staff), assessment=again)
    agree_all(world, again)
    agreed.refresh_from_db()
    again.refresh_from_db()
    assert again.is_current and not agreed.is_current
    assert not AssessmentItem.objects.filter(assessment=agreed, is_current=True).exists()
    assert AssessmentItem.objects.filter(person=world.staff_person, is_current=True).count() == len(second)
    assert [r.assessment.round for r in history(world.staff_person)] == [2, 1]


# --- division copies -------------------------------------------------------------------------------


def test_moving_a_person_updates_the_division_copies(world: Cast, agreed: Assessment) -> None:
    person = world.staff_person
    other = world.dept.units.filter(kind=AgencyKind.DIVISION).exclude(pk=person.division_id).get()
    person_save(
        actor=actor_of(world.hr),
        agency=world.dept,
        national_id=person.national_id,
        division=other,
        supervisor=person.supervisor,
        title=person.title,
        first_name=person.first_name,
        last_name=person.last_name,
        position=person.position,
    )
    agreed.refresh_from_db()
    assert agreed.division_id == other.pk
    assert set(AssessmentItem.objects.filter(assessment=agreed).values_list("division_id", flat=True)) == {
        other.pk
    }


def test_the_division_receiver_leaves_older_rounds_and_other_people_alone(
    world: Cast, agreed: Assessment
) -> None:
    from digiskill.assessments.receivers import sync_divisions

    person = world.staff_person
    other = world.dept.units.filter(kind=AgencyKind.DIVISION).exclude(pk=person.division_id).get()
    AssessmentItem.objects.filter(assessment=agreed).update(is_current=False)
    Assessment.objects.filter(pk=agreed.pk).update(is_current=False)
    Person.objects.filter(pk=person.pk).update(division=other)
    sync_divisions(agency_id=world.dept.pk, person_ids=[person.pk, world.supervisor_person.pk])
    agreed.refresh_from_db()
    assert agreed.division_id != other.pk  # history keeps the division of its day


def test_an_announcement_not_in_force_yet_is_not_assessed(cast: Cast) -> None:
    from tests.factories import load_ocsc

    load_ocsc()
    publish_announcement(cast.dept, effective_date=dt.date.today() + dt.timedelta(days=10))
    Person.objects.filter(pk=cast.staff_person.pk).update(group=_group_a())
    cast.staff_person.refresh_from_db()
    with pytest.raises(ValidationError, match="has not announced"):
        assessment_start(actor=actor_of(cast.staff), person=cast.staff_person)


def _group_a():
    from tests.assessments.conftest import group_a

    return group_a()
