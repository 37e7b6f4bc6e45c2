"""Writes on development plans (IDP, Ind 3.3-5); each one is atomic and leaves one audit row.

Workflow: draft → submitted → approved (or returned with comments → edited → submitted …) →
in progress → completed. A plan of someone with a person-specific role needs the next-level
supervisor after the supervisor. Where nobody above can act, an HR administrator does.
Revising an approved plan writes a new version that needs approval again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from digiskill.accounts.access import Actor, hr_users, is_hr_admin
from digiskill.accounts.audit import assign, audit_record
from digiskill.accounts.models import User
from digiskill.agencies.models import Agency, AnnouncementItem
from digiskill.assessments.models import AssessmentItem
from digiskill.inbox.services import notify
from digiskill.learning.models import LearningResource, ResourceKind
from digiskill.lib import evidence
from digiskill.lib.messages import Refusal, render_in, text
from digiskill.lib.text import normalise_text
from digiskill.people.models import Person
from digiskill.people.selectors import my_skills
from digiskill.plans.models import (
    BAND_OF_KIND,
    ActivityKind,
    ActivityStatus,
    Application,
    GoalResult,
    Plan,
    PlanActivity,
    PlanEvent,
    PlanEventKind,
    PlanGoal,
    PlanSettings,
    PlanStatus,
)
from digiskill.plans.rules import (
    EDITABLE,
    UNDER_WAY,
    approver_of,
    is_owner,
    may_approve,
    may_supervise,
    supervisors_of,
)
from digiskill.plans.selectors import agreed_assessment, default_mission, submit_problems

EVIDENCE_TYPES = tuple(ext.lstrip(".") for ext in evidence.SIGNATURES)
MAX_HOURS = Decimal("9999")
GOAL_FIELDS = ("skill_th", "what", "measure", "target", "start_date", "due_date", "how_to_apply")
ACTIVITY_FIELDS = ("kind", "title", "hours", "start_date", "end_date")

KIND_OF_RESOURCE: dict[str, str] = {
    ResourceKind.E_LEARNING: ActivityKind.E_LEARNING,
    ResourceKind.COURSE: ActivityKind.TRAINING,
    ResourceKind.CLASSROOM: ActivityKind.CLASSROOM,
    ResourceKind.SEMINAR: ActivityKind.SEMINAR,
    ResourceKind.BOOK: ActivityKind.SELF_STUDY,
    ResourceKind.VIDEO: ActivityKind.SELF_STUDY,
    ResourceKind.COMMUNITY: ActivityKind.COMMUNITY,
    ResourceKind.OTHER: ActivityKind.SELF_STUDY,
}
"""The kind of development activity a learning resource becomes when added to a plan."""


class PlanConflict(ValidationError):
    """A write lost a race with another one made at the same moment (the API answers 409)."""


def _thai(msgid: str, **params: object) -> str:
    """A notification text, in Thai."""
    return render_in("th", msgid, params)


def _name(user: User | None) -> str:
    """Who took a step, as recorded on the event."""
    if user is None:
        return "system"
    return (user.get_full_name() or user.get_username())[:255]


def _event(
    plan: Plan, kind: PlanEventKind, actor: Actor, comment: str = "", goal: PlanGoal | None = None
) -> PlanEvent:
    """Record one step of the plan's workflow."""
    return PlanEvent.objects.create(
        plan=plan, goal=goal, kind=kind, comment=comment, actor=actor.user, actor_name=_name(actor.user)
    )


def _audit(actor: Actor, action: str, obj: Any, plan: Plan, changes: dict[str, Any]) -> None:
    """One audit row, in the plan's department."""
    audit_record(actor=actor, action=action, obj=obj, agency_id=plan.agency_id, changes=changes)


def _plan_url(plan: Plan, name: str = "plans:detail") -> str:
    return reverse(name, kwargs={"pk": plan.pk})


def _locked(plan: Plan) -> Plan:
    """The plan re-read and locked for this transaction, so two clicks cannot both pass a check."""
    return (
        Plan.objects.select_for_update(of=("self",))
        .select_related("person", "supervisor", "next_level", "agency")
        .get(pk=plan.pk)
    )


def _require_owner(actor: Actor, person: Person) -> None:
    if not is_owner(actor.user, person):
        raise PermissionDenied


def _require_editable(plan: Plan) -> None:
    if not plan.is_current or plan.status not in EDITABLE:
        raise Refusal(gettext_noop("The plan can be changed only as a draft or when returned for changes."))


def _text(value: str) -> str:
    """Normalised text (NFC, no zero-width characters, single spaces), keeping its lines."""
    lines = [normalise_text(line) for line in (value or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def _check_dates(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and start > end:
        raise Refusal(
            gettext_noop("The start date %(start)s is after the end date %(end)s."),
            start=start.isoformat(),
            end=end.isoformat(),
        )


def _hours(value: Decimal | int | float | str | None) -> Decimal:
    try:
        hours = Decimal(str(value if value not in (None, "") else 0)).quantize(Decimal("0.1"))
    except InvalidOperation as exc:
        raise Refusal(gettext_noop("Hours must be a number: %(value)s."), value=value) from exc
    if hours < 0 or hours > MAX_HOURS:
        raise Refusal(gettext_noop("Hours must be between 0 and 9999: %(value)s."), value=value)
    return hours


def _check_evidence(upload: UploadedFile[Any] | None) -> None:
    """Refuse an evidence file of another type, larger than 10 MB, or whose content is not its type."""
    if upload is not None:
        evidence.check_evidence(upload.name or "", upload.size or 0, upload)


def _link(value: str) -> str:
    """An evidence link: empty, or a web address (http or https), named when refused."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as exc:
        msgid = gettext_noop("The evidence link %(link)s is not a web address.")
        raise Refusal(msgid, link=value[:200]) from exc
    if len(value) > 1000:
        raise Refusal(gettext_noop("The evidence link is longer than 1000 characters."))
    return value


def _discard_evidence(instance: PlanActivity | Application) -> None:
    """Delete the instance's evidence file after commit, unless another row (a plan version) shares it."""
    model = type(instance)
    evidence.discard_after_commit(
        instance.evidence_file, still_used=lambda name: model.objects.filter(evidence_file=name).exists()
    )


def _store_evidence(instance: PlanActivity | Application, upload: UploadedFile[Any]) -> None:
    """Keep the file under a random name (the original name is kept for the download); the one it
    replaces is deleted after commit."""
    _discard_evidence(instance)
    ext = PurePath(upload.name or "").suffix.lower()
    instance.evidence_file.save(f"{uuid.uuid4().hex}{ext}", upload, save=False)
    instance.evidence_name = PurePath(upload.name or "").name[:255]


def _approver_users(plan: Plan) -> list[User | None]:
    """Who should act on a submitted plan now: the approver, or the HR administrators in their place."""
    who = approver_of(plan)
    if who is not None:
        return [who.user]
    return list(hr_users(plan.agency_id))


def _supervisor_users(person: Person) -> list[User | None]:
    """The person's supervisor, or HR when there is none who can act."""
    chain = supervisors_of(person)
    boss = chain[0] if chain else None
    if boss is not None and boss.is_active and boss.user_id is not None:
        return [boss.user]
    return list(hr_users(person.agency_id))


# --- creating and editing a plan ---------------------------------------------------------------


def _skill_of(component_name: str, unit: Any, text: str) -> str:
    """What a goal develops: the unit's code and name, or the item's text."""
    if unit is not None:
        return f"{unit.code} {unit.name_th}"
    return text or component_name


def _snapshot(person: Person) -> dict[str, Any]:
    """Who the person is now: division, group, expected role and the supervisors who approve."""
    boss = person.supervisor
    return {
        "division": person.division,
        "group": person.group,
        "role": my_skills(person).role,
        "specific_role_th": person.specific_role_th,
        "needs_next_level": bool(person.specific_role_th.strip()),
        "supervisor": boss,
        "next_level": boss.supervisor if boss is not None else None,
    }


@transaction.atomic
def plan_create(
    *,
    actor: Actor,
    person: Person,
    fiscal_year: int,
    gaps: Sequence[AssessmentItem] = (),
    items: Sequence[AnnouncementItem] = (),
    mission: str | None = None,
) -> Plan:
    """Start the person's plan for a fiscal year, with a goal for each chosen gap or required item."""
    _require_owner(actor, person)
    if Plan.objects.filter(person=person, fiscal_year=fiscal_year, is_current=True).exists():
        raise Refusal(
            gettext_noop("A development plan for fiscal year %(year)s already exists."), year=fiscal_year
        )
    assessment = agreed_assessment(person)
    for chosen in gaps:
        if assessment is None or chosen.assessment_id != assessment.pk or chosen.agreed_has is not False:
            raise Refusal(gettext_noop("“%(item)s” is not one of your agreed gaps."), item=str(chosen))
    skills = my_skills(person)
    required = {i.pk for i in skills.entry.items.all()} if skills.entry is not None else set()
    for item in items:
        if item.pk not in required:
            raise Refusal(gettext_noop("“%(item)s” is not one of your required skills."), item=str(item))
    version = (
        (Plan.objects.filter(person=person, fiscal_year=fiscal_year).aggregate(v=Max("version"))["v"]) or 0
    )
    try:
        with transaction.atomic():  # a savepoint: the loser of a race is refused, not broken
            plan = Plan.objects.create(
                agency_id=person.agency_id,
                person=person,
                fiscal_year=fiscal_year,
                version=version + 1,
                assessment=assessment,
                mission=_text(mission if mission is not None else default_mission(person.agency)),
                **_snapshot(person),
            )
    except IntegrityError:
        # Another request started the same plan between the check above and this insert.
        raise PlanConflict(
            text(
                gettext_noop("A development plan for fiscal year %(year)s already exists."), year=fiscal_year
            )
        ) from None
    ordered = sorted(gaps, key=lambda g: (g.priority is None, g.priority or 0, g.order, g.pk))
    sources: list[tuple[AssessmentItem | None, Any]] = [(g, g) for g in ordered]
    sources += [(None, i) for i in items]
    for order, (gap, item) in enumerate(sources, start=1):
        PlanGoal.objects.create(
            plan=plan,
            gap=gap,
            component_id=item.component_id,
            unit_id=item.unit_id,
            skill_th=_skill_of(item.component.name_th, item.unit, item.text_th),
            what="",
            order=order,
        )
    _event(plan, PlanEventKind.CREATED, actor)
    _audit(
        actor,
        "plan_create",
        plan,
        plan,
        {"fiscal_year": [None, fiscal_year], "goals": [None, len(sources)], "version": [None, plan.version]},
    )
    return plan


@transaction.atomic
def plan_update(*, actor: Actor, plan: Plan, mission: str) -> Plan:
    """Change how the plan links to the department's mission."""
    plan = _locked(plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    changes = assign(plan, {"mission": _text(mission)})
    if changes:
        plan.save(update_fields=["mission", "updated_at"])
        _audit(actor, "plan_update", plan, plan, changes)
    return plan


def _goal_values(plan: Plan, values: dict[str, Any]) -> dict[str, Any]:
    """Clean goal fields and check them."""
    unknown = set(values) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"unknown goal fields: {sorted(unknown)}")
    cleaned: dict[str, Any] = {k: (_text(v) if isinstance(v, str) else v) for k, v in values.items()}
    if "skill_th" in cleaned and not cleaned["skill_th"]:
        raise Refusal(gettext_noop("Say which skill the goal develops."))
    _check_dates(cleaned.get("start_date"), cleaned.get("due_date"))
    return cleaned


@transaction.atomic
def goal_add(
    *,
    actor: Actor,
    plan: Plan,
    skill_th: str = "",
    gap: AssessmentItem | None = None,
    **values: Any,
) -> PlanGoal:
    """Add a development goal: for one of the agreed gaps, or a free one naming its skill."""
    plan = _locked(plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    if gap is not None:
        if (
            plan.assessment_id is None
            or gap.assessment_id != plan.assessment_id
            or gap.agreed_has is not False
        ):
            raise Refusal(gettext_noop("“%(item)s” is not one of your agreed gaps."), item=str(gap))
        if plan.goals.filter(gap=gap).exists():
            raise Refusal(gettext_noop("The plan already has a goal for “%(item)s”."), item=str(gap))
        skill_th = skill_th or _skill_of(gap.component.name_th, gap.unit, gap.text_th)
    cleaned = _goal_values(plan, {"skill_th": skill_th, **values})
    last = plan.goals.aggregate(o=Max("order"))["o"] or 0
    goal = PlanGoal.objects.create(
        plan=plan,
        gap=gap,
        component_id=gap.component_id if gap else None,
        unit_id=gap.unit_id if gap else None,
        order=last + 1,
        **{"what": "", **cleaned},
    )
    _audit(actor, "goal_add", goal, plan, {k: [None, v] for k, v in cleaned.items()})
    return goal


@transaction.atomic
def goal_update(*, actor: Actor, goal: PlanGoal, **values: Any) -> PlanGoal:
    """Change a goal's S.M.A.R.T. fields, its period or how it will be used at work."""
    plan = _locked(goal.plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    cleaned = _goal_values(plan, values)
    start: dt.date | None = cleaned.get("start_date", goal.start_date)
    due: dt.date | None = cleaned.get("due_date", goal.due_date)
    _check_dates(start, due)
    changes = assign(goal, cleaned)
    if changes:
        goal.save(update_fields=list(changes))
        _audit(actor, "goal_update", goal, plan, changes)
    return goal


@transaction.atomic
def goal_delete(*, actor: Actor, goal: PlanGoal) -> None:
    """Remove a goal and its activities from a draft or returned plan."""
    plan = _locked(goal.plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    _audit(actor, "goal_delete", goal, plan, {"what": [goal.what or goal.skill_th, None]})
    for activity in goal.activities.exclude(evidence_file=""):
        _discard_evidence(activity)
    goal.delete()


def _activity_values(values: dict[str, Any]) -> dict[str, Any]:
    """Clean activity fields and check them."""
    unknown = set(values) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    cleaned = dict(values)
    if "kind" in cleaned:
        if cleaned["kind"] not in ActivityKind.values:
            raise Refusal(gettext_noop("Unknown kind of activity: %(kind)s."), kind=cleaned["kind"])
        cleaned["band"] = BAND_OF_KIND[cleaned["kind"]]
    if "title" in cleaned:
        cleaned["title"] = _text(cleaned["title"])[:500]
        if not cleaned["title"]:
            raise Refusal(gettext_noop("Describe the activity."))
    if "hours" in cleaned:
        cleaned["hours"] = _hours(cleaned["hours"])
    _check_dates(cleaned.get("start_date"), cleaned.get("end_date"))
    return cleaned


@transaction.atomic
def activity_add(
    *,
    actor: Actor,
    goal: PlanGoal,
    kind: str,
    title: str,
    hours: Decimal | int | float | str = 0,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    resource: LearningResource | None = None,
) -> PlanActivity:
    """Add a development activity, typed by the 70:20:10 model, to a goal."""
    plan = _locked(goal.plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    if resource is not None and (not resource.is_active or resource.agency_id not in (None, plan.agency_id)):
        raise Refusal(gettext_noop("This learning resource is not available to the department."))
    cleaned = _activity_values(
        {"kind": kind, "title": title, "hours": hours, "start_date": start_date, "end_date": end_date}
    )
    last = goal.activities.aggregate(o=Max("order"))["o"] or 0
    activity = PlanActivity.objects.create(goal=goal, resource=resource, order=last + 1, **cleaned)
    changes = {k: [None, v] for k, v in cleaned.items()}
    if resource is not None:
        changes["resource"] = [None, resource.pk]
    _audit(actor, "activity_add", activity, plan, changes)
    return activity


def activity_add_resource(*, actor: Actor, goal: PlanGoal, resource: LearningResource) -> PlanActivity:
    """One click: a suggested learning resource becomes an activity (kind and hours from the resource)."""
    return activity_add(
        actor=actor,
        goal=goal,
        kind=KIND_OF_RESOURCE.get(resource.kind, ActivityKind.SELF_STUDY),
        title=f"{resource.title} ({resource.provider})" if resource.provider else resource.title,
        hours=resource.hours or 0,
        start_date=goal.start_date,
        end_date=goal.due_date,
        resource=resource,
    )


@transaction.atomic
def activity_update(*, actor: Actor, activity: PlanActivity, **values: Any) -> PlanActivity:
    """Change an activity of a draft or returned plan."""
    plan = _locked(activity.goal.plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    cleaned = _activity_values(values)
    _check_dates(cleaned.get("start_date", activity.start_date), cleaned.get("end_date", activity.end_date))
    changes = assign(activity, cleaned)
    if changes:
        activity.save(update_fields=list(changes))
        _audit(actor, "activity_update", activity, plan, changes)
    return activity


@transaction.atomic
def activity_delete(*, actor: Actor, activity: PlanActivity) -> None:
    """Remove an activity from a draft or returned plan."""
    plan = _locked(activity.goal.plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    _audit(actor, "activity_delete", activity, plan, {"title": [activity.title, None]})
    _discard_evidence(activity)
    activity.delete()


# --- the approval workflow ---------------------------------------------------------------------


@transaction.atomic
def plan_submit(*, actor: Actor, plan: Plan) -> Plan:
    """Send the plan to the supervisor (or to HR when there is none who can act)."""
    plan = _locked(plan)
    _require_owner(actor, plan.person)
    _require_editable(plan)
    problems = submit_problems(plan)
    if problems:
        raise ValidationError(problems)
    snapshot = _snapshot(plan.person)
    snapshot["role"] = snapshot["role"] or plan.role
    changes = assign(
        plan,
        {
            **snapshot,
            "status": PlanStatus.SUBMITTED,
            "submitted_at": timezone.now(),
            "first_approved_at": None,
        },
    )
    plan.save()
    _event(plan, PlanEventKind.SUBMITTED, actor)
    notify(
        agency=plan.agency,
        recipients=_approver_users(plan),
        kind="plan_submitted",
        title=_thai(
            gettext_noop("%(name)s sent a development plan for approval"), name=plan.person.full_name
        ),
        body=_thai(
            gettext_noop("Fiscal year %(year)s, version %(version)s."),
            year=plan.fiscal_year,
            version=plan.version,
        ),
        url=_plan_url(plan, "plans:review"),
    )
    _audit(actor, "plan_submit", plan, plan, changes)
    return plan


def _require_approver(actor: Actor, plan: Plan) -> None:
    if plan.status != PlanStatus.SUBMITTED or not plan.is_current:
        raise Refusal(gettext_noop("The plan is not waiting for approval."))
    if not may_approve(actor.user, plan):
        raise PermissionDenied


@transaction.atomic
def plan_approve(*, actor: Actor, plan: Plan, comment: str = "") -> Plan:
    """Approve the plan; for a person-specific role the supervisor's approval goes on to the next level."""
    plan = _locked(plan)
    _require_approver(actor, plan)
    comment = _text(comment)
    now = timezone.now()
    if plan.needs_next_level and plan.first_approved_at is None:
        changes = assign(plan, {"first_approved_at": now})
        plan.save(update_fields=["first_approved_at", "updated_at"])
        _event(plan, PlanEventKind.FIRST_APPROVED, actor, comment)
        notify(
            agency=plan.agency,
            recipients=_approver_users(plan),
            kind="plan_first_approved",
            title=_thai(
                gettext_noop(
                    "The development plan of %(name)s awaits your approval as next-level supervisor"
                ),
                name=plan.person.full_name,
            ),
            body=comment,
            url=_plan_url(plan, "plans:review"),
        )
        _audit(actor, "plan_first_approve", plan, plan, changes)
        return plan
    changes = assign(plan, {"status": PlanStatus.APPROVED, "approved_at": now})
    plan.save(update_fields=["status", "approved_at", "updated_at"])
    _event(plan, PlanEventKind.APPROVED, actor, comment)
    notify(
        agency=plan.agency,
        recipients=[plan.person.user],
        kind="plan_approved",
        title=_thai(
            gettext_noop("Your development plan for fiscal year %(year)s is approved"), year=plan.fiscal_year
        ),
        body=comment,
        url=_plan_url(plan),
    )
    _audit(actor, "plan_approve", plan, plan, changes)
    return plan


@transaction.atomic
def plan_return(*, actor: Actor, plan: Plan, comment: str) -> Plan:
    """Send the plan back to the person with comments on what to change."""
    plan = _locked(plan)
    _require_approver(actor, plan)
    comment = _text(comment)
    if not comment:
        raise Refusal(gettext_noop("Say what should be changed when returning a plan."))
    changes = assign(plan, {"status": PlanStatus.RETURNED, "first_approved_at": None})
    plan.save(update_fields=["status", "first_approved_at", "updated_at"])
    _event(plan, PlanEventKind.RETURNED, actor, comment)
    notify(
        agency=plan.agency,
        recipients=[plan.person.user],
        kind="plan_returned",
        title=_thai(gettext_noop("Your development plan was returned for changes")),
        body=comment,
        url=_plan_url(plan, "plans:edit"),
    )
    _audit(actor, "plan_return", plan, plan, {**changes, "comment": [None, comment]})
    return plan


def _start(actor: Actor, plan: Plan, comment: str = "") -> dict[str, list[Any]]:
    """Put an approved plan in progress (the caller audits)."""
    changes = assign(plan, {"status": PlanStatus.IN_PROGRESS})
    plan.save(update_fields=["status", "updated_at"])
    _event(plan, PlanEventKind.STARTED, actor, comment)
    return changes


@transaction.atomic
def plan_start(*, actor: Actor, plan: Plan) -> Plan:
    """The person starts working on the approved plan."""
    plan = _locked(plan)
    _require_owner(actor, plan.person)
    if plan.status != PlanStatus.APPROVED or not plan.is_current:
        raise Refusal(gettext_noop("Only an approved plan can be started."))
    _audit(actor, "plan_start", plan, plan, _start(actor, plan))
    return plan


@transaction.atomic
def plan_complete(*, actor: Actor, plan: Plan) -> Plan:
    """Close the plan once every activity is done or cancelled and every goal is self-evaluated."""
    plan = _locked(plan)
    _require_owner(actor, plan.person)
    if plan.status != PlanStatus.IN_PROGRESS or not plan.is_current:
        raise Refusal(gettext_noop("Only a plan in progress can be completed."))
    problems = []
    for goal in plan.goals.prefetch_related("activities"):
        for activity in goal.activities.all():
            if activity.status not in (ActivityStatus.DONE, ActivityStatus.CANCELLED):
                problems.append(
                    text(
                        gettext_noop("The activity “%(title)s” is not done or cancelled yet."),
                        title=activity.title,
                    )
                )
        if not goal.result:
            problems.append(
                text(
                    gettext_noop("The goal “%(goal)s” has no self-evaluation yet."),
                    goal=goal.what or goal.skill_th,
                )
            )
    if problems:
        raise ValidationError(problems)
    changes = assign(plan, {"status": PlanStatus.COMPLETED, "completed_at": timezone.now()})
    plan.save(update_fields=["status", "completed_at", "updated_at"])
    _event(plan, PlanEventKind.COMPLETED, actor)
    notify(
        agency=plan.agency,
        recipients=_supervisor_users(plan.person),
        kind="plan_completed",
        title=_thai(gettext_noop("%(name)s completed the development plan"), name=plan.person.full_name),
        url=_plan_url(plan),
    )
    _audit(actor, "plan_complete", plan, plan, changes)
    return plan


@transaction.atomic
def plan_revise(*, actor: Actor, plan: Plan, comment: str = "") -> Plan:
    """Start a new version of an approved plan: a copy to change, which needs approval again."""
    plan = _locked(plan)
    _require_owner(actor, plan.person)
    if plan.status not in UNDER_WAY or not plan.is_current:
        raise Refusal(gettext_noop("Only an approved plan or one in progress can be revised."))
    old_status = plan.status
    plan.status, plan.is_current = PlanStatus.SUPERSEDED, False
    plan.save(update_fields=["status", "is_current", "updated_at"])
    new = Plan.objects.create(
        agency_id=plan.agency_id,
        person=plan.person,
        fiscal_year=plan.fiscal_year,
        version=plan.version + 1,
        assessment=plan.assessment,
        mission=plan.mission,
        previous=plan,
        **_snapshot(plan.person),
    )
    for goal in plan.goals.prefetch_related("activities"):
        activities = list(goal.activities.all())
        goal.pk, goal.plan, goal._state.adding = None, new, True
        goal.save()
        for activity in activities:
            activity.pk, activity.goal, activity._state.adding = None, goal, True
            activity.save()
    _event(new, PlanEventKind.REVISED, actor, _text(comment))
    _audit(
        actor,
        "plan_revise",
        new,
        new,
        {"version": [plan.version, new.version], "status": [old_status, PlanStatus.DRAFT.value]},
    )
    return new


# --- progress, self-evaluation and feedback (Ind 4) ---------------------------------------------


def _require_under_way(plan: Plan) -> None:
    if not plan.is_current or plan.status not in UNDER_WAY:
        raise Refusal(gettext_noop("Progress is recorded on an approved plan or one in progress."))


@transaction.atomic
def activity_progress(
    *,
    actor: Actor,
    activity: PlanActivity,
    status: str,
    done_on: dt.date | None = None,
    note: str = "",
    evidence_link: str = "",
    evidence_file: UploadedFile[Any] | None = None,
) -> PlanActivity:
    """Record how an activity goes; the first update puts an approved plan in progress."""
    plan = _locked(activity.goal.plan)
    _require_owner(actor, plan.person)
    _require_under_way(plan)
    if status not in ActivityStatus.values:
        raise Refusal(gettext_noop("Unknown activity status: %(status)s."), status=status)
    today = timezone.localdate()
    if status == ActivityStatus.DONE:
        done_on = done_on or today
        if done_on > today:
            raise Refusal(gettext_noop("The date done %(date)s is in the future."), date=done_on.isoformat())
    else:
        done_on = None
    _check_evidence(evidence_file)
    changes = assign(
        activity,
        {
            "status": status,
            "done_on": done_on,
            "progress_note": _text(note),
            "evidence_link": _link(evidence_link),
        },
    )
    if evidence_file is not None:
        _store_evidence(activity, evidence_file)
        changes["evidence_name"] = [None, activity.evidence_name]
    if plan.status == PlanStatus.APPROVED:
        changes.update(_start(actor, plan, _thai(gettext_noop("Started with the first progress update."))))
    if changes:
        activity.save()
        _audit(actor, "activity_progress", activity, plan, changes)
    return activity


@transaction.atomic
def goal_evaluate(*, actor: Actor, goal: PlanGoal, result: str, note: str = "") -> PlanGoal:
    """The person's self-evaluation of a goal: met, partly met or not met, with a note."""
    plan = _locked(goal.plan)
    _require_owner(actor, plan.person)
    _require_under_way(plan)
    if result not in GoalResult.values:
        raise Refusal(gettext_noop("Unknown self-evaluation: %(result)s."), result=result)
    changes = assign(goal, {"result": result, "result_note": _text(note)})
    if changes:
        goal.evaluated_at = timezone.now()
        if plan.status == PlanStatus.APPROVED:
            changes.update(
                _start(actor, plan, _thai(gettext_noop("Started with the first progress update.")))
            )
        goal.save(update_fields=["result", "result_note", "evaluated_at"])
        _audit(actor, "goal_evaluate", goal, plan, changes)
    return goal


@transaction.atomic
def plan_feedback(*, actor: Actor, plan: Plan, comment: str, goal: PlanGoal | None = None) -> PlanEvent:
    """The supervisor's dated feedback on the plan, or on one of its goals."""
    plan = _locked(plan)
    if not may_supervise(actor.user, plan.person):
        raise PermissionDenied
    if plan.status not in (*UNDER_WAY, PlanStatus.COMPLETED) or not plan.is_current:
        raise Refusal(gettext_noop("Feedback is given on an approved plan, in progress or completed."))
    if goal is not None and goal.plan_id != plan.pk:
        raise Refusal(gettext_noop("The goal is not part of this plan."))
    comment = _text(comment)
    if not comment:
        raise Refusal(gettext_noop("Write the feedback."))
    event = _event(plan, PlanEventKind.FEEDBACK, actor, comment, goal)
    notify(
        agency=plan.agency,
        recipients=[plan.person.user],
        kind="plan_feedback",
        title=_thai(gettext_noop("Feedback on your development plan")),
        body=comment,
        url=_plan_url(plan),
    )
    _audit(
        actor,
        "plan_feedback",
        event,
        plan,
        {"comment": [None, comment], "goal": [None, goal.pk if goal else None]},
    )
    return event


# --- applying the skills at work (Ind 5) --------------------------------------------------------


@transaction.atomic
def application_record(
    *,
    actor: Actor,
    person: Person,
    title: str,
    applied_on: dt.date,
    description: str = "",
    evidence_link: str = "",
    evidence_file: UploadedFile[Any] | None = None,
    goal: PlanGoal | None = None,
) -> Application:
    """Record what the person changed or created at work with a skill."""
    _require_owner(actor, person)
    title = _text(title)[:500]
    if not title:
        raise Refusal(gettext_noop("Say what you changed or created."))
    if applied_on > timezone.localdate():
        raise Refusal(gettext_noop("The date %(date)s is in the future."), date=applied_on.isoformat())
    if goal is not None and goal.plan.person_id != person.pk:
        raise Refusal(gettext_noop("The goal is not one of your plans."))
    _check_evidence(evidence_file)
    application = Application(
        agency_id=person.agency_id,
        person=person,
        goal=goal,
        title=title,
        description=_text(description),
        applied_on=applied_on,
        evidence_link=_link(evidence_link),
    )
    if evidence_file is not None:
        _store_evidence(application, evidence_file)
    application.save()
    notify(
        agency=person.agency,
        recipients=_supervisor_users(person),
        kind="application_recorded",
        title=_thai(
            gettext_noop("%(name)s applied a skill at work: %(title)s"), name=person.full_name, title=title
        ),
        body=application.description,
        url=reverse("plans:applications"),
    )
    audit_record(
        actor=actor,
        action="application_record",
        obj=application,
        agency_id=person.agency_id,
        changes={
            "title": [None, title],
            "applied_on": [None, applied_on],
            "goal": [None, goal.pk if goal else None],
        },
    )
    return application


@transaction.atomic
def application_acknowledge(*, actor: Actor, application: Application, note: str = "") -> Application:
    """The supervisor acknowledges how the skill was applied, with a note."""
    application = (
        Application.objects.select_for_update(of=("self",)).select_related("person").get(pk=application.pk)
    )
    if not may_supervise(actor.user, application.person):
        raise PermissionDenied
    if application.acknowledged_at is not None:
        raise Refusal(gettext_noop("This has already been acknowledged."))
    me = (
        Person.objects.filter(user=actor.user, agency_id=application.agency_id).first()
        if actor.user is not None
        else None
    )
    changes = assign(
        application,
        {"acknowledged_by": me, "acknowledged_at": timezone.now(), "acknowledgement": _text(note)},
    )
    application.save(update_fields=["acknowledged_by", "acknowledged_at", "acknowledgement"])
    notify(
        agency=application.person.agency,
        recipients=[application.person.user],
        kind="application_acknowledged",
        title=_thai(gettext_noop("Your supervisor acknowledged: %(title)s"), title=application.title),
        body=application.acknowledgement,
        url=reverse("plans:applications"),
    )
    audit_record(
        actor=actor,
        action="application_acknowledge",
        obj=application,
        agency_id=application.agency_id,
        changes=changes,
    )
    return application


# --- settings -----------------------------------------------------------------------------------


@transaction.atomic
def plan_settings_update(*, actor: Actor, agency: Agency, approval_limit_days: int) -> PlanSettings:
    """HR sets how long an approval may wait before HR is shown it."""
    if not is_hr_admin(actor.user, agency.pk):
        raise PermissionDenied
    if not 1 <= approval_limit_days <= 365:
        raise Refusal(
            gettext_noop("The approval limit must be between 1 and 365 days: %(value)s."),
            value=approval_limit_days,
        )
    settings, created = PlanSettings.objects.get_or_create(agency=agency)
    changes = assign(settings, {"approval_limit_days": approval_limit_days})
    if changes or created:
        settings.save()
        audit_record(
            actor=actor, action="plan_settings_update", obj=settings, agency_id=agency.pk, changes=changes
        )
    return settings
