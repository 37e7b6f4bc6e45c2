"""Pages about people: lists, one person and their classification, roster import, my digital skills."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digiskill.accounts.access import ActorRequest, require_agency, require_role
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import agency_framework, divisions_of, groups_of
from digiskill.frameworks.models import PersonnelGroup
from digiskill.lib.tabular import TableError, iter_csv, write_xlsx
from digiskill.people.classification import format_workload, propose_group
from digiskill.people.forms import ChangeForm, DivisionForm, ProposeForm, RosterUploadForm
from digiskill.people.models import Person, RosterImport
from digiskill.people.person_links import person_links
from digiskill.people.roster import SHEET_TITLE, roster_rows, template_headers, write_template
from digiskill.people.selectors import (
    CLASSIFY_STATUSES,
    awaiting_me,
    classification_actions,
    classification_history,
    classification_queue,
    division_backlog,
    get_person_for_actor,
    latest_steps,
    my_skills,
    people_listed_for,
    people_of_agency,
    team_of,
)
from digiskill.people.services import (
    classification_agree,
    classification_approve,
    classification_bulk_propose,
    classification_change,
    classification_propose,
    roster_import,
    roster_import_confirm,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _groups(agency: Agency) -> QuerySet[PersonnelGroup]:
    """The personnel groups of the department's framework."""
    framework = agency_framework(agency)
    return PersonnelGroup.objects.filter(framework=framework).order_by("order", "code")


@require_GET
@login_required
def person_list(request: ActorRequest) -> HttpResponse:
    """Everyone in the department for HR administrators, their own line for executives; searchable."""
    actor = request.actor
    people = people_listed_for(actor).filter(is_active=True).select_related("group")
    q = request.GET.get("q", "").strip()
    if q:
        people = people.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(position__icontains=q)
            | Q(national_id=q)
        )
    group = request.GET.get("group", "")
    if group == "-":
        people = people.filter(group__isnull=True)
    elif group:
        people = people.filter(group__code=group)
    page = Paginator(people.order_by("division__code", "first_name"), 50).get_page(request.GET.get("page"))
    agency = require_agency(actor)
    context = {
        "page": page,
        "q": q,
        "group": group,
        "groups": groups_of(agency_framework(agency)),
        "can_export": actor.has(Role.HR_ADMIN),
    }
    template = "people/list_rows.html" if request.htmx else "people/list.html"
    return render(request, template, context)


@require_GET
@login_required
def team(request: ActorRequest) -> HttpResponse:
    """The supervisor's whole chain of subordinates, and the classifications waiting for them."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    if not actor.has(Role.SUPERVISOR):
        raise PermissionDenied
    people = team_of(actor).select_related("group")
    return render(request, "people/team.html", {"people": people, "waiting": awaiting_me(actor)})


@require_GET
@login_required
def person_detail(request: ActorRequest, pk: int) -> HttpResponse:
    """One person's record and classification, for themselves, their line of supervisors and HR."""
    actor = request.actor
    person = get_person_for_actor(actor, pk)
    history = list(classification_history(person))
    step = history[0] if history else None
    groups = _groups(person.agency)
    proposed = propose_group(person.workload or {}, person.career_path_group or None)
    initial = {"group": groups.filter(code=proposed).first() or person.group}
    context = {
        "person": person,
        "history": history,
        "step": step,
        "actions": classification_actions(actor, person, step),
        "workload": format_workload(person.workload or {}, [g.code for g in groups]),
        "rule_group": groups.filter(code=proposed).first(),
        "propose_form": ProposeForm(groups=groups, initial=initial),
        "change_form": ChangeForm(groups=groups, initial={"group": step.group if step else None}),
        "links": person_links(actor, person),
    }
    return render(request, "people/detail.html", context)


def _after(request: ActorRequest, person: Person, done: str) -> HttpResponse:
    """Back to the person's page with a confirmation."""
    messages.success(request, done)
    return redirect("people:detail", pk=person.pk)


def _refused(request: ActorRequest, person: Person, error: ValidationError) -> HttpResponse:
    """Back to the person's page with the reason a step was refused."""
    messages.error(request, " ".join(error.messages))
    return redirect("people:detail", pk=person.pk)


@require_POST
@login_required
def classification_propose_view(request: ActorRequest, pk: int) -> HttpResponse:
    """The person (or HR) proposes a group."""
    person = get_person_for_actor(request.actor, pk)
    form = ProposeForm(request.POST, groups=_groups(person.agency))
    if not form.is_valid():
        return _refused(request, person, ValidationError(list(form.errors.values())))
    try:
        classification_propose(actor=request.actor, person=person, **form.cleaned_data)
    except ValidationError as exc:
        return _refused(request, person, exc)
    return _after(request, person, _proposal_sent(person))


def _proposal_sent(person: Person) -> str:
    """Say who a proposal went to: the supervisor, or HR when the person has none (who then decide)."""
    if person.supervisor is not None:
        return _("The proposal has been sent to the supervisor, %(name)s.") % {
            "name": person.supervisor.full_name
        }
    return _(
        "%(name)s has no supervisor, so the proposal has been sent to the department's HR administrators."
    ) % {"name": person.full_name}


@require_POST
@login_required
def classification_agree_view(request: ActorRequest, pk: int) -> HttpResponse:
    """The supervisor agrees with the proposal."""
    person = get_person_for_actor(request.actor, pk)
    try:
        step = classification_agree(actor=request.actor, person=person)
    except ValidationError as exc:
        return _refused(request, person, exc)
    if step.awaiting_approval:
        return _after(request, person, _("Agreed; it now awaits the next-level supervisor's approval."))
    return _after(request, person, _("Agreed; the group is now in effect."))


@require_POST
@login_required
def classification_change_view(request: ActorRequest, pk: int) -> HttpResponse:
    """The supervisor sets another group, with a reason."""
    person = get_person_for_actor(request.actor, pk)
    form = ChangeForm(request.POST, groups=_groups(person.agency))
    if not form.is_valid():
        return _refused(request, person, ValidationError(list(form.errors.values())))
    try:
        classification_change(actor=request.actor, person=person, **form.cleaned_data)
    except ValidationError as exc:
        return _refused(request, person, exc)
    return _after(request, person, _("The group has been changed."))


@require_POST
@login_required
def classification_approve_view(request: ActorRequest, pk: int) -> HttpResponse:
    """The next-level supervisor approves a person-specific role."""
    person = get_person_for_actor(request.actor, pk)
    try:
        classification_approve(actor=request.actor, person=person)
    except ValidationError as exc:
        return _refused(request, person, exc)
    return _after(request, person, _("Approved; the group and role are now in effect."))


@require_http_methods(["GET", "POST"])
@login_required
def classify_division(request: ActorRequest) -> HttpResponse:
    """HR classifies the whole department: people paged and filtered, a bulk proposal per division."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    divisions = divisions_of(agency)
    form = DivisionForm(request.POST or None, divisions=divisions)
    if request.method == "POST" and form.is_valid():
        counts = classification_bulk_propose(actor=request.actor, division=form.cleaned_data["division"])
        messages.success(
            request,
            _("%(proposed)s people proposed; %(undecided)s left for their supervisors to decide.") % counts,
        )
        return redirect(request.get_full_path())
    chosen = request.GET.get("division", "")
    division = divisions.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    group = request.GET.get("group", "")
    status = request.GET.get("status", "unclassified")
    status = status if status in CLASSIFY_STATUSES else "unclassified"
    queue = classification_queue(
        people_of_agency(request.actor), division=division, group=group, status=status
    )
    page = Paginator(queue, 50).get_page(request.GET.get("page"))
    steps = latest_steps(page.object_list)
    rows = [
        (p, steps.get(p.pk), propose_group(p.workload or {}, p.career_path_group or None))
        for p in page.object_list
    ]
    context = {
        "form": form,
        "rows": rows,
        "page": page,
        "divisions": divisions,
        "division": division,
        "group": group,
        "status": status,
        "groups": groups_of(agency_framework(agency)),
        "backlog": [b for b in division_backlog(agency, divisions) if b.without_proposal],
    }
    return render(request, "people/classify_division.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def roster_upload(request: ActorRequest) -> HttpResponse:
    """Upload a roster: check it, or import it (HR administrators); deactivations wait for confirmation."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record = roster_import(
                actor=request.actor,
                agency=agency,
                source=upload,
                filename=upload.name,
                dry_run="check" in request.POST,
                skip_invalid=form.cleaned_data["skip_invalid"],
                deactivate_missing=form.cleaned_data["deactivate_missing"],
            )
        except (TableError, ValidationError) as exc:
            form.add_error("file", " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        else:
            return redirect("people:import_result", pk=record.pk)
    imports = RosterImport.objects.filter(agency=agency).select_related("actor").defer("upload")[:10]
    return render(request, "people/import.html", {"form": form, "imports": imports})


@require_POST
@login_required
def import_confirm(request: ActorRequest, pk: int) -> HttpResponse:
    """Import the file a check kept, deactivating exactly the people it listed (HR administrators)."""
    record = _import_for(request, pk)
    try:
        done = roster_import_confirm(
            actor=request.actor, record=record, confirm_token=request.POST.get("token", "")
        )
    except (TableError, ValidationError) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        return redirect("people:import_result", pk=record.pk)
    return redirect("people:import_result", pk=done.pk)


@require_GET
@login_required
def roster_export(request: ActorRequest) -> HttpResponseBase:
    """The whole roster in the import's own columns, as XLSX or CSV (HR administrators)."""
    agency = require_role(request.actor, Role.HR_ADMIN)
    inactive = request.GET.get("inactive") == "1"
    rows = roster_rows(agency, include_inactive=inactive)
    name = f"roster-{agency.code}{'-all' if inactive else ''}"
    if request.GET.get("format") == "csv":
        response = StreamingHttpResponse(
            iter_csv(template_headers(), rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    write_xlsx(spool, SHEET_TITLE, template_headers(), rows)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{name}.xlsx", content_type=XLSX)


def _import_for(request: ActorRequest, pk: int) -> RosterImport:
    """An import of the HR administrator's department (404 otherwise)."""
    agency = require_agency(request.actor)
    record = RosterImport.objects.filter(agency=agency, pk=pk).select_related("actor", "agency").first()
    if record is None:
        raise Http404
    require_role(request.actor, Role.HR_ADMIN)
    return record


@require_GET
@login_required
def import_result(request: ActorRequest, pk: int) -> HttpResponse:
    """What an import did, or would do, and every error."""
    return render(request, "people/import_result.html", {"record": _import_for(request, pk)})


@require_GET
@login_required
def import_rejected(request: ActorRequest, pk: int) -> HttpResponse:
    """The rejected rows of an import, as a CSV file with a reason column."""
    record = _import_for(request, pk)
    if not record.rejected_csv:
        raise Http404
    response = HttpResponse(record.rejected_csv.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-{record.pk}.csv"'
    return response


@require_GET
@login_required
def roster_template(request: ActorRequest) -> HttpResponse:
    """The blank roster template (XLSX)."""
    require_role(request.actor, Role.HR_ADMIN)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="roster-template.xlsx"'
    write_template(response)  # type: ignore[arg-type]  # HttpResponse is a writable binary file
    return response


@require_GET
@login_required
def my_digital_skills(request: ActorRequest) -> HttpResponse:
    """ทักษะด้านดิจิทัลของฉัน: my group, expected role and required skills (Ind 2)."""
    actor = request.actor
    require_role(actor, Role.STAFF)
    person = actor.person
    context = {"skills": my_skills(person) if person is not None else None}
    return render(request, "people/my_skills.html", context)
