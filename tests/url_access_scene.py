"""One department with something at every step, for the URL access table (tests/test_url_access.py).

Everything is written through the services, as the app does, except two records the table only needs
to exist (a roster import waiting for confirmation, an inbox notification).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from digiskill.accounts.access import actor_of
from digiskill.agencies.models import Agency, AgencyKind, Announcement
from digiskill.assessments.models import Assessment, AssessmentItem
from digiskill.assessments.services import (
    Answer,
    ItemReview,
    assessment_answers_save,
    assessment_item_save,
    assessment_review_complete,
    assessment_start,
    assessment_submit,
)
from digiskill.frameworks.models import Criterion, Element, PersonnelGroup, Unit
from digiskill.inbox.models import Notification
from digiskill.inbox.services import notify
from digiskill.learning.models import LearningResource
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.people.models import Person, RosterImport
from digiskill.plans.models import ActivityKind, Application, Plan, PlanActivity
from digiskill.plans.services import (
    activity_add,
    activity_progress,
    application_record,
    goal_update,
    plan_approve,
    plan_create,
    plan_submit,
)
from tests.factories import Cast, load_ocsc, make_cast, publish_announcement
from tests.learning.conftest import make_resource


@dataclass
class Scene:
    """The cast and one object of each kind the URLs name."""

    cast: Cast
    announcement: Announcement
    agreed: Assessment  # the staff member's round 1, agreed
    draft: Assessment  # the staff member's round 2, a draft
    evidence_item: AssessmentItem  # an item of the draft with an evidence file
    submitted: Assessment  # the supervisor's round 1, waiting for the director's review
    draft_plan: Plan  # the staff member's plan of this fiscal year, a draft ready to submit
    submitted_plan: Plan  # next year's plan, waiting for the supervisor's approval
    live_plan: Plan  # last year's plan, approved and in progress
    activity: PlanActivity  # an activity of the live plan, with an evidence file
    application: Application  # the staff member applied a skill (with an evidence file)
    resource: LearningResource  # the department's own learning resource
    shared: LearningResource  # a resource shared by all departments
    roster: RosterImport  # a whole-roster check waiting for confirmation
    notification: Notification  # the staff member's inbox entry
    unit: Unit
    element: Element
    criterion: Criterion
    division: Agency
    year: int
    yesterday: dt.date


def answer_all(user, assessment: Assessment) -> None:
    """Every other item is "not yet" (from the first)."""
    items = list(assessment.items.order_by("order", "id"))
    answers = [Answer(i.pk, n % 2 != 0, 2 if n % 2 == 0 else 4) for n, i in enumerate(items)]
    assessment_answers_save(actor=actor_of(user), assessment=assessment, answers=answers)


def agree_all(reviewer, assessment: Assessment) -> Assessment:
    items = list(assessment.items.order_by("order", "id"))
    gaps = [i for i in items if i.self_has is False]
    priority = {i.pk: len(gaps) - n for n, i in enumerate(gaps)}
    reviews = [ItemReview(i.pk, True, "", priority.get(i.pk)) for i in items]
    return assessment_review_complete(actor=actor_of(reviewer), assessment=assessment, reviews=reviews)


def _plan(cast: Cast, year: int) -> Plan:
    """A draft plan of the staff member for `year`, every goal S.M.A.R.T. with one activity."""
    gaps = list(
        AssessmentItem.objects.filter(person=cast.staff_person, is_current=True, agreed_has=False).order_by(
            "priority"
        )[:2]
    )
    plan = plan_create(actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=year, gaps=gaps)
    for n, goal in enumerate(plan.goals.all()):
        goal_update(
            actor=actor_of(cast.staff),
            goal=goal,
            what=f"ใช้ข้อมูลวิเคราะห์งานได้ด้วยตนเอง {n}",
            measure="จำนวนรายงานวิเคราะห์ที่ผู้บังคับบัญชารับรอง",
            target="2 รายงาน",
            due_date=fiscal_year_bounds(year)[1],
        )
        activity_add(
            actor=actor_of(cast.staff),
            goal=goal,
            kind=ActivityKind.ON_THE_JOB,
            title="มอบหมายงานวิเคราะห์",
            hours=14,
        )
    return plan


def build_scene() -> Scene:
    """The department of the cast with an announcement, rounds, plans, resources and records."""
    cast = make_cast("u")
    load_ocsc()
    announcement = publish_announcement(cast.dept)
    group_a = PersonnelGroup.objects.get(framework__code="OCSC-2561", code="A")
    Person.objects.filter(pk__in=[cast.staff_person.pk, cast.supervisor_person.pk]).update(group=group_a)
    for person in (cast.staff_person, cast.supervisor_person):
        person.refresh_from_db()

    first = assessment_start(actor=actor_of(cast.staff), person=cast.staff_person)
    answer_all(cast.staff, first)
    agreed = agree_all(cast.supervisor, assessment_submit(actor=actor_of(cast.staff), assessment=first))
    draft = assessment_start(actor=actor_of(cast.staff), person=cast.staff_person)
    evidence_item = draft.items.order_by("order", "id").first()
    assert evidence_item is not None
    assessment_item_save(
        actor=actor_of(cast.staff),
        item=evidence_item,
        has=True,
        file=SimpleUploadedFile("ใบรับรอง.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    )
    theirs = assessment_start(actor=actor_of(cast.supervisor), person=cast.supervisor_person)
    answer_all(cast.supervisor, theirs)
    submitted = assessment_submit(actor=actor_of(cast.supervisor), assessment=theirs)

    year = fiscal_year(timezone.localdate())
    draft_plan = _plan(cast, year)
    submitted_plan = plan_submit(actor=actor_of(cast.staff), plan=_plan(cast, year + 1))
    live_plan = plan_approve(
        actor=actor_of(cast.supervisor),
        plan=plan_submit(actor=actor_of(cast.staff), plan=_plan(cast, year - 1)),
    )
    activity = PlanActivity.objects.filter(goal__plan=live_plan).order_by("pk").first()
    assert activity is not None
    activity = activity_progress(
        actor=actor_of(cast.staff),
        activity=activity,
        status="done",
        done_on=min(timezone.localdate(), fiscal_year_bounds(year - 1)[1]),
        evidence_file=SimpleUploadedFile("หลักฐาน.pdf", b"%PDF-1.4 evidence"),
    )
    live_plan.refresh_from_db()
    application = application_record(
        actor=actor_of(cast.staff),
        person=cast.staff_person,
        title="ระบบติดตามงาน",
        applied_on=timezone.localdate() - dt.timedelta(days=1),
        evidence_file=SimpleUploadedFile("ผลงาน.png", b"\x89PNG\r\n\x1a\n"),
    )

    resource = make_resource(cast.dept, "LR-U1", units=("DG100",))
    shared = make_resource(None, "LR-SHARED", units=("DG100",))
    roster = RosterImport.objects.create(
        agency=cast.dept,
        actor=cast.hr,
        filename="roster.xlsx",
        dry_run=True,
        deactivate_missing=True,
        awaiting_confirmation=True,
        confirm_token="t" * 64,
        rejected_csv="row,error\n2,bad\n",
    )
    [notification] = notify(agency=cast.dept, recipients=[cast.staff], kind="test", title="ทดสอบ", url="/")

    criterion = (
        Criterion.objects.filter(element__unit__framework__code="OCSC-2561")
        .select_related("element__unit")
        .order_by("pk")
        .first()
    )
    assert criterion is not None
    element = criterion.element
    unit = element.unit
    division = cast.dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").first()
    assert division is not None
    return Scene(
        cast=cast,
        announcement=announcement,
        agreed=agreed,
        draft=draft,
        evidence_item=evidence_item,
        submitted=submitted,
        draft_plan=draft_plan,
        submitted_plan=submitted_plan,
        live_plan=live_plan,
        activity=activity,
        application=application,
        resource=resource,
        shared=shared,
        roster=roster,
        notification=notification,
        unit=unit,
        element=element,
        criterion=criterion,
        division=division,
        year=year,
        yesterday=timezone.localdate() - dt.timedelta(days=1),
    )
