"""Development plans as JSON under /api/v1/plans/.

The same access rules as the pages: a person reads their own plans, supervisors up the chain read
their team's, HR administrators read the department's; someone else's department is 404, a wrong
role 403, no session 401. Writes go through the same services as the pages; a step the rules
refuse is 422 with the reason. Evidence files are uploaded through the pages; the API takes links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar, cast

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from digiskill.accounts.access import Actor, ActorRequest, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import AnnouncementItem
from digiskill.assessments.models import AssessmentItem
from digiskill.core.apis import Id, Problem, StrictIn, refused
from digiskill.learning.models import LearningResource
from digiskill.learning.selectors import resources_for_agency, suggest_for
from digiskill.plans import selectors as sel
from digiskill.plans.models import Application, Plan, PlanGoal
from digiskill.plans.services import (
    PlanConflict,
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
    plan_start,
    plan_submit,
    plan_update,
)

router = Router(tags=["plans"])
T = TypeVar("T")
TEXT_MAX = 10_000  # a long page of writing; short fields keep their column's length


class ActivityOut(Schema):
    id: int
    kind: str
    band: int
    title: str
    resource_id: int | None
    hours: Decimal
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    done_on: dt.date | None
    progress_note: str
    evidence_link: str
    evidence_name: str


class PlanGoalOut(Schema):
    id: int
    gap_id: int | None
    unit: str | None
    skill_th: str
    what: str
    measure: str
    target: str
    start_date: dt.date | None
    due_date: dt.date | None
    how_to_apply: str
    result: str
    result_note: str
    activities: list[ActivityOut]
    warnings: list[str]


class EventOut(Schema):
    id: int
    kind: str
    comment: str
    goal_id: int | None
    actor_name: str
    created_at: dt.datetime


class BandOut(Schema):
    band: int
    target: int
    hours: Decimal
    percent: int


class BalanceOut(Schema):
    total: Decimal
    far_off: bool
    bands: list[BandOut]


class PlanSummary(Schema):
    id: int
    person_id: int
    person_name: str
    fiscal_year: int
    version: int
    is_current: bool
    status: str
    needs_next_level: bool
    awaiting_next_level: bool
    submitted_at: dt.datetime | None
    first_approved_at: dt.datetime | None
    approved_at: dt.datetime | None
    completed_at: dt.datetime | None


class PlanOut(PlanSummary):
    role: str | None
    specific_role_th: str
    mission: str
    supervisor_id: int | None
    next_level_id: int | None
    previous_id: int | None
    goals: list[PlanGoalOut]
    events: list[EventOut]
    balance: BalanceOut
    versions: list[int]


class PlanIn(StrictIn):
    """Start this fiscal year's plan from agreed gaps (assessment item ids) or required items."""

    gap_ids: list[Id] = Field([], max_length=200)
    item_ids: list[Id] = Field([], max_length=200)
    mission: str | None = Field(None, max_length=TEXT_MAX)


class PlanPatch(StrictIn):
    mission: str = Field(max_length=TEXT_MAX)


class GoalIn(StrictIn):
    gap_id: Id | None = None
    skill_th: str = Field("", max_length=TEXT_MAX)
    what: str = Field("", max_length=TEXT_MAX)
    measure: str = Field("", max_length=TEXT_MAX)
    target: str = Field("", max_length=255)
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    how_to_apply: str = Field("", max_length=TEXT_MAX)


class GoalPatch(StrictIn):
    skill_th: str | None = Field(None, max_length=TEXT_MAX)
    what: str | None = Field(None, max_length=TEXT_MAX)
    measure: str | None = Field(None, max_length=TEXT_MAX)
    target: str | None = Field(None, max_length=255)
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    how_to_apply: str | None = Field(None, max_length=TEXT_MAX)


class ActivityIn(StrictIn):
    kind: str = Field(max_length=16)
    title: str = Field(max_length=500)
    hours: Decimal = Decimal(0)
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class ActivityPatch(StrictIn):
    kind: str | None = Field(None, max_length=16)
    title: str | None = Field(None, max_length=500)
    hours: Decimal | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class ResourcePickIn(StrictIn):
    """A learning resource of the catalog, by id."""

    resource_id: Id


class ResourceBriefOut(Schema):
    """A learning resource suggested for a goal."""

    id: int
    title: str
    provider: str
    kind: str
    hours: Decimal | None
    url: str


class ProgressIn(StrictIn):
    status: str = Field(max_length=16)
    done_on: dt.date | None = None
    note: str = Field("", max_length=TEXT_MAX)
    evidence_link: str = Field("", max_length=1000)


class EvaluationIn(StrictIn):
    result: str = Field(max_length=16)
    note: str = Field("", max_length=TEXT_MAX)


class CommentIn(StrictIn):
    comment: str = Field("", max_length=TEXT_MAX)


class FeedbackIn(StrictIn):
    comment: str = Field(max_length=TEXT_MAX)
    goal_id: Id | None = None


class WaitingOut(Schema):
    plan: PlanSummary
    since: dt.datetime
    days: int
    next_level: bool


class ApplicationIn(StrictIn):
    title: str = Field(max_length=500)
    applied_on: dt.date
    description: str = Field("", max_length=TEXT_MAX)
    evidence_link: str = Field("", max_length=1000)
    goal_id: Id | None = None


class ApplicationOut(Schema):
    id: int
    person_id: int
    goal_id: int | None
    title: str
    description: str
    applied_on: dt.date
    evidence_link: str
    evidence_name: str
    acknowledged_by_id: int | None
    acknowledged_at: dt.datetime | None
    acknowledgement: str


class AckIn(StrictIn):
    note: str = Field("", max_length=TEXT_MAX)


def _actor(request: HttpRequest) -> Actor:
    return cast(ActorRequest, request).actor


def _run(write: Callable[[], T], code: int = 200) -> Status[Any]:
    """Run a service: its result (200/201), 409 when it lost a race, or 422 with the reason it was refused."""
    try:
        return Status(code, write())
    except PlanConflict as exc:
        return Status(409, Problem(detail=" ".join(exc.messages)))
    except ValidationError as exc:
        return refused(exc)


def _summary(plan: Plan) -> PlanSummary:
    """A plan's status and dates."""
    return PlanSummary(
        id=plan.pk,
        person_id=plan.person_id,
        person_name=plan.person.full_name,
        fiscal_year=plan.fiscal_year,
        version=plan.version,
        is_current=plan.is_current,
        status=plan.status,
        needs_next_level=plan.needs_next_level,
        awaiting_next_level=plan.awaiting_next_level,
        submitted_at=plan.submitted_at,
        first_approved_at=plan.first_approved_at,
        approved_at=plan.approved_at,
        completed_at=plan.completed_at,
    )


def _goal(goal: PlanGoal, warnings: list[str] | None = None) -> PlanGoalOut:
    """A goal with its activities (and, in a plan, its S.M.A.R.T. warnings)."""
    return PlanGoalOut(
        id=goal.pk,
        gap_id=goal.gap_id,
        unit=goal.unit.code if goal.unit_id and goal.unit else None,
        skill_th=goal.skill_th,
        what=goal.what,
        measure=goal.measure,
        target=goal.target,
        start_date=goal.start_date,
        due_date=goal.due_date,
        how_to_apply=goal.how_to_apply,
        result=goal.result,
        result_note=goal.result_note,
        activities=[ActivityOut.from_orm(a) for a in goal.activities.all()],
        warnings=warnings or [],
    )


def _plan_out(actor: Actor, plan: Plan) -> PlanOut:
    """A plan with its goals, activities, timeline, balance and versions."""
    goals = sel.goals_of(plan)
    views = {v.goal.pk: v for v in sel.goal_views(plan, goals)}
    result = sel.plan_balance(goals)
    return PlanOut(
        **_summary(plan).dict(),
        role=plan.role.code if plan.role else None,
        specific_role_th=plan.specific_role_th,
        mission=plan.mission,
        supervisor_id=plan.supervisor_id,
        next_level_id=plan.next_level_id,
        previous_id=plan.previous_id,
        goals=[_goal(g, [i.both() for i in views[g.pk].issues]) for g in goals],
        events=[EventOut.from_orm(e) for e in sel.events_of(plan)],
        balance=BalanceOut(
            total=result.total,
            far_off=result.far_off,
            bands=[
                BandOut(band=b.band, target=b.target, hours=b.hours, percent=b.percent) for b in result.bands
            ],
        ),
        versions=[v.pk for v in sel.plan_versions(plan)],
    )


def _plan_answer(actor: Actor, write: Callable[[], Plan], code: int = 200) -> Status[Any]:
    """Run a service returning a plan; answer with the plan as the caller sees it."""
    try:
        plan = write()
    except PlanConflict as exc:
        return Status(409, Problem(detail=" ".join(exc.messages)))
    except ValidationError as exc:
        return refused(exc)
    return Status(code, _plan_out(actor, sel.get_plan_for_actor(actor, plan.pk)))


PlanAnswer = {200: PlanOut, 201: PlanOut, 409: Problem, 422: Problem}


# --- lists --------------------------------------------------------------------------------------


@router.get("/", response=list[PlanSummary], summary="Plans: mine, my team's, or the department's")
def plan_list(request: HttpRequest, scope: str = "mine", fiscal_year: int | None = None) -> list[PlanSummary]:
    """`scope=mine` (every year), `team` (supervisors: current plans of the chain), `department` (HR)."""
    actor = _actor(request)
    agency = require_agency(actor)
    year = fiscal_year or sel.this_fiscal_year()
    if scope == "team":
        require_role(actor, Role.SUPERVISOR)
        return [_summary(r.plan) for r in sel.team_plans(actor, year) if r.plan is not None]
    if scope == "department":
        require_role(actor, Role.HR_ADMIN)
        return [_summary(p) for p in sel.department_plans(agency, year)]
    if actor.person is None:
        return []
    plans = sel.plans_of_person(actor.person).select_related("person")
    return [_summary(p) for p in (plans.filter(fiscal_year=fiscal_year) if fiscal_year else plans)]


@router.get("/waiting", response=list[WaitingOut], summary="Plans waiting for my approval")
def waiting(request: HttpRequest) -> list[WaitingOut]:
    """Plans the caller should approve or return now, longest waiting first."""
    actor = _actor(request)
    require_role(actor, Role.SUPERVISOR, Role.HR_ADMIN)
    return [
        WaitingOut(plan=_summary(w.plan), since=w.since, days=w.days, next_level=w.next_level)
        for w in sel.waiting_for(actor)
    ]


# --- applying the skills (Ind 5) ----------------------------------------------------------------


@router.get("/applications", response=list[ApplicationOut], summary="Skills applied at work")
def application_list(request: HttpRequest, scope: str = "mine") -> list[Application]:
    """`scope=mine` or `team` (supervisors, and HR for people without a supervisor)."""
    actor = _actor(request)
    require_agency(actor)
    if scope == "team":
        require_role(actor, Role.SUPERVISOR, Role.HR_ADMIN)
        return sel.team_applications(actor)
    return list(sel.applications_of(actor.person)) if actor.person else []


@router.post(
    "/applications", response={201: ApplicationOut, 422: Problem}, summary="Record a skill applied at work"
)
def application_create(request: HttpRequest, data: ApplicationIn) -> Status[Any]:
    actor = _actor(request)
    person = sel.person_for_actor(actor)
    goal = sel.get_goal_for_actor(actor, data.goal_id) if data.goal_id else None
    values = data.dict(exclude={"goal_id"})
    return _run(lambda: application_record(actor=actor, person=person, goal=goal, **values), 201)


@router.post(
    "/applications/{pk}/acknowledge", response={200: ApplicationOut, 422: Problem}, summary="Acknowledge"
)
def application_ack(request: HttpRequest, pk: int, data: AckIn) -> Status[Any]:
    actor = _actor(request)
    application = sel.get_application_for_actor(actor, pk)
    return _run(lambda: application_acknowledge(actor=actor, application=application, note=data.note))


# --- goals and activities -----------------------------------------------------------------------


@router.patch("/goals/{pk}", response={200: PlanGoalOut, 422: Problem}, summary="Change a goal")
def goal_patch(request: HttpRequest, pk: int, data: GoalPatch) -> Status[Any]:
    actor = _actor(request)
    goal = sel.get_goal_for_actor(actor, pk)
    values = data.dict(exclude_unset=True)
    return _run(lambda: _goal(goal_update(actor=actor, goal=goal, **values)))


@router.delete("/goals/{pk}", response={204: None, 422: Problem}, summary="Remove a goal")
def goal_remove(request: HttpRequest, pk: int) -> Status[Any]:
    actor = _actor(request)
    goal = sel.get_goal_for_actor(actor, pk)
    return _run(lambda: goal_delete(actor=actor, goal=goal), 204)


@router.get(
    "/goals/{pk}/suggestions", response=list[ResourceBriefOut], summary="Learning resources for a goal"
)
def goal_suggestions(request: HttpRequest, pk: int) -> list[LearningResource]:
    goal = sel.get_goal_for_actor(_actor(request), pk)
    return suggest_for(goal.plan.agency, unit_id=goal.unit_id, text=goal.skill_th)


@router.post("/goals/{pk}/activities", response={201: ActivityOut, 422: Problem}, summary="Add an activity")
def activity_create(request: HttpRequest, pk: int, data: ActivityIn) -> Status[Any]:
    actor = _actor(request)
    goal = sel.get_goal_for_actor(actor, pk)
    return _run(lambda: activity_add(actor=actor, goal=goal, **data.dict()), 201)


@router.post(
    "/goals/{pk}/activities/from-resource",
    response={201: ActivityOut, 422: Problem},
    summary="Add a learning resource as an activity",
)
def activity_create_from_resource(request: HttpRequest, pk: int, data: ResourcePickIn) -> Status[Any]:
    actor = _actor(request)
    goal = sel.get_goal_for_actor(actor, pk)
    resource = resources_for_agency(goal.plan.agency).filter(pk=data.resource_id).first()
    if resource is None:
        raise Http404
    return _run(lambda: activity_add_resource(actor=actor, goal=goal, resource=resource), 201)


@router.post(
    "/goals/{pk}/evaluation", response={200: PlanGoalOut, 422: Problem}, summary="Self-evaluate a goal"
)
def goal_evaluation(request: HttpRequest, pk: int, data: EvaluationIn) -> Status[Any]:
    actor = _actor(request)
    goal = sel.get_goal_for_actor(actor, pk)
    return _run(lambda: _goal(goal_evaluate(actor=actor, goal=goal, result=data.result, note=data.note)))


@router.patch("/activities/{pk}", response={200: ActivityOut, 422: Problem}, summary="Change an activity")
def activity_patch(request: HttpRequest, pk: int, data: ActivityPatch) -> Status[Any]:
    actor = _actor(request)
    activity = sel.get_activity_for_actor(actor, pk)
    values = data.dict(exclude_unset=True)
    return _run(lambda: activity_update(actor=actor, activity=activity, **values))


@router.delete("/activities/{pk}", response={204: None, 422: Problem}, summary="Remove an activity")
def activity_remove(request: HttpRequest, pk: int) -> Status[Any]:
    actor = _actor(request)
    activity = sel.get_activity_for_actor(actor, pk)
    return _run(lambda: activity_delete(actor=actor, activity=activity), 204)


@router.post(
    "/activities/{pk}/progress", response={200: ActivityOut, 422: Problem}, summary="Record progress"
)
def activity_progress_api(request: HttpRequest, pk: int, data: ProgressIn) -> Status[Any]:
    actor = _actor(request)
    activity = sel.get_activity_for_actor(actor, pk)
    return _run(lambda: activity_progress(actor=actor, activity=activity, **data.dict()))


# --- plans and their workflow -------------------------------------------------------------------


@router.post("/", response=PlanAnswer, summary="Start this fiscal year's plan")
def plan_new(request: HttpRequest, data: PlanIn) -> Status[Any]:
    actor = _actor(request)
    person = sel.person_for_actor(actor)
    gaps = list(AssessmentItem.objects.filter(pk__in=data.gap_ids, person=person))
    items = list(
        AnnouncementItem.objects.filter(pk__in=data.item_ids, entry__announcement__agency=person.agency)
    )
    if len(gaps) != len(set(data.gap_ids)) or len(items) != len(set(data.item_ids)):
        return Status(422, Problem(detail="ไม่พบรายการที่เลือก / Unknown gap or item"))
    return _plan_answer(
        actor,
        lambda: plan_create(
            actor=actor,
            person=person,
            fiscal_year=sel.this_fiscal_year(),
            gaps=gaps,
            items=items,
            mission=data.mission,
        ),
        201,
    )


@router.get("/{pk}", response=PlanOut, summary="One plan")
def plan_detail(request: HttpRequest, pk: int) -> PlanOut:
    actor = _actor(request)
    return _plan_out(actor, sel.get_plan_for_actor(actor, pk))


@router.patch("/{pk}", response=PlanAnswer, summary="Change the link to the mission")
def plan_patch(request: HttpRequest, pk: int, data: PlanPatch) -> Status[Any]:
    actor = _actor(request)
    plan = sel.get_plan_for_actor(actor, pk)
    return _plan_answer(actor, lambda: plan_update(actor=actor, plan=plan, mission=data.mission))


@router.post("/{pk}/goals", response={201: PlanGoalOut, 422: Problem}, summary="Add a goal")
def goal_create(request: HttpRequest, pk: int, data: GoalIn) -> Status[Any]:
    actor = _actor(request)
    plan = sel.get_plan_for_actor(actor, pk)
    gap = None
    if data.gap_id is not None:
        gap = AssessmentItem.objects.filter(pk=data.gap_id, person_id=plan.person_id).first()
        if gap is None:
            return Status(422, Problem(detail="ไม่พบช่องว่างทักษะที่เลือก / Unknown gap"))
    values = data.dict(exclude={"gap_id"})
    return _run(lambda: _goal(goal_add(actor=actor, plan=plan, gap=gap, **values)), 201)


def _step(request: HttpRequest, pk: int, step: Callable[..., Plan], **given: str) -> Status[Any]:
    """Take one workflow step on a plan the caller sees; answer with the plan."""
    actor = _actor(request)
    plan = sel.get_plan_for_actor(actor, pk)
    return _plan_answer(actor, lambda: step(actor=actor, plan=plan, **given))


@router.post("/{pk}/submit", response=PlanAnswer, summary="Send for approval")
def plan_submit_api(request: HttpRequest, pk: int) -> Status[Any]:
    """The person sends a draft or returned plan to the supervisor."""
    return _step(request, pk, plan_submit)


@router.post("/{pk}/approve", response=PlanAnswer, summary="Approve (first or next-level)")
def plan_approve_api(request: HttpRequest, pk: int, data: CommentIn) -> Status[Any]:
    """The supervisor approves (and, where needed, the next-level supervisor after them)."""
    return _step(request, pk, plan_approve, comment=data.comment)


@router.post("/{pk}/return", response=PlanAnswer, summary="Return with comments")
def plan_return_api(request: HttpRequest, pk: int, data: CommentIn) -> Status[Any]:
    """The supervisor returns the plan to the person, saying what to change."""
    return _step(request, pk, plan_return, comment=data.comment)


@router.post("/{pk}/start", response=PlanAnswer, summary="Start the plan")
def plan_start_api(request: HttpRequest, pk: int) -> Status[Any]:
    """The person starts an approved plan."""
    return _step(request, pk, plan_start)


@router.post("/{pk}/complete", response=PlanAnswer, summary="Complete the plan")
def plan_complete_api(request: HttpRequest, pk: int) -> Status[Any]:
    """The person closes a plan whose goals are all self-evaluated."""
    return _step(request, pk, plan_complete)


@router.post("/{pk}/revise", response=PlanAnswer, summary="Start a new version")
def plan_revise_api(request: HttpRequest, pk: int, data: CommentIn) -> Status[Any]:
    """The person starts a new version of an approved plan or one in progress."""
    return _step(request, pk, plan_revise, comment=data.comment)


@router.post("/{pk}/feedback", response={201: EventOut, 422: Problem}, summary="Give feedback")
def feedback(request: HttpRequest, pk: int, data: FeedbackIn) -> Status[Any]:
    actor = _actor(request)
    plan = sel.get_plan_for_actor(actor, pk)
    goal = None
    if data.goal_id is not None:
        goal = PlanGoal.objects.filter(pk=data.goal_id, plan=plan).first()
        if goal is None:
            return Status(422, Problem(detail="เป้าหมายไม่อยู่ในแผนนี้ / The goal is not part of this plan"))
    return _run(lambda: plan_feedback(actor=actor, plan=plan, comment=data.comment, goal=goal), 201)
