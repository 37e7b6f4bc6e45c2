"""Reads of development plans, always scoped to the actor's department first.

A plan is read by its person, by everyone above them in the chain of supervisors (and the
supervisors recorded on the plan), and by HR administrators (`accounts.access.require_person_access`);
an executive outside their line gets 404, someone else in the department 403, anyone outside it 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_noop

from digiskill.accounts.access import Actor, in_line, require_agency, require_person_access
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency, AnnouncementItem
from digiskill.agencies.selectors import current_target
from digiskill.assessments.models import Assessment, AssessmentItem, AssessmentStatus
from digiskill.learning.models import LearningResource
from digiskill.learning.selectors import suggest_for
from digiskill.lib.messages import render
from digiskill.lib.thai_dates import fiscal_year, fiscal_year_bounds
from digiskill.people.models import Person
from digiskill.people.selectors import my_skills, subordinate_ids, team_of
from digiskill.plans.balance import Balance, balance, sum_by_band
from digiskill.plans.models import (
    ActivityStatus,
    Application,
    Plan,
    PlanActivity,
    PlanEvent,
    PlanEventKind,
    PlanGoal,
    PlanSettings,
    PlanStatus,
)
from digiskill.plans.rules import EDITABLE, UNDER_WAY, approver_of, is_owner, may_approve, may_supervise
from digiskill.plans.smart import GoalIssue, goal_issues

DEFAULT_LIMIT_DAYS = 7


def agreed_assessment(person: Person) -> Assessment | None:
    """The person's current agreed self-assessment, whose gaps a plan develops."""
    return (
        Assessment.objects.filter(person=person, is_current=True, status=AssessmentStatus.AGREED)
        .order_by("-round")
        .first()
    )


def default_mission(agency: Agency) -> str:
    """The department's digital vision and goals, as the start of the plan's link to the mission."""
    target = current_target(agency)
    if target is None:
        return ""
    lines = [target.vision.strip()]
    lines += [f"- {g.text.strip()}" for g in target.goals.all()]
    return "\n".join(line for line in lines if line)


def submit_problems(plan: Plan) -> list[str]:
    """Why the plan cannot be submitted yet, each in Thai and English; empty when it can."""
    goals = list(plan.goals.prefetch_related("activities"))
    if not goals:
        return [render(gettext_noop("The plan has no development goal yet."))]
    _start, year_end = fiscal_year_bounds(plan.fiscal_year)
    problems = []
    for goal in goals:
        issues = goal_issues(
            what=goal.what,
            skill=goal.skill_th,
            measure=goal.measure,
            target=goal.target,
            start_date=goal.start_date,
            due_date=goal.due_date,
            activities=len(goal.activities.all()),
            year_end=year_end,
            fiscal_year=plan.fiscal_year,
        )
        problems += [i.both() for i in issues if i.blocking]
    return problems


def this_fiscal_year() -> int:
    """The Thai fiscal year (Buddhist era) of today in Bangkok."""
    return fiscal_year(timezone.localdate())


def plans_of_agency(actor: Actor) -> QuerySet[Plan]:
    """Every plan of the actor's department (404 for an outsider); callers check the role."""
    agency = require_agency(actor)
    return Plan.objects.filter(agency=agency).select_related(
        "person", "person__user", "supervisor", "next_level", "role", "group", "division"
    )


def get_plan_for_actor(actor: Actor, pk: int) -> Plan:
    """A plan the actor may read: the person, their line, the supervisors on the plan, HR (else 404/403)."""
    plan = plans_of_agency(actor).filter(pk=pk).first()
    if plan is None:
        raise Http404
    require_person_access(actor, plan.person, also=(plan.supervisor_id, plan.next_level_id))
    return plan


def get_goal_for_actor(actor: Actor, pk: int) -> PlanGoal:
    """A goal of a plan the actor may read."""
    agency = require_agency(actor)
    goal = PlanGoal.objects.filter(plan__agency=agency, pk=pk).select_related("plan").first()
    if goal is None:
        raise Http404
    goal.plan = get_plan_for_actor(actor, goal.plan_id)
    return goal


def get_activity_for_actor(actor: Actor, pk: int) -> PlanActivity:
    """An activity of a plan the actor may read."""
    agency = require_agency(actor)
    activity = PlanActivity.objects.filter(goal__plan__agency=agency, pk=pk).select_related("goal").first()
    if activity is None:
        raise Http404
    activity.goal = get_goal_for_actor(actor, activity.goal_id)
    return activity


def get_application_for_actor(actor: Actor, pk: int) -> Application:
    """A record of applying a skill, for its person, their supervisors and HR."""
    agency = require_agency(actor)
    application = (
        Application.objects.filter(agency=agency, pk=pk)
        .select_related("person", "person__supervisor", "goal", "acknowledged_by")
        .first()
    )
    if application is None:
        raise Http404
    require_person_access(actor, application.person)
    return application


def person_for_actor(actor: Actor) -> Person:
    """The actor's own person record (404 when the login is not linked to one)."""
    require_agency(actor)
    if actor.person is None:
        raise Http404
    return actor.person


# --- one plan ----------------------------------------------------------------------------------


def current_plan(person: Person, year: int) -> Plan | None:
    """The current version of the person's plan for a fiscal year."""
    return Plan.objects.filter(person=person, fiscal_year=year, is_current=True).order_by("-version").first()


def plans_of_person(person: Person) -> QuerySet[Plan]:
    """The person's current plans, newest fiscal year first."""
    return Plan.objects.filter(person=person, is_current=True).order_by("-fiscal_year")


def plan_versions(plan: Plan) -> list[Plan]:
    """Every version of the plan's fiscal year, newest first."""
    return list(
        Plan.objects.filter(person_id=plan.person_id, fiscal_year=plan.fiscal_year).order_by("-version")
    )


def goals_of(plan: Plan) -> list[PlanGoal]:
    """The plan's goals with their activities and gaps."""
    return list(
        plan.goals.select_related("gap", "unit", "component").prefetch_related(
            Prefetch("activities", PlanActivity.objects.select_related("resource"))
        )
    )


def events_of(plan: Plan) -> list[PlanEvent]:
    """The plan's timeline: each workflow step and the supervisor's feedback, oldest first."""
    return list(plan.events.select_related("actor", "goal"))


def feedback_of(plan: Plan) -> list[PlanEvent]:
    """The supervisor's dated feedback on the plan, newest first."""
    return list(
        plan.events.filter(kind=PlanEventKind.FEEDBACK)
        .select_related("actor", "goal")
        .order_by("-created_at", "-id")
    )


def last_return(plan: Plan) -> PlanEvent | None:
    """The comment the plan was last returned with, while it is returned."""
    if plan.status != PlanStatus.RETURNED:
        return None
    return (
        plan.events.filter(kind=PlanEventKind.RETURNED)
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )


def plan_balance(goals: list[PlanGoal]) -> Balance:
    """The 70:20:10 balance by hours of the activities not cancelled."""
    rows = [
        (a.band, a.hours) for g in goals for a in g.activities.all() if a.status != ActivityStatus.CANCELLED
    ]
    return balance(sum_by_band(rows))


@dataclass
class GoalView:
    """A goal for display: its issues and suggested learning resources."""

    goal: PlanGoal
    issues: list[GoalIssue]
    suggestions: list[LearningResource] = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        return any(i.blocking for i in self.issues)


def goal_views(plan: Plan, goals: list[PlanGoal], *, with_suggestions: bool = False) -> list[GoalView]:
    """Each goal with its S.M.A.R.T. issues (and learning suggestions for the editor)."""
    _start, year_end = fiscal_year_bounds(plan.fiscal_year)
    views = []
    for goal in goals:
        activities = list(goal.activities.all())
        issues = goal_issues(
            what=goal.what,
            skill=goal.skill_th,
            measure=goal.measure,
            target=goal.target,
            start_date=goal.start_date,
            due_date=goal.due_date,
            activities=len(activities),
            year_end=year_end,
            fiscal_year=plan.fiscal_year,
        )
        suggestions: list[LearningResource] = []
        if with_suggestions:
            used = {a.resource_id for a in activities}
            found = suggest_for(plan.agency, unit_id=goal.unit_id, text=goal.skill_th, limit=5)
            suggestions = [r for r in found if r.pk not in used][:3]
        views.append(GoalView(goal, issues, suggestions))
    return views


@dataclass
class PlanActions:
    """What the actor may do on one plan."""

    edit: bool = False
    submit: bool = False
    approve: bool = False
    start: bool = False
    progress: bool = False
    complete: bool = False
    revise: bool = False
    feedback: bool = False


def plan_actions(actor: Actor, plan: Plan) -> PlanActions:
    """Which buttons and forms to offer the actor on a plan's pages."""
    if not plan.is_current:
        return PlanActions()
    mine = actor.person is not None and is_owner(actor.user, plan.person)
    status = plan.status
    return PlanActions(
        edit=mine and status in EDITABLE,
        submit=mine and status in EDITABLE,
        approve=may_approve(actor.user, plan),
        start=mine and status == PlanStatus.APPROVED,
        progress=mine and status in UNDER_WAY,
        complete=mine and status == PlanStatus.IN_PROGRESS,
        revise=mine and status in UNDER_WAY,
        feedback=status in (*UNDER_WAY, PlanStatus.COMPLETED)
        and not mine
        and may_supervise(actor.user, plan.person),
    )


# --- gaps and required skills to plan from ------------------------------------------------------


def agreed_gaps(person: Person) -> list[AssessmentItem]:
    """The gaps agreed in the person's current reviewed self-assessment, by priority."""
    assessment = agreed_assessment(person)
    if assessment is None:
        return []
    items = assessment.items.filter(agreed_has=False).select_related("component", "unit", "area")
    return sorted(items, key=lambda i: (i.priority is None, i.priority or 0, i.order, i.pk))


def required_items(person: Person) -> list[AnnouncementItem]:
    """The skills announced for the person's group, to plan from before any agreed assessment."""
    skills = my_skills(person)
    if skills.entry is None:
        return []
    return [i for c in skills.components for i in c.items if isinstance(i, AnnouncementItem)]


def unused_gaps(plan: Plan) -> list[AssessmentItem]:
    """Agreed gaps the plan has no goal for yet."""
    used = set(plan.goals.exclude(gap=None).values_list("gap_id", flat=True))
    if plan.assessment_id is None:
        return []
    return [g for g in agreed_gaps(plan.person) if g.pk not in used and g.assessment_id == plan.assessment_id]


# --- waiting approvals --------------------------------------------------------------------------


@dataclass
class Waiting:
    """A submitted plan, who should act on it, and since when."""

    plan: Plan
    since: dt.datetime
    next_level: bool
    approver: Person | None

    @property
    def days(self) -> int:
        """Whole days waited so far."""
        return (timezone.now() - self.since).days


def waiting_of(plan: Plan) -> Waiting:
    """A submitted plan's wait: since when, at which step, for whom."""
    awaiting_next = plan.awaiting_next_level
    since = plan.first_approved_at if awaiting_next else plan.submitted_at
    return Waiting(plan, since or plan.updated_at, awaiting_next, approver_of(plan))


def _cannot_act(prefix: str) -> Q:
    """Where the recorded approver is missing, inactive or has no login: HR acts."""
    return (
        Q(**{f"{prefix}__isnull": True})
        | Q(**{f"{prefix}__user__isnull": True})
        | Q(**{f"{prefix}__is_active": False})
    )


FIRST_STEP = Q(first_approved_at__isnull=True) | Q(needs_next_level=False)
SECOND_STEP = Q(first_approved_at__isnull=False, needs_next_level=True)


def submitted_plans(agency: Agency) -> QuerySet[Plan]:
    """The department's plans waiting for an approval."""
    return Plan.objects.filter(agency=agency, status=PlanStatus.SUBMITTED, is_current=True).select_related(
        "person", "person__division", "supervisor", "next_level"
    )


def waiting_approvals(agency: Agency, year: int | None = None) -> list[Waiting]:
    """The department's plans waiting for an approval (of one fiscal year, if given), longest first."""
    plans = submitted_plans(agency)
    if year is not None:
        plans = plans.filter(fiscal_year=year)
    return sorted((waiting_of(p) for p in plans), key=lambda w: (w.since, w.plan.pk))


def waiting_approvals_named_for(actor: Actor, year: int | None = None) -> list[Waiting]:
    """The waiting approvals the actor may see by name: all of them for HR, their own line for others.

    Executives read the department's figures, but individuals only within their own line
    (docs/DESIGN.md, "Who sees what").
    """
    agency = require_agency(actor)
    waiting = waiting_approvals(agency, year)
    if actor.has(Role.HR_ADMIN):
        return waiting
    return [w for w in waiting if in_line(actor.person, w.plan.person)]


def waiting_for(actor: Actor) -> list[Waiting]:
    """Plans the actor should approve or return now, longest waiting first."""
    agency = require_agency(actor)
    me = actor.person
    mine = Q(pk__in=[])
    if me is not None:
        mine = (FIRST_STEP & Q(supervisor=me)) | (SECOND_STEP & Q(next_level=me))
    if actor.has(Role.HR_ADMIN):
        mine |= (FIRST_STEP & _cannot_act("supervisor")) | (SECOND_STEP & _cannot_act("next_level"))
    plans = [p for p in submitted_plans(agency).filter(mine) if may_approve(actor.user, p)]
    return sorted((waiting_of(p) for p in plans), key=lambda w: w.since)


def approval_limit(agency: Agency) -> int:
    """How many days an approval may wait before HR is shown it."""
    settings = PlanSettings.objects.filter(agency=agency).first()
    return settings.approval_limit_days if settings else DEFAULT_LIMIT_DAYS


def overdue_approvals(agency: Agency, now: dt.datetime | None = None) -> list[Waiting]:
    """Approvals waiting longer than the department's limit, longest first."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=approval_limit(agency))
    late = (FIRST_STEP & Q(submitted_at__lt=cutoff)) | (SECOND_STEP & Q(first_approved_at__lt=cutoff))
    return sorted((waiting_of(p) for p in submitted_plans(agency).filter(late)), key=lambda w: w.since)


# --- lists --------------------------------------------------------------------------------------


@dataclass
class TeamRow:
    """A person of the supervisor's team and their plan for the fiscal year (if any)."""

    person: Person
    plan: Plan | None
    waiting: bool = False


def team_plans(actor: Actor, year: int) -> list[TeamRow]:
    """The supervisor's whole chain of subordinates with their current plan for a fiscal year."""
    people = list(team_of(actor).filter(is_active=True))
    plans = {
        p.person_id: p
        for p in Plan.objects.filter(person__in=people, fiscal_year=year, is_current=True).select_related(
            "supervisor", "next_level"
        )
    }
    rows = []
    for person in people:
        plan = plans.get(person.pk)
        rows.append(TeamRow(person, plan, plan is not None and may_approve(actor.user, plan)))
    return rows


def department_plans(agency: Agency, year: int, status: str = "") -> QuerySet[Plan]:
    """The department's current plans for a fiscal year (HR), optionally of one status."""
    plans = Plan.objects.filter(agency=agency, fiscal_year=year, is_current=True).select_related(
        "person", "person__division", "role"
    )
    if status:
        plans = plans.filter(status=status)
    return plans.order_by("person__division__name_th", "person__first_name", "person__last_name")


def status_counts(agency: Agency, year: int) -> dict[str, int]:
    """How many current plans of a fiscal year are in each status."""
    counts = {s.value: 0 for s in PlanStatus if s != PlanStatus.SUPERSEDED}
    for status in Plan.objects.filter(agency=agency, fiscal_year=year, is_current=True).values_list(
        "status", flat=True
    ):
        counts[status] = counts.get(status, 0) + 1
    return counts


# --- applying the skills ------------------------------------------------------------------------


def applications_of(person: Person) -> QuerySet[Application]:
    """What the person recorded of applying skills at work, newest first."""
    return Application.objects.filter(person=person).select_related("goal", "acknowledged_by")


def team_applications(actor: Actor, *, pending_only: bool = False) -> list[Application]:
    """Records of the actor's team (or, for HR, of people with no supervisor who can act), newest first."""
    agency = require_agency(actor)
    me = actor.person
    people = Q(pk__in=[])
    if me is not None:
        people = Q(person_id__in=subordinate_ids(me))
    if actor.has(Role.HR_ADMIN):
        people |= Q(person__supervisor__isnull=True) | Q(person__supervisor__user__isnull=True)
    rows = Application.objects.filter(people, agency=agency).select_related(
        "person", "person__supervisor", "goal", "acknowledged_by"
    )
    if me is not None:
        rows = rows.exclude(person=me)
    if pending_only:
        rows = rows.filter(acknowledged_at__isnull=True)
    return [a for a in rows.order_by("-applied_on", "-id")[:200] if may_supervise(actor.user, a.person)]


def goals_for_applications(person: Person) -> QuerySet[PlanGoal]:
    """Goals of the person's current plans, to link a record of applying a skill to."""
    return (
        PlanGoal.objects.filter(plan__person=person, plan__is_current=True)
        .select_related("plan")
        .order_by("-plan__fiscal_year", "order", "id")
    )


def hours_total(goals: list[PlanGoal]) -> Decimal:
    """All planned hours of activities not cancelled."""
    return sum(
        (a.hours for g in goals for a in g.activities.all() if a.status != ActivityStatus.CANCELLED),
        Decimal(0),
    )
