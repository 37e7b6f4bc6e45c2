"""Agency pages: set-up hub, divisions, digital target, required skill sets, announcements, summary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from digiskill.accounts.access import ActorRequest, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.forms import (
    AnnouncementForm,
    GoalFormSet,
    MemberFormSet,
    SkillItemForm,
    SkillSourceForm,
    TargetForm,
    UnitCreateForm,
    UnitRenameForm,
)
from digiskill.agencies.models import Agency, AgencyKind, AgencySkillSet, DigitalTarget
from digiskill.agencies.people_facts import people_facts
from digiskill.agencies.selectors import (
    agency_framework,
    announcement_groups,
    announcement_in_force,
    announcements_of,
    by_component,
    components_of,
    current_target,
    department_tree,
    divisions_of,
    get_announcement_for_actor,
    get_skill_set,
    get_target_version_for_actor,
    get_unit_for_actor,
    groups_of,
    skill_items,
    skill_sets_by_group,
    stages_of,
    target_versions,
    today,
)
from digiskill.agencies.services import (
    GoalInput,
    MemberInput,
    SkillSource,
    agency_unit_create,
    agency_unit_rename,
    agency_unit_set_active,
    announcement_publish,
    digital_target_save,
    skill_item_add,
    skill_items_remove,
    skill_set_start,
)
from digiskill.frameworks.models import Goal, PersonnelGroup, SkillComponent, SkillSet, Unit


@require_GET
@login_required
def setup(request: ActorRequest) -> HttpResponse:
    """The HR administrator's steps of Org 1–2, each with where it stands."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    target = current_target(agency)
    framework = agency_framework(agency)
    groups = groups_of(framework)
    context = {
        "divisions": divisions_of(agency).filter(kind=AgencyKind.DIVISION).count(),
        "target": target,
        "people": agency.people.filter(is_active=True).count(),
        "last_import": people_facts().last_roster_import(agency),
        "progress": people_facts().classification_progress(agency, groups),
        "sets": len(skill_sets_by_group(agency, target.stage if target else None)),
        "groups": len(groups),
        "announcement": announcement_in_force(agency),
        "framework": framework,
    }
    return render(request, "agencies/setup.html", context)


# --- divisions and sections ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def structure(request: ActorRequest) -> HttpResponse:
    """The department's divisions and sections; HR adds new ones here."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    parents = divisions_of(agency).filter(kind=AgencyKind.DIVISION)
    form = UnitCreateForm(request.POST or None, divisions=parents)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit = agency_unit_create(
                actor=request.actor,
                department=agency,
                kind=AgencyKind(data["kind"]),
                name_th=data["name_th"],
                name_en=data["name_en"],
                code=data["code"],
                parent=data["parent"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": unit.name_th})
            return redirect("agencies:structure")
    return render(request, "agencies/structure.html", {"tree": department_tree(agency), "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def unit_edit(request: ActorRequest, pk: int) -> HttpResponse:
    """Rename, deactivate or reactivate a division or section."""
    unit = get_unit_for_actor(request.actor, pk)
    form = UnitRenameForm(request.POST or None, initial={"name_th": unit.name_th, "name_en": unit.name_en})
    if request.method == "POST":
        try:
            if "active" in request.POST:
                agency_unit_set_active(actor=request.actor, unit=unit, active=request.POST["active"] == "1")
                messages.success(request, _("Saved."))
                return redirect("agencies:structure")
            if form.is_valid():
                agency_unit_rename(actor=request.actor, unit=unit, **form.cleaned_data)
                messages.success(request, _("Saved."))
                return redirect("agencies:structure")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return render(request, "agencies/unit_edit.html", {"unit": unit, "form": form})


# --- digital target ------------------------------------------------------------------------------


@require_GET
@login_required
def target(request: ActorRequest) -> HttpResponse:
    """The department's digital target (read-only for everyone; HR edits it)."""
    agency = require_agency(request.actor)
    context = {
        "target": current_target(agency),
        "versions": target_versions(agency)[:20],
        "is_hr": request.actor.has(Role.HR_ADMIN),
    }
    return render(request, "agencies/target.html", context)


@require_GET
@login_required
def target_version(request: ActorRequest, version: int) -> HttpResponse:
    """An earlier version of the digital target."""
    found = get_target_version_for_actor(request.actor, version)
    return render(request, "agencies/target.html", {"target": found, "versions": [], "earlier": True})


def _target_initial(
    target: DigitalTarget | None,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The forms' starting values: the current target, or one blank goal per horizon."""
    if target is None:
        return {}, [{"horizon": h, "kind": "output"} for h in (1, 3, 5)], []
    goals = [
        {"horizon": g.horizon, "kind": g.kind, "goal": g.goal, "text": g.text} for g in target.goals.all()
    ]
    members = [{"person": m.person, "function": m.function} for m in target.members.all()]
    main = {"vision": target.vision, "stage": target.stage, "stage_rationale": target.stage_rationale}
    return main, goals, members


@require_http_methods(["GET", "POST"])
@login_required
def target_edit(request: ActorRequest) -> HttpResponse:
    """HR sets the vision, the 1/3/5-year goals, the working group and the target stage."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    framework = agency_framework(agency)
    if framework is None:
        raise Http404
    current = current_target(agency)
    main, goals, members = _target_initial(current)
    data = request.POST or None
    people = agency.people.filter(is_active=True).order_by("first_name", "last_name")
    goal_choices = Goal.objects.filter(framework=framework).order_by("order", "code")
    form = TargetForm(data, initial=main, stages=framework.stage_set.order_by("order"))
    goal_forms = GoalFormSet(
        data, prefix="goals", initial=[*goals, {}, {}], form_kwargs={"goals": goal_choices}
    )
    member_forms = MemberFormSet(
        data, prefix="members", initial=[*members, {}, {}, {}], form_kwargs={"people": people}
    )
    if request.method == "POST" and form.is_valid() and goal_forms.is_valid() and member_forms.is_valid():
        try:
            digital_target_save(
                actor=request.actor,
                agency=agency,
                goals=[
                    GoalInput(g["horizon"], g["kind"], g["goal"], g["text"])
                    for g in _filled(goal_forms, "text")
                ],
                members=[MemberInput(m["person"], m["function"]) for m in _filled(member_forms, "person")],
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The digital target has been saved."))
            return redirect("agencies:target")
    context = {"form": form, "goal_forms": goal_forms, "member_forms": member_forms, "current": current}
    return render(request, "agencies/target_edit.html", context)


def _filled(formset: Any, key: str) -> list[dict[str, Any]]:
    """The rows of a formset where `key` was filled in."""
    return [f.cleaned_data for f in formset.forms if f.cleaned_data.get(key)]


# --- required skill sets -------------------------------------------------------------------------


def _stage_or_404(agency: Agency) -> DigitalTarget:
    """The current target; skill sets are prepared for its stage."""
    found = current_target(agency)
    if found is None:
        raise Http404
    return found


@require_GET
@login_required
def skill_sets(request: ActorRequest) -> HttpResponse:
    """Each group's required skill set at the target stage (HR)."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    found = current_target(agency)
    groups = groups_of(agency_framework(agency))
    sets = skill_sets_by_group(agency, found.stage if found else None)
    rows = [(g, sets.get(g.pk)) for g in groups]
    return render(request, "agencies/skill_sets.html", {"target": found, "rows": rows})


def _group_or_404(agency: Agency, code: str) -> PersonnelGroup:
    """A personnel group of the department's framework."""
    group = PersonnelGroup.objects.filter(framework=agency_framework(agency), code=code).first()
    if group is None:
        raise Http404
    return group


def _sources(agency: Agency, group: PersonnelGroup, found: DigitalTarget) -> dict[str, SkillSource | None]:
    """What a skill set may start from: nothing, a framework skill set, or another group's set."""
    choices: dict[str, SkillSource | None] = {"empty": None}
    for skill_set in SkillSet.objects.filter(framework=group.framework_id).order_by("order", "code"):
        choices[f"set-{skill_set.pk}"] = skill_set
    others = AgencySkillSet.objects.filter(agency=agency, stage=found.stage).exclude(group=group)
    for other in others.select_related("group"):
        choices[f"group-{other.pk}"] = other
    return choices


def _source_label(key: str, source: SkillSource | None) -> str:
    """How a source is named in the choice list."""
    if source is None:
        return _("An empty skill set")
    if isinstance(source, SkillSet):
        return _("Skill set %(code)s %(name)s") % {"code": source.code, "name": source.name_th}
    return _("The skill set of group %(code)s %(name)s") % {
        "code": source.group.code,
        "name": source.group.name_th,
    }


@require_http_methods(["GET", "POST"])
@login_required
def skill_set(request: ActorRequest, code: str) -> HttpResponse:
    """One group's required skill set: add items, remove some (keep a subset), or start again."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    group = _group_or_404(agency, code)
    found = _stage_or_404(agency)
    current = get_skill_set(agency, group, found.stage)
    framework = found.framework
    components = SkillComponent.objects.filter(framework=framework).order_by("order")
    units = Unit.objects.filter(framework=framework).order_by("area__order", "order", "code")
    form = SkillItemForm(request.POST if "add" in request.POST else None, components=components, units=units)
    if request.method == "POST":
        response = _skill_set_post(request, agency, group, found, current, form)
        if response is not None:
            return response
    sources = _sources(agency, group, found)
    context = {
        "group": group,
        "target": found,
        "skill_set": current,
        "components": by_component(components_of(framework), list(skill_items(current))),
        "form": form,
        "source_form": SkillSourceForm(choices=[(k, _source_label(k, s)) for k, s in sources.items()]),
    }
    return render(request, "agencies/skill_set.html", context)


def _skill_set_post(
    request: ActorRequest,
    agency: Agency,
    group: PersonnelGroup,
    found: DigitalTarget,
    current: AgencySkillSet | None,
    form: SkillItemForm,
) -> HttpResponse | None:
    """Add an item or remove the ticked ones; None when the form has errors to show."""
    try:
        if "remove" in request.POST and current is not None:
            ids = [int(i) for i in request.POST.getlist("item") if i.isdigit()]
            removed = skill_items_remove(actor=request.actor, skill_set=current, item_ids=ids)
            messages.success(request, _("%(n)s items removed.") % {"n": removed})
        elif "add" in request.POST and form.is_valid():
            if current is None:
                current = skill_set_start(actor=request.actor, agency=agency, group=group, stage=found.stage)
            skill_item_add(actor=request.actor, skill_set=current, **form.cleaned_data)
            messages.success(request, _("The item has been added."))
        else:
            return None
    except ValidationError as exc:
        form.add_error(None, exc)
        return None
    return redirect("agencies:skill_set", code=group.code)


@require_http_methods(["GET", "POST"])
@login_required
def skill_set_start_view(request: ActorRequest, code: str) -> HttpResponse:
    """Start a group's skill set from a source, keeping only the items ticked."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    group = _group_or_404(agency, code)
    found = _stage_or_404(agency)
    sources = _sources(agency, group, found)
    key = request.POST.get("source") or request.GET.get("source") or "empty"
    if key not in sources:
        raise Http404
    source = sources[key]
    if request.method == "POST" and ("confirm" in request.POST or source is None):
        ids = {int(i) for i in request.POST.getlist("item") if i.isdigit()}
        skill_set_start(
            actor=request.actor, agency=agency, group=group, stage=found.stage, source=source, item_ids=ids
        )
        messages.success(
            request,
            _("The skill set has been started from %(source)s.") % {"source": _source_label(key, source)},
        )
        return redirect("agencies:skill_set", code=group.code)
    items = list(source.items.select_related("component", "unit").order_by("order", "id")) if source else []
    components = by_component(components_of(found.framework), items)  # type: ignore[arg-type]
    context = {
        "group": group,
        "target": found,
        "key": key,
        "label": _source_label(key, source),
        "components": components,
    }
    return render(request, "agencies/skill_set_start.html", context)


# --- announcements -------------------------------------------------------------------------------


@require_GET
@login_required
def announcements(request: ActorRequest) -> HttpResponse:
    """The announcement in force, upcoming ones and earlier ones (everyone in the department)."""
    agency = require_agency(request.actor)
    in_force = announcement_in_force(agency)
    rows = list(announcements_of(agency))
    context = {
        "in_force": in_force,
        "groups": announcement_groups(in_force) if in_force else [],
        "upcoming": [a for a in rows if a.effective_date > today()],
        "earlier": [a for a in rows if a.effective_date <= today() and a != in_force],
        "is_hr": request.actor.has(Role.HR_ADMIN),
    }
    return render(request, "agencies/announcements.html", context)


@require_GET
@login_required
def announcement(request: ActorRequest, pk: int) -> HttpResponse:
    """One announcement, read-only."""
    found = get_announcement_for_actor(request.actor, pk)
    in_force = announcement_in_force(found.agency)
    context = {
        "announcement": found,
        "groups": announcement_groups(found),
        "components": components_of(found.target.framework_id),
        "in_force": in_force is not None and in_force.pk == found.pk,
    }
    return render(request, "agencies/announcement.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def announcement_new(request: ActorRequest) -> HttpResponse:
    """HR reviews the roles and skill sets at the target stage and publishes them as a new version."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    found = current_target(agency)
    form = AnnouncementForm(request.POST or None, initial={"effective_date": today()})
    if request.method == "POST" and form.is_valid():
        try:
            published = announcement_publish(actor=request.actor, agency=agency, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The announcement has been published."))
            return redirect("agencies:announcement", pk=published.pk)
    groups = groups_of(agency_framework(agency))
    sets = skill_sets_by_group(agency, found.stage if found else None)
    roles = {}
    if found is not None:
        roles = {r.group_id: r for r in found.framework.role_set.filter(stage=found.stage)}
    rows = [(g, roles.get(g.pk), sets.get(g.pk)) for g in groups]
    return render(request, "agencies/announcement_new.html", {"form": form, "target": found, "rows": rows})


# --- executive summary ---------------------------------------------------------------------------


@require_GET
@login_required
def summary(request: ActorRequest) -> HttpResponse:
    """Counts by group and classification progress, for executives and HR."""
    agency = require_role(request.actor, Role.EXECUTIVE, Role.HR_ADMIN)
    groups = groups_of(agency_framework(agency))
    context = {
        "progress": people_facts().classification_progress(agency, groups),
        "target": current_target(agency),
        "announcement": announcement_in_force(agency),
        "stages": stages_of(agency_framework(agency)),
    }
    return render(request, "agencies/summary.html", context)
