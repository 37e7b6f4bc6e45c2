"""Services of the development plan: every transition allowed or refused, and what each one leaves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from digiskill.accounts.access import actor_of
from digiskill.accounts.models import AuditEntry
from digiskill.assessments.models import AssessmentItem
from digiskill.inbox.models import Notification
from digiskill.people.models import Person
from digiskill.people.selectors import my_skills
from digiskill.plans.models import (
    ActivityKind,
    ActivityStatus,
    Band,
    GoalResult,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
)
from digiskill.plans.services import (
    activity_add,
    activity_add_resource,
    activity_delete,
    activity_progress,
    activity_update,
    application_acknowledge,
    application_record,
    goal_add,
    goal_delete,
    goal_evaluate,
    goal_update,
    plan_approve,
    plan_complete,
    plan_create,
    plan_feedback,
    plan_return,
    plan_revise,
    plan_settings_update,
    plan_start,
    plan_submit,
    plan_update,
)
from tests.factories import make_person, make_user
from tests.plans.conftest import World, due_in_year, ready_plan


def audits(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def inbox(user, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind))


def approved_plan(world: World) -> Plan:
    plan = plan_submit(actor=actor_of(world.cast.staff), plan=ready_plan(world))
    return plan_approve(actor=actor_of(world.cast.supervisor), plan=plan)


# --- creating ----------------------------------------------------------------------------------


def test_a_plan_starts_from_the_agreed_gaps_in_priority_order(world: World) -> None:
    cast = world.cast
    gaps = world.gaps
    plan = plan_create(
        actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year, gaps=gaps[::-1]
    )
    assert plan.status == PlanStatus.DRAFT and plan.version == 1 and plan.is_current
    assert plan.assessment == world.assessment
    assert [g.gap_id for g in plan.goals.all()] == [g.pk for g in gaps]  # priority 1 first
    assert plan.goals.first().skill_th.startswith(gaps[0].unit.code)
    assert plan.role == my_skills(cast.staff_person).role and plan.role is not None
    assert plan.supervisor == cast.supervisor_person and plan.next_level == cast.director_person
    assert not plan.needs_next_level
    assert "กรมดิจิทัลที่ให้บริการประชาชนได้ทุกที่ทุกเวลา" in plan.mission  # the department's vision
    assert "ลดการใช้กระดาษ" in plan.mission  # and its goals
    assert [e.kind for e in plan.events.all()] == [PlanEventKind.CREATED]
    assert audits("plan_create") == 1


def test_one_plan_per_person_and_fiscal_year(world: World) -> None:
    cast = world.cast
    plan_create(actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year)
    with pytest.raises(ValidationError) as exc:
        plan_create(actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year)
    assert str(world.year) in exc.value.messages[0] and "already exists" in exc.value.messages[0]
    plan_create(actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year + 1)


def test_only_gaps_of_the_agreed_assessment_and_only_by_the_person(world: World) -> None:
    cast = world.cast
    has = world.assessment.items.filter(agreed_has=True).first()
    with pytest.raises(ValidationError, match="agreed gaps"):
        plan_create(actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year, gaps=[has])
    with pytest.raises(PermissionDenied):
        plan_create(actor=actor_of(cast.supervisor), person=cast.staff_person, fiscal_year=world.year)
    with pytest.raises(PermissionDenied):
        plan_create(actor=actor_of(cast.hr), person=cast.staff_person, fiscal_year=world.year)


def test_without_an_agreed_assessment_goals_come_from_the_required_skills(world: World) -> None:
    cast = world.cast
    items = [i for c in my_skills(cast.supervisor_person).components for i in c.items][:2]
    plan = plan_create(
        actor=actor_of(cast.supervisor), person=cast.supervisor_person, fiscal_year=world.year, items=items
    )
    assert plan.assessment is None
    assert [g.unit_id for g in plan.goals.all()] == [i.unit_id for i in items]
    assert all(g.gap_id is None for g in plan.goals.all())
    other = next(i for c in my_skills(cast.staff_person).components for i in c.items)
    Person.objects.filter(pk=cast.director_person.pk).update(group=None)
    with pytest.raises(ValidationError, match="required skills"):
        plan_create(
            actor=actor_of(cast.director), person=cast.director_person, fiscal_year=world.year, items=[other]
        )


# --- editing -----------------------------------------------------------------------------------


def test_goals_and_activities_are_edited_in_a_draft(world: World, resource) -> None:
    cast = world.cast
    plan = plan_create(
        actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year, gaps=world.gaps[:1]
    )
    free = goal_add(actor=actor_of(cast.staff), plan=plan, skill_th="การนำเสนอข้อมูลด้วยภาพ", what="ทำแดชบอร์ดได้")
    assert free.gap is None and free.order == 2
    with pytest.raises(ValidationError, match="already has a goal"):
        goal_add(actor=actor_of(cast.staff), plan=plan, gap=world.gaps[0])
    second = goal_add(actor=actor_of(cast.staff), plan=plan, gap=world.gaps[1])
    assert second.unit_id == world.gaps[1].unit_id
    with pytest.raises(ValidationError, match="skill"):
        goal_add(actor=actor_of(cast.staff), plan=plan, skill_th="  ")
    with pytest.raises(ValidationError, match="after the end date"):
        goal_update(
            actor=actor_of(cast.staff),
            goal=free,
            start_date=dt.date(2026, 5, 1),
            due_date=dt.date(2026, 4, 1),
        )
    coaching = activity_add(
        actor=actor_of(cast.staff), goal=free, kind=ActivityKind.COACHING, title="สอนงาน", hours="3"
    )
    assert coaching.band == Band.SOCIAL and coaching.hours == Decimal("3.0")
    activity_update(actor=actor_of(cast.staff), activity=coaching, kind=ActivityKind.SEMINAR)
    coaching.refresh_from_db()
    assert coaching.band == Band.FORMAL
    with pytest.raises(ValidationError, match="Hours"):
        activity_add(actor=actor_of(cast.staff), goal=free, kind=ActivityKind.COACHING, title="x", hours="-1")
    with pytest.raises(ValidationError, match="kind"):
        activity_add(actor=actor_of(cast.staff), goal=free, kind="nap", title="x")
    first = plan.goals.get(gap=world.gaps[0])
    added = activity_add_resource(actor=actor_of(cast.staff), goal=first, resource=resource)
    assert added.kind == ActivityKind.E_LEARNING and added.band == Band.EXPERIENCE
    assert added.hours == Decimal("6.0") and added.resource == resource and resource.title in added.title
    with pytest.raises(PermissionDenied):
        activity_add(actor=actor_of(cast.supervisor), goal=free, kind=ActivityKind.COACHING, title="x")
    activity_delete(actor=actor_of(cast.staff), activity=coaching)
    goal_delete(actor=actor_of(cast.staff), goal=free)
    assert plan.goals.count() == 2
    plan_update(actor=actor_of(cast.staff), plan=plan, mission="ช่วยให้กองลดการใช้กระดาษ")
    assert Plan.objects.get(pk=plan.pk).mission == "ช่วยให้กองลดการใช้กระดาษ"
    # one audit row per write
    assert audits("goal_add") == 2 and audits("activity_add") == 2 and audits("activity_update") == 1
    assert audits("goal_delete") == 1 and audits("activity_delete") == 1 and audits("plan_update") == 1


def test_unchanged_values_write_nothing(world: World) -> None:
    plan = ready_plan(world)
    goal = plan.goals.first()
    before = AuditEntry.objects.count()
    goal_update(actor=actor_of(world.cast.staff), goal=goal, what=goal.what)
    plan_update(actor=actor_of(world.cast.staff), plan=plan, mission=plan.mission)
    assert AuditEntry.objects.count() == before


# --- S.M.A.R.T. and submitting -----------------------------------------------------------------


def test_submit_is_refused_naming_each_goal_without_measure_or_date(world: World) -> None:
    cast = world.cast
    plan = ready_plan(world)
    goal = plan.goals.first()
    goal_update(actor=actor_of(cast.staff), goal=goal, measure="", due_date=None)
    with pytest.raises(ValidationError) as exc:
        plan_submit(actor=actor_of(cast.staff), plan=plan)
    messages = exc.value.messages
    assert len(messages) == 2
    assert all(goal.what in m for m in messages)
    assert "ตัวชี้วัด" in messages[0] and "no measure" in messages[0]  # Thai and English
    assert "ภายในวันที่" in messages[1] and "no date" in messages[1]
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT


def test_submit_is_refused_for_an_empty_plan_or_a_goal_without_activity(world: World) -> None:
    cast = world.cast
    plan = plan_create(actor=actor_of(cast.staff), person=cast.staff_person, fiscal_year=world.year)
    with pytest.raises(ValidationError, match="no development goal"):
        plan_submit(actor=actor_of(cast.staff), plan=plan)
    goal_add(
        actor=actor_of(cast.staff),
        plan=plan,
        skill_th="ทักษะ",
        what="ทำได้",
        measure="วัด",
        target="1",
        due_date=due_in_year(world.year),
    )
    with pytest.raises(ValidationError, match="no development activity"):
        plan_submit(actor=actor_of(cast.staff), plan=plan)


def test_submit_goes_to_the_supervisor(world: World) -> None:
    cast = world.cast
    plan = plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    assert plan.status == PlanStatus.SUBMITTED and plan.submitted_at is not None
    note = inbox(cast.supervisor, "plan_submitted")
    assert len(note) == 1 and cast.staff_person.full_name in note[0].title
    assert note[0].url == f"/plans/{plan.pk}/review/"
    assert audits("plan_submit") == 1
    with pytest.raises(ValidationError, match="changed only as a draft"):
        goal_update(actor=actor_of(cast.staff), goal=plan.goals.first(), what="อื่น")
    with pytest.raises(ValidationError):
        plan_submit(actor=actor_of(cast.staff), plan=plan)


def test_only_the_owner_submits(world: World) -> None:
    with pytest.raises(PermissionDenied):
        plan_submit(actor=actor_of(world.cast.supervisor), plan=ready_plan(world))


# --- approval ----------------------------------------------------------------------------------


def test_the_supervisor_approves_and_nobody_else(world: World) -> None:
    cast = world.cast
    plan = plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    for who in (cast.staff, cast.director, cast.hr, cast.executive):
        with pytest.raises(PermissionDenied):
            plan_approve(actor=actor_of(who), plan=plan)
    plan = plan_approve(actor=actor_of(cast.supervisor), plan=plan, comment="ดีมาก")
    assert plan.status == PlanStatus.APPROVED and plan.approved_at is not None
    assert plan.first_approved_at is None
    assert PlanEvent.objects.filter(plan=plan, kind=PlanEventKind.APPROVED, comment="ดีมาก").exists()
    assert len(inbox(cast.staff, "plan_approved")) == 1
    with pytest.raises(ValidationError, match="not waiting for approval"):
        plan_approve(actor=actor_of(cast.supervisor), plan=plan)


def test_return_needs_a_comment_then_the_person_edits_and_resubmits(world: World) -> None:
    cast = world.cast
    plan = plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    with pytest.raises(ValidationError, match="what should be changed"):
        plan_return(actor=actor_of(cast.supervisor), plan=plan, comment=" ")
    with pytest.raises(PermissionDenied):
        plan_return(actor=actor_of(cast.director), plan=plan, comment="ไม่")
    plan = plan_return(actor=actor_of(cast.supervisor), plan=plan, comment="เพิ่มการเรียนรู้จากผู้อื่น")
    assert plan.status == PlanStatus.RETURNED
    note = inbox(cast.staff, "plan_returned")
    assert len(note) == 1 and note[0].body == "เพิ่มการเรียนรู้จากผู้อื่น"
    goal = plan.goals.first()
    activity_add(actor=actor_of(cast.staff), goal=goal, kind=ActivityKind.MENTORING, title="พี่เลี้ยง", hours=4)
    plan = plan_submit(actor=actor_of(cast.staff), plan=plan)
    assert plan.status == PlanStatus.SUBMITTED
    plan = plan_approve(actor=actor_of(cast.supervisor), plan=plan)
    kinds = [e.kind for e in plan.events.all()]
    assert kinds == ["created", "submitted", "returned", "submitted", "approved"]


def test_a_person_specific_role_needs_the_next_level_supervisor(world: World) -> None:
    cast = world.cast
    Person.objects.filter(pk=cast.staff_person.pk).update(specific_role_th="ผู้ใช้ข้อมูลเพื่อบริการประชาชน")
    cast.staff_person.refresh_from_db()
    plan = plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    assert plan.needs_next_level and plan.next_level == cast.director_person
    with pytest.raises(PermissionDenied):
        plan_approve(actor=actor_of(cast.director), plan=plan)  # the supervisor goes first
    plan = plan_approve(actor=actor_of(cast.supervisor), plan=plan)
    assert plan.status == PlanStatus.SUBMITTED and plan.first_approved_at is not None
    assert plan.awaiting_next_level
    assert len(inbox(cast.director, "plan_first_approved")) == 1
    assert not inbox(cast.staff, "plan_approved")
    with pytest.raises(PermissionDenied):
        plan_approve(actor=actor_of(cast.supervisor), plan=plan)
    # the next level returns it: the supervisor's approval no longer counts
    plan = plan_return(actor=actor_of(cast.director), plan=plan, comment="ระบุตัวชี้วัดให้ชัด")
    assert plan.status == PlanStatus.RETURNED and plan.first_approved_at is None
    plan = plan_approve(
        actor=actor_of(cast.supervisor), plan=plan_submit(actor=actor_of(cast.staff), plan=plan)
    )
    plan = plan_approve(actor=actor_of(cast.director), plan=plan, comment="อนุมัติ")
    assert plan.status == PlanStatus.APPROVED
    assert [e.kind for e in plan.events.all()][-2:] == ["first_approved", "approved"]
    assert audits("plan_first_approve") == 2 and audits("plan_approve") == 1


def test_hr_acts_where_there_is_no_supervisor(world: World) -> None:
    cast = world.cast
    Person.objects.filter(pk=cast.staff_person.pk).update(supervisor=None)
    cast.staff_person.refresh_from_db()
    plan = plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    assert plan.supervisor is None
    assert len(inbox(cast.hr, "plan_submitted")) == 1
    with pytest.raises(PermissionDenied):
        plan_approve(actor=actor_of(cast.supervisor), plan=plan)
    plan = plan_approve(actor=actor_of(cast.hr), plan=plan)
    assert plan.status == PlanStatus.APPROVED
    plan_feedback(actor=actor_of(cast.hr), plan=plan, comment="ติดตามผลทุกเดือน")


def test_hr_acts_for_a_supervisor_without_a_login(world: World) -> None:
    cast = world.cast
    boss = make_person(cast.dept, position="หัวหน้าไม่มีบัญชี")
    Person.objects.filter(pk=cast.staff_person.pk).update(supervisor=boss)
    cast.staff_person.refresh_from_db()
    plan = plan_submit(actor=actor_of(cast.staff), plan=ready_plan(world))
    plan = plan_approve(actor=actor_of(cast.hr), plan=plan)
    assert plan.status == PlanStatus.APPROVED


# --- progress, evaluation, completion ----------------------------------------------------------


def test_the_first_progress_update_starts_the_plan(world: World) -> None:
    cast = world.cast
    plan = approved_plan(world)
    activity = plan.goals.first().activities.first()
    activity_progress(
        actor=actor_of(cast.staff), activity=activity, status=ActivityStatus.IN_PROGRESS, note="เริ่มแล้ว"
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_PROGRESS
    assert plan.events.filter(kind=PlanEventKind.STARTED).count() == 1
    activity_progress(actor=actor_of(cast.staff), activity=activity, status=ActivityStatus.DONE)
    activity.refresh_from_db()
    assert activity.done_on == timezone.localdate()
    with pytest.raises(ValidationError, match="future"):
        activity_progress(
            actor=actor_of(cast.staff),
            activity=activity,
            status="done",
            done_on=timezone.localdate() + dt.timedelta(days=2),
        )
    with pytest.raises(PermissionDenied):
        activity_progress(actor=actor_of(cast.supervisor), activity=activity, status="done")
    with pytest.raises(ValidationError, match="not a web address"):
        activity_progress(
            actor=actor_of(cast.staff), activity=activity, status="done", evidence_link="javascript:x()"
        )
    assert audits("activity_progress") == 2


def test_progress_is_not_recorded_on_a_draft(world: World) -> None:
    plan = ready_plan(world)
    with pytest.raises(ValidationError, match="approved plan"):
        activity_progress(
            actor=actor_of(world.cast.staff), activity=plan.goals.first().activities.first(), status="done"
        )


def test_start_only_an_approved_plan(world: World) -> None:
    cast = world.cast
    plan = ready_plan(world)
    with pytest.raises(ValidationError, match="approved"):
        plan_start(actor=actor_of(cast.staff), plan=plan)
    plan = approved_plan_from(world, plan)
    with pytest.raises(PermissionDenied):
        plan_start(actor=actor_of(cast.supervisor), plan=plan)
    plan = plan_start(actor=actor_of(cast.staff), plan=plan)
    assert plan.status == PlanStatus.IN_PROGRESS
    with pytest.raises(ValidationError):
        plan_start(actor=actor_of(cast.staff), plan=plan)


def approved_plan_from(world: World, plan: Plan) -> Plan:
    return plan_approve(
        actor=actor_of(world.cast.supervisor), plan=plan_submit(actor=actor_of(world.cast.staff), plan=plan)
    )


def test_evidence_files_are_checked_and_kept(world: World, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    cast = world.cast
    activity = approved_plan(world).goals.first().activities.first()
    with pytest.raises(ValidationError, match="type not accepted"):
        activity_progress(
            actor=actor_of(cast.staff),
            activity=activity,
            status="done",
            evidence_file=SimpleUploadedFile("run.exe", b"MZ"),
        )
    big = SimpleUploadedFile("big.pdf", b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="10 MB"):
        activity_progress(actor=actor_of(cast.staff), activity=activity, status="done", evidence_file=big)
    fake = SimpleUploadedFile("report.pdf", b"MZ not a pdf")
    with pytest.raises(ValidationError, match="not a real pdf"):
        activity_progress(actor=actor_of(cast.staff), activity=activity, status="done", evidence_file=fake)
    activity_progress(
        actor=actor_of(cast.staff),
        activity=activity,
        status="done",
        evidence_link="https://example.test/report",
        evidence_file=SimpleUploadedFile("รายงานผล.pdf", b"%PDF-1.4 hello"),
    )
    activity.refresh_from_db()
    assert activity.evidence_name == "รายงานผล.pdf"
    assert activity.evidence_file.name.endswith(".pdf") and "รายงาน" not in activity.evidence_file.name
    assert activity.evidence_file.read() == b"%PDF-1.4 hello"


def test_complete_needs_every_activity_closed_and_every_goal_evaluated(world: World) -> None:
    cast = world.cast
    plan = plan_start(actor=actor_of(cast.staff), plan=approved_plan(world))
    goals = list(plan.goals.all())
    with pytest.raises(ValidationError) as exc:
        plan_complete(actor=actor_of(cast.staff), plan=plan)
    text = " ".join(exc.value.messages)
    assert "มอบหมายงานวิเคราะห์" in text and goals[0].what in text
    for goal in goals:
        for activity in goal.activities.all():
            activity_progress(actor=actor_of(cast.staff), activity=activity, status="done")
    activity_progress(actor=actor_of(cast.staff), activity=goals[1].activities.first(), status="cancelled")
    goal_evaluate(actor=actor_of(cast.staff), goal=goals[0], result=GoalResult.MET, note="ทำรายงานได้ 2 ฉบับ")
    with pytest.raises(ValidationError, match="self-evaluation"):
        plan_complete(actor=actor_of(cast.staff), plan=plan)
    with pytest.raises(ValidationError, match="Unknown self-evaluation"):
        goal_evaluate(actor=actor_of(cast.staff), goal=goals[1], result="great")
    goal_evaluate(actor=actor_of(cast.staff), goal=goals[1], result=GoalResult.PARTLY)
    with pytest.raises(PermissionDenied):
        plan_complete(actor=actor_of(cast.supervisor), plan=plan)
    plan = plan_complete(actor=actor_of(cast.staff), plan=plan)
    assert plan.status == PlanStatus.COMPLETED and plan.completed_at is not None
    assert len(inbox(cast.supervisor, "plan_completed")) == 1
    goals[0].refresh_from_db()
    assert goals[0].evaluated_at is not None and goals[0].result_note == "ทำรายงานได้ 2 ฉบับ"


# --- versions ----------------------------------------------------------------------------------


def test_revising_an_approved_plan_writes_a_new_version(world: World) -> None:
    cast = world.cast
    old = approved_plan(world)
    activity = old.goals.first().activities.first()
    activity_progress(actor=actor_of(cast.staff), activity=activity, status="done", note="เสร็จ")
    with pytest.raises(PermissionDenied):
        plan_revise(actor=actor_of(cast.supervisor), plan=old)
    new = plan_revise(actor=actor_of(cast.staff), plan=old, comment="เพิ่มเป้าหมาย")
    old.refresh_from_db()
    assert old.status == PlanStatus.SUPERSEDED and not old.is_current
    assert new.status == PlanStatus.DRAFT and new.is_current and new.version == 2 and new.previous == old
    assert new.goals.count() == old.goals.count() == 2
    copied = new.goals.first().activities.first()
    assert (
        copied.pk != activity.pk and copied.status == ActivityStatus.DONE and copied.progress_note == "เสร็จ"
    )
    assert old.goals.first().activities.first().pk == activity.pk  # the old version is untouched
    assert new.events.get().kind == PlanEventKind.REVISED
    with pytest.raises(ValidationError):
        plan_revise(actor=actor_of(cast.staff), plan=new)  # a draft is edited, not revised
    with pytest.raises(ValidationError):
        goal_update(
            actor=actor_of(cast.staff), goal=old.goals.first(), what="x"
        )  # the old version is read-only
    new = plan_approve(
        actor=actor_of(cast.supervisor), plan=plan_submit(actor=actor_of(cast.staff), plan=new)
    )
    assert new.status == PlanStatus.APPROVED
    assert list(Plan.objects.filter(person=cast.staff_person).values_list("version", "status")) == [
        (2, "approved"),
        (1, "superseded"),
    ]


# --- feedback and applications -----------------------------------------------------------------


def test_supervisors_up_the_chain_give_feedback(world: World) -> None:
    cast = world.cast
    draft = ready_plan(world)
    with pytest.raises(ValidationError, match="Feedback"):
        plan_feedback(actor=actor_of(cast.supervisor), plan=draft, comment="x")
    plan = approved_plan_from(world, draft)
    goal = plan.goals.first()
    event = plan_feedback(actor=actor_of(cast.supervisor), plan=plan, comment="ดีขึ้นมาก", goal=goal)
    assert event.kind == PlanEventKind.FEEDBACK and event.goal == goal and event.created_at is not None
    plan_feedback(actor=actor_of(cast.director), plan=plan, comment="ขอให้นำเสนอในที่ประชุม")
    for who in (cast.staff, cast.hr, cast.executive):
        with pytest.raises(PermissionDenied):
            plan_feedback(actor=actor_of(who), plan=plan, comment="x")
    with pytest.raises(ValidationError, match="Write the feedback"):
        plan_feedback(actor=actor_of(cast.supervisor), plan=plan, comment="")
    assert len(inbox(cast.staff, "plan_feedback")) == 2
    assert audits("plan_feedback") == 2


def test_applying_a_skill_is_recorded_and_acknowledged(world: World) -> None:
    cast = world.cast
    plan = approved_plan(world)
    goal = plan.goals.first()
    with pytest.raises(ValidationError, match="future"):
        application_record(
            actor=actor_of(cast.staff),
            person=cast.staff_person,
            title="x",
            applied_on=timezone.localdate() + dt.timedelta(days=1),
        )
    with pytest.raises(PermissionDenied):
        application_record(
            actor=actor_of(cast.supervisor),
            person=cast.staff_person,
            title="x",
            applied_on=dt.date(2025, 1, 1),
        )
    applied = application_record(
        actor=actor_of(cast.staff),
        person=cast.staff_person,
        title="แดชบอร์ดติดตามงบประมาณ",
        description="ลดเวลาทำรายงานจาก 3 วันเหลือ 1 ชั่วโมง",
        applied_on=timezone.localdate(),
        goal=goal,
    )
    assert len(inbox(cast.supervisor, "application_recorded")) == 1
    with pytest.raises(PermissionDenied):
        application_acknowledge(actor=actor_of(cast.staff), application=applied)
    with pytest.raises(PermissionDenied):
        application_acknowledge(actor=actor_of(cast.hr), application=applied)
    applied = application_acknowledge(
        actor=actor_of(cast.supervisor), application=applied, note="นำไปใช้ทั้งกอง"
    )
    assert applied.acknowledged_by == cast.supervisor_person and applied.acknowledged_at is not None
    assert len(inbox(cast.staff, "application_acknowledged")) == 1
    with pytest.raises(ValidationError, match="already"):
        application_acknowledge(actor=actor_of(cast.director), application=applied)
    assert audits("application_record") == 1 and audits("application_acknowledge") == 1


def test_a_goal_of_someone_else_cannot_be_linked(world: World) -> None:
    cast = world.cast
    plan = approved_plan(world)
    with pytest.raises(ValidationError, match="not one of your plans"):
        application_record(
            actor=actor_of(cast.supervisor),
            person=cast.supervisor_person,
            title="x",
            applied_on=timezone.localdate(),
            goal=plan.goals.first(),
        )


# --- settings ----------------------------------------------------------------------------------


def test_hr_sets_the_approval_limit(world: World) -> None:
    cast = world.cast
    with pytest.raises(PermissionDenied):
        plan_settings_update(actor=actor_of(cast.supervisor), agency=cast.dept, approval_limit_days=3)
    with pytest.raises(ValidationError, match="between 1 and 365"):
        plan_settings_update(actor=actor_of(cast.hr), agency=cast.dept, approval_limit_days=0)
    assert (
        plan_settings_update(
            actor=actor_of(cast.hr), agency=cast.dept, approval_limit_days=3
        ).approval_limit_days
        == 3
    )
    assert audits("plan_settings_update") == 1
    other_hr = make_user("other-hr", cast.other_dept, is_hr_admin=True)
    with pytest.raises(PermissionDenied):
        plan_settings_update(actor=actor_of(other_hr), agency=cast.dept, approval_limit_days=3)


def test_gaps_are_items_of_the_assessment(world: World) -> None:
    assert all(isinstance(g, AssessmentItem) and g.agreed_has is False for g in world.gaps)
