"""Pages of the individual development plan (IDP): create, edit, approve, progress, feedback, apply."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digiskill.accounts.access import ActorRequest, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.selectors import current_target
from digiskill.learning.selectors import resources_for_agency
from digiskill.people.selectors import my_skills
from digiskill.plans import selectors as sel
from digiskill.plans.forms import (
    AcknowledgeForm,
    ActivityForm,
    ApplicationForm,
    CommentForm,
    EvaluateForm,
    FeedbackForm,
    GoalForm,
    MissionForm,
    NewGoalForm,
    PlanCreateForm,
    ProgressForm,
    ReturnForm,
    SettingsForm,
)
from digiskill.plans.models import Application, Plan, PlanActivity, PlanGoal, PlanStatus
from digiskill.plans.services import (
    activity_add,
    activity_add_resource,
    activity_delete,
    activity_progress,
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


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _refused(request: ActorRequest, exc: ValidationError) -> None:
    """Show each reason a step was refused as its own message."""
    for text in exc.messages:
        messages.error(request, text)


def _form_errors(form: Any) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _to_plan(plan: Plan, name: str = "plans:detail", anchor: str = "") -> HttpResponse:
    return redirect(reverse(name, kwargs={"pk": plan.pk}) + (f"#{anchor}" if anchor else ""))


# --- my plan and creating one -------------------------------------------------------------------


@require_GET
@login_required
def my_plan(request: ActorRequest) -> HttpResponse:
    """แผนพัฒนารายบุคคลของฉัน: this fiscal year's plan, or how to start one; earlier years."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    person = actor.person
    year = sel.this_fiscal_year()
    context: dict[str, Any] = {"person": person, "year": year}
    if person is not None:
        plan = sel.current_plan(person, year)
        context["plan"] = plan
        context["earlier"] = [p for p in sel.plans_of_person(person) if p.fiscal_year != year]
        if plan is None:
            gaps = sel.agreed_gaps(person)
            items = [] if gaps else sel.required_items(person)
            context.update(
                {
                    # The agreed gaps come ticked (highest priority first): one click plans them all.
                    "form": PlanCreateForm(gaps=gaps, items=items, initial={"gaps": [g.pk for g in gaps]}),
                    "gaps": gaps,
                    "items": items,
                    "assessed": sel.agreed_assessment(person) is not None,
                    "skills": my_skills(person),
                }
            )
        else:
            goals = sel.goals_of(plan)
            context.update({"goals": goals, "balance": sel.plan_balance(goals)})
    return render(request, "plans/mine.html", context)


@require_POST
@login_required
def plan_new(request: ActorRequest) -> HttpResponse:
    """Start this fiscal year's plan from the chosen gaps (or required skills)."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    person = sel.person_for_actor(actor)
    gaps = sel.agreed_gaps(person)
    items = [] if gaps else sel.required_items(person)
    form = PlanCreateForm(request.POST, gaps=gaps, items=items)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("plans:mine")
    try:
        plan = plan_create(
            actor=request.actor,
            person=person,
            fiscal_year=sel.this_fiscal_year(),
            gaps=list(form.cleaned_data.get("gaps") or []),
            items=list(form.cleaned_data.get("items") or []),
        )
    except ValidationError as exc:
        _refused(request, exc)
        return redirect("plans:mine")
    messages.success(
        request, _("Your plan is started. Write each goal the S.M.A.R.T. way and add activities.")
    )
    return _to_plan(plan, "plans:edit")


# --- the editor ---------------------------------------------------------------------------------


def _goal_form(goal: PlanGoal, data: Any = None) -> GoalForm:
    initial = {f: getattr(goal, f) for f in GoalForm.base_fields}
    return GoalForm(data, initial=initial, prefix=f"goal-{goal.pk}")


def _activity_form(goal: PlanGoal, data: Any = None) -> ActivityForm:
    initial = {"start_date": goal.start_date, "end_date": goal.due_date, "hours": 0}
    return ActivityForm(data, initial=initial, prefix=f"act-{goal.pk}")


def _editor_context(request: ActorRequest, plan: Plan, **override: Any) -> dict[str, Any]:
    """Everything the editor shows: goals with issues, suggestions and forms; the balance."""
    goals = sel.goals_of(plan)
    views = sel.goal_views(plan, goals, with_suggestions=True)
    rows = []
    for view in views:
        pk = view.goal.pk
        rows.append(
            {
                "view": view,
                "form": override.get(f"goal-{pk}") or _goal_form(view.goal),
                "activity_form": override.get(f"act-{pk}") or _activity_form(view.goal),
            }
        )
    gaps = sel.unused_gaps(plan)
    return {
        "plan": plan,
        "rows": rows,
        "balance": sel.plan_balance(goals),
        "mission_form": override.get("mission") or MissionForm(initial={"mission": plan.mission}),
        "new_goal_form": override.get("new_goal") or NewGoalForm(gaps=gaps, prefix="new"),
        "blocking": any(v.blocking for v in views),
        "no_goals": not views,
        "actions": sel.plan_actions(request.actor, plan),
        "target": current_target(plan.agency),
        "returned": sel.last_return(plan),
    }


def _editable_plan(request: ActorRequest, pk: int) -> Plan:
    """A plan the actor may read; the editor is for its owner while it is a draft or returned."""
    plan = sel.get_plan_for_actor(request.actor, pk)
    if not sel.plan_actions(request.actor, plan).edit:
        raise PermissionDenied
    return plan


@require_http_methods(["GET", "POST"])
@login_required
def plan_edit(request: ActorRequest, pk: int) -> HttpResponse:
    """The plan editor: the link to the mission, goals and their activities."""
    plan = sel.get_plan_for_actor(request.actor, pk)
    if not sel.plan_actions(request.actor, plan).edit:
        if request.method == "GET":
            return _to_plan(plan)
        raise PermissionDenied
    if request.method == "POST":
        form = MissionForm(request.POST)
        if form.is_valid():
            try:
                plan_update(actor=request.actor, plan=plan, mission=form.cleaned_data["mission"])
            except ValidationError as exc:
                _refused(request, exc)
            else:
                messages.success(request, _("Saved."))
            return _to_plan(plan, "plans:edit")
        return render(request, "plans/edit.html", _editor_context(request, plan, mission=form))
    return render(request, "plans/edit.html", _editor_context(request, plan))


def _editable_goal(request: ActorRequest, pk: int) -> PlanGoal:
    """A goal of a plan the actor may edit (403 for readers who may not)."""
    goal = sel.get_goal_for_actor(request.actor, pk)
    if not sel.plan_actions(request.actor, goal.plan).edit:
        raise PermissionDenied
    return goal


def _progress_goal(request: ActorRequest, pk: int) -> PlanGoal:
    """A goal of a plan whose owner records progress now (403 for readers who may not)."""
    goal = sel.get_goal_for_actor(request.actor, pk)
    if not sel.plan_actions(request.actor, goal.plan).progress:
        raise PermissionDenied
    return goal


@require_POST
@login_required
def goal_new(request: ActorRequest, pk: int) -> HttpResponse:
    """Add a goal to the plan (for a remaining gap, or a free one)."""
    plan = _editable_plan(request, pk)
    form = NewGoalForm(request.POST, gaps=sel.unused_gaps(plan), prefix="new")
    if not form.is_valid():
        return render(request, "plans/edit.html", _editor_context(request, plan, new_goal=form))
    data = dict(form.cleaned_data)
    gap = data.pop("gap", None)
    try:
        goal = goal_add(actor=request.actor, plan=plan, gap=gap, **data)
    except ValidationError as exc:
        _refused(request, exc)
        return _to_plan(plan, "plans:edit")
    messages.success(request, _("The goal is added."))
    return _to_plan(plan, "plans:edit", f"goal-{goal.pk}")


def _goal_partial(request: ActorRequest, goal: PlanGoal, **override: Any) -> HttpResponse:
    """The goal's block of the editor (and the balance, out of band) for HTMX."""
    plan = sel.get_plan_for_actor(request.actor, goal.plan_id)
    context = _editor_context(request, plan, **override)
    row = next((r for r in context["rows"] if r["view"].goal.pk == goal.pk), None)
    if row is None:
        return HttpResponse("")
    return render(request, "plans/_goal_edit.html", {**context, "row": row, "oob": True})


def _after_goal_change(request: ActorRequest, goal: PlanGoal, done: str, **override: Any) -> HttpResponse:
    if request.htmx:
        return _goal_partial(request, goal, **override)
    if override:
        plan = sel.get_plan_for_actor(request.actor, goal.plan_id)
        return render(request, "plans/edit.html", _editor_context(request, plan, **override))
    if done:
        messages.success(request, done)
    return _to_plan(goal.plan, "plans:edit", f"goal-{goal.pk}")


@require_POST
@login_required
def goal_save(request: ActorRequest, pk: int) -> HttpResponse:
    """Save a goal's S.M.A.R.T. fields."""
    goal = _editable_goal(request, pk)
    form = _goal_form(goal, request.POST)
    if not form.is_valid():
        return _after_goal_change(request, goal, "", **{f"goal-{goal.pk}": form})
    try:
        goal_update(actor=request.actor, goal=goal, **form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, _errors(exc))
        return _after_goal_change(request, goal, "", **{f"goal-{goal.pk}": form})
    return _after_goal_change(request, goal, _("The goal is saved."))


@require_POST
@login_required
def goal_remove(request: ActorRequest, pk: int) -> HttpResponse:
    """Remove a goal and its activities."""
    goal = _editable_goal(request, pk)
    plan = goal.plan
    try:
        goal_delete(actor=request.actor, goal=goal)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The goal is removed."))
    return _to_plan(plan, "plans:edit")


@require_POST
@login_required
def activity_new(request: ActorRequest, pk: int) -> HttpResponse:
    """Add an activity to a goal."""
    goal = _editable_goal(request, pk)
    form = _activity_form(goal, request.POST)
    if not form.is_valid():
        return _after_goal_change(request, goal, "", **{f"act-{goal.pk}": form})
    try:
        activity_add(actor=request.actor, goal=goal, **form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, _errors(exc))
        return _after_goal_change(request, goal, "", **{f"act-{goal.pk}": form})
    return _after_goal_change(request, goal, _("The activity is added."))


@require_POST
@login_required
def activity_from_resource(request: ActorRequest, pk: int, resource: int) -> HttpResponse:
    """One click: add a suggested learning resource to a goal as an activity."""
    goal = _editable_goal(request, pk)
    found = resources_for_agency(goal.plan.agency).filter(pk=resource).first()
    if found is None:
        raise Http404
    try:
        activity_add_resource(actor=request.actor, goal=goal, resource=found)
    except ValidationError as exc:
        _refused(request, exc)
        return _to_plan(goal.plan, "plans:edit", f"goal-{goal.pk}")
    return _after_goal_change(request, goal, _("The activity is added."))


@require_POST
@login_required
def activity_remove(request: ActorRequest, pk: int) -> HttpResponse:
    """Remove an activity from a goal."""
    activity = sel.get_activity_for_actor(request.actor, pk)
    goal = _editable_goal(request, activity.goal_id)
    try:
        activity_delete(actor=request.actor, activity=activity)
    except ValidationError as exc:
        _refused(request, exc)
        return _to_plan(goal.plan, "plans:edit", f"goal-{goal.pk}")
    return _after_goal_change(request, goal, _("The activity is removed."))


# --- one plan: view, review and workflow steps --------------------------------------------------


def _plan_context(request: ActorRequest, plan: Plan) -> dict[str, Any]:
    goals = sel.goals_of(plan)
    actions = sel.plan_actions(request.actor, plan)
    return {
        "plan": plan,
        "views": sel.goal_views(plan, goals),
        "balance": sel.plan_balance(goals),
        "events": sel.events_of(plan),
        "feedback": sel.feedback_of(plan),
        "returned": sel.last_return(plan),
        "versions": sel.plan_versions(plan),
        "actions": actions,
        "waiting": sel.waiting_of(plan) if plan.status == PlanStatus.SUBMITTED else None,
        "feedback_form": FeedbackForm(goals=goals) if actions.feedback else None,
        "progress_forms": {
            a.pk: ProgressForm(
                initial={
                    "status": a.status,
                    "done_on": a.done_on,
                    "note": a.progress_note,
                    "evidence_link": a.evidence_link,
                },
                prefix=f"p{a.pk}",
            )
            for g in goals
            for a in g.activities.all()
        }
        if actions.progress
        else {},
        "evaluate_forms": {
            g.pk: EvaluateForm(initial={"result": g.result, "note": g.result_note}, prefix=f"e{g.pk}")
            for g in goals
        }
        if actions.progress
        else {},
        "applications": Application.objects.filter(goal__plan=plan).select_related("goal"),
    }


@require_GET
@login_required
def plan_detail(request: ActorRequest, pk: int) -> HttpResponse:
    """A plan: goals, activities and progress, the 70:20:10 balance, timeline and versions."""
    plan = sel.get_plan_for_actor(request.actor, pk)
    return render(request, "plans/detail.html", _plan_context(request, plan))


@require_GET
@login_required
def plan_review(request: ActorRequest, pk: int) -> HttpResponse:
    """The approver's page: the plan, and approve or return it with a comment."""
    plan = sel.get_plan_for_actor(request.actor, pk)
    if not sel.plan_actions(request.actor, plan).approve:
        if plan.status != PlanStatus.SUBMITTED:
            messages.info(request, _("This plan is not waiting for approval."))
            return _to_plan(plan)
        raise PermissionDenied
    context = _plan_context(request, plan)
    context.update(
        {"approve_form": CommentForm(auto_id="approve_%s"), "return_form": ReturnForm(auto_id="return_%s")}
    )
    return render(request, "plans/review.html", context)


def _step(request: ActorRequest, pk: int, run: Any, done: str, *, back: str = "plans:detail") -> HttpResponse:
    """Run a workflow step on a plan the actor may read; show what happened or why it was refused."""
    plan = sel.get_plan_for_actor(request.actor, pk)
    try:
        result = run(plan)
    except ValidationError as exc:
        _refused(request, exc)
        return _to_plan(plan, back)
    messages.success(request, done)
    return _to_plan(result if isinstance(result, Plan) else plan)


@require_POST
@login_required
def submit(request: ActorRequest, pk: int) -> HttpResponse:
    """Send the plan for approval."""
    return _step(
        request,
        pk,
        lambda plan: plan_submit(actor=request.actor, plan=plan),
        _("The plan is sent to your supervisor for approval."),
        back="plans:edit",
    )


@require_POST
@login_required
def approve(request: ActorRequest, pk: int) -> HttpResponse:
    """Approve the plan (first or next-level approval)."""
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""

    def run(plan: Plan) -> Plan:
        return plan_approve(actor=request.actor, plan=plan, comment=comment)

    plan = sel.get_plan_for_actor(request.actor, pk)
    first = plan.needs_next_level and plan.first_approved_at is None
    done = (
        _("Approved; the plan goes on to the next-level supervisor.") if first else _("The plan is approved.")
    )
    return _step(request, pk, run, done, back="plans:review")


@require_POST
@login_required
def return_plan(request: ActorRequest, pk: int) -> HttpResponse:
    """Return the plan to the person with comments."""
    form = ReturnForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _step(
        request,
        pk,
        lambda plan: plan_return(actor=request.actor, plan=plan, comment=comment),
        _("The plan is returned with your comments."),
        back="plans:review",
    )


@require_POST
@login_required
def start(request: ActorRequest, pk: int) -> HttpResponse:
    """Start working on the approved plan."""
    return _step(
        request, pk, lambda plan: plan_start(actor=request.actor, plan=plan), _("The plan is in progress.")
    )


@require_POST
@login_required
def complete(request: ActorRequest, pk: int) -> HttpResponse:
    """Close the plan."""
    return _step(
        request, pk, lambda plan: plan_complete(actor=request.actor, plan=plan), _("The plan is completed.")
    )


@require_POST
@login_required
def revise(request: ActorRequest, pk: int) -> HttpResponse:
    """Start a new version of the approved plan."""
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    plan = sel.get_plan_for_actor(request.actor, pk)
    try:
        new = plan_revise(actor=request.actor, plan=plan, comment=comment)
    except ValidationError as exc:
        _refused(request, exc)
        return _to_plan(plan)
    messages.success(request, _("A new version is started; change it and send it for approval again."))
    return _to_plan(new, "plans:edit")


@require_POST
@login_required
def feedback(request: ActorRequest, pk: int) -> HttpResponse:
    """The supervisor's feedback on the plan or one goal."""
    plan = sel.get_plan_for_actor(request.actor, pk)
    form = FeedbackForm(request.POST, goals=list(plan.goals.all()))
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _to_plan(plan, anchor="feedback")
    try:
        plan_feedback(actor=request.actor, plan=plan, **form.cleaned_data)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Your feedback is recorded and sent."))
    return _to_plan(plan, anchor="feedback")


# --- progress (Ind 4) ---------------------------------------------------------------------------


@require_POST
@login_required
def progress(request: ActorRequest, pk: int) -> HttpResponse:
    """Record how an activity goes, with evidence."""
    activity = sel.get_activity_for_actor(request.actor, pk)
    plan = _progress_goal(request, activity.goal_id).plan
    form = ProgressForm(request.POST, request.FILES, prefix=f"p{activity.pk}")
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _to_plan(plan, anchor=f"activity-{activity.pk}")
    try:
        activity_progress(
            actor=request.actor,
            activity=activity,
            status=form.cleaned_data["status"],
            done_on=form.cleaned_data["done_on"],
            note=form.cleaned_data["note"],
            evidence_link=form.cleaned_data["evidence_link"],
            evidence_file=form.cleaned_data["evidence_file"],
        )
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The progress is recorded."))
    return _to_plan(plan, anchor=f"activity-{activity.pk}")


@require_POST
@login_required
def evaluate(request: ActorRequest, pk: int) -> HttpResponse:
    """The person's self-evaluation of a goal."""
    goal = _progress_goal(request, pk)
    form = EvaluateForm(request.POST, prefix=f"e{goal.pk}")
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _to_plan(goal.plan, anchor=f"goal-{goal.pk}")
    try:
        goal_evaluate(actor=request.actor, goal=goal, **form.cleaned_data)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Your self-evaluation is recorded."))
    return _to_plan(goal.plan, anchor=f"goal-{goal.pk}")


def _download(instance: PlanActivity | Application) -> FileResponse:
    if not instance.evidence_file:
        raise Http404
    try:
        handle = instance.evidence_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=instance.evidence_name or "evidence")


@require_GET
@login_required
def activity_evidence(request: ActorRequest, pk: int) -> FileResponse:
    """An activity's evidence file, for those who may read the plan."""
    return _download(sel.get_activity_for_actor(request.actor, pk))


# --- lists for supervisors and HR ---------------------------------------------------------------


@require_GET
@login_required
def waiting(request: ActorRequest) -> HttpResponse:
    """Plans waiting for me: who waits, at which step, and since when."""
    actor = request.actor
    require_role(actor, Role.SUPERVISOR, Role.HR_ADMIN)
    return render(request, "plans/waiting.html", {"rows": sel.waiting_for(actor)})


@require_GET
@login_required
def team(request: ActorRequest) -> HttpResponse:
    """The supervisor's team and their plans for this fiscal year."""
    actor = request.actor
    require_role(actor, Role.SUPERVISOR)
    year = sel.this_fiscal_year()
    return render(request, "plans/team.html", {"rows": sel.team_plans(actor, year), "year": year})


@require_GET
@login_required
def department(request: ActorRequest) -> HttpResponse:
    """HR: every current plan of the department for a fiscal year, by status."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    try:
        year = int(request.GET.get("year") or sel.this_fiscal_year())
    except ValueError:
        year = sel.this_fiscal_year()
    status = request.GET.get("status", "")
    if status not in PlanStatus.values:
        status = ""
    page = Paginator(sel.department_plans(agency, year, status), 50).get_page(request.GET.get("page"))
    counts = sel.status_counts(agency, year)
    statuses = [s for s in PlanStatus if s != PlanStatus.SUPERSEDED]
    context = {
        "page": page,
        "year": year,
        "status": status,
        "counts": [(s, counts.get(s.value, 0)) for s in statuses],
        "statuses": statuses,
    }
    return render(request, "plans/department.html", context)


@require_GET
@login_required
def overdue(request: ActorRequest) -> HttpResponse:
    """HR: approvals waiting longer than the department's limit, with the limit's form."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    limit = sel.approval_limit(agency)
    context = {
        "rows": sel.overdue_approvals(agency),
        "limit": limit,
        "form": SettingsForm(initial={"approval_limit_days": limit}),
    }
    return render(request, "plans/overdue.html", context)


@require_POST
@login_required
def settings(request: ActorRequest) -> HttpResponse:
    """HR changes the approval limit."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    form = SettingsForm(request.POST)
    if form.is_valid():
        try:
            plan_settings_update(actor=request.actor, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Saved."))
    else:
        messages.error(request, _form_errors(form))
    return redirect("plans:overdue")


# --- applying the skills (Ind 5) ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def applications(request: ActorRequest) -> HttpResponse:
    """การนำทักษะไปใช้ในการปฏิบัติงาน: what I changed or created with a skill; my team's to acknowledge."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    person = actor.person
    goals = sel.goals_for_applications(person) if person is not None else None
    form = ApplicationForm(request.POST or None, request.FILES or None, goals=goals)
    if request.method == "POST":
        if person is None:
            raise Http404
        if form.is_valid():
            try:
                application_record(actor=request.actor, person=person, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, _errors(exc))
            else:
                messages.success(request, _("Recorded; your supervisor is told."))
                return redirect("plans:applications")
    team_rows = sel.team_applications(actor) if actor.has(Role.SUPERVISOR, Role.HR_ADMIN) else []
    context = {
        "person": person,
        "form": form,
        "mine": list(sel.applications_of(person)) if person is not None else [],
        "team": team_rows,
        "ack_form": AcknowledgeForm(),
    }
    return render(request, "plans/applications.html", context)


@require_POST
@login_required
def application_ack(request: ActorRequest, pk: int) -> HttpResponse:
    """The supervisor acknowledges a record of applying a skill."""
    application = sel.get_application_for_actor(request.actor, pk)
    form = AcknowledgeForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        application_acknowledge(actor=request.actor, application=application, note=note)
    except ValidationError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Acknowledged."))
    return redirect(reverse("plans:applications") + "#team")


@require_GET
@login_required
def application_evidence(request: ActorRequest, pk: int) -> FileResponse:
    """The evidence file of a record of applying a skill."""
    require_agency(request.actor)
    return _download(sel.get_application_for_actor(request.actor, pk))
