"""Pages of the learning-resource catalog: browse and search, one resource, add and edit, import.

Every member of a department browses; its HR administrators manage its own resources; system
administrators manage the shared ones. Another department's resource is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digiskill.accounts.access import ActorRequest, require_role, require_system_admin
from digiskill.accounts.models import Role
from digiskill.agencies.models import Agency
from digiskill.learning.forms import ImportForm, ResourceForm
from digiskill.learning.importing import COLUMNS, write_template
from digiskill.learning.models import LearningResource, ResourceKind, ResourceLanguage
from digiskill.learning.parsing import KIND_THAI, LANGUAGE_THAI
from digiskill.learning.selectors import (
    CatalogFilter,
    can_manage_resource,
    catalog,
    catalog_agency,
    filter_areas,
    filter_units,
    get_resource_for_actor,
    providers_for,
    resource_units,
    unit_choices,
)
from digiskill.learning.services import (
    resource_activate,
    resource_create,
    resource_deactivate,
    resource_update,
    resources_import,
)
from digiskill.learning.units import UnitLookup
from digiskill.lib.tabular import TableError

PAGE_SIZE = 25


def _filter_from(request: ActorRequest) -> CatalogFilter:
    """The filters of the query string; unknown choices are ignored."""
    get = request.GET
    kind = get.get("kind", "")
    language = get.get("language", "")
    cost = get.get("cost", "")
    return CatalogFilter(
        q=get.get("q", "").strip()[:200],
        kind=kind if kind in ResourceKind.values else "",
        provider=get.get("provider", "").strip(),
        language=language if language in ResourceLanguage.values else "",
        unit=get.get("unit", "").strip(),
        area=get.get("area", "").strip(),
        cost=cost if cost in ("free", "paid") else "",
        inactive=get.get("status", "") == "inactive",
    )


@require_GET
@login_required
def resource_list(request: ActorRequest) -> HttpResponse:
    """Browse and search the catalog; HTMX asks for the results only."""
    actor = request.actor
    agency = catalog_agency(actor)
    f = _filter_from(request)
    page = Paginator(catalog(actor, f), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "f": f,
        "filtered": any(v for k, v in vars(f).items() if k != "inactive"),
        "kinds": ResourceKind.choices,
        "languages": ResourceLanguage.choices,
        "providers": providers_for(actor),
        "units": filter_units(actor),
        "areas": filter_areas(actor),
        "can_add_own": agency is not None and actor.has(Role.HR_ADMIN),
        "can_add_shared": actor.has(Role.SYSTEM_ADMIN),
        "agency": agency,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "learning/_results.html" if partial else "learning/list.html", context)


@require_GET
@login_required
def resource_detail(request: ActorRequest, pk: int) -> HttpResponse:
    """One resource: what it is, where to find it, the units it develops and its topics."""
    resource = get_resource_for_actor(request.actor, pk)
    context = {
        "resource": resource,
        "units": resource_units(resource),
        "topics": [t for t in resource.topics.splitlines() if t.strip()],
        "can_manage": can_manage_resource(request.actor, resource),
    }
    return render(request, "learning/detail.html", context)


def _form_page(
    request: ActorRequest, form: ResourceForm, owner: Agency | None, resource: LearningResource | None
) -> HttpResponse:
    """The add or edit form, with the owner's units as a reference for the unit codes."""
    context = {
        "form": form,
        "resource": resource,
        "shared": owner is None,
        "unit_groups": unit_choices(owner),
    }
    return render(request, "learning/form.html", context)


def _create(request: ActorRequest, owner: Agency | None) -> HttpResponse:
    """Add a resource to the owner's catalog (a department's, or the shared one)."""
    form = ResourceForm(request.POST or None, lookup=UnitLookup(owner))
    if request.method == "POST" and form.is_valid():
        try:
            resource = resource_create(actor=request.actor, agency=owner, data=form.to_input())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The learning resource has been added."))
            return redirect("learning:detail", pk=resource.pk)
    return _form_page(request, form, owner, None)


@require_http_methods(["GET", "POST"])
@login_required
def resource_create_view(request: ActorRequest) -> HttpResponse:
    """HR administrators add a resource of their department."""
    return _create(request, require_role(request.actor, Role.HR_ADMIN))


@require_http_methods(["GET", "POST"])
@login_required
def shared_create_view(request: ActorRequest) -> HttpResponse:
    """System administrators add a resource every department sees."""
    require_system_admin(request.actor)
    return _create(request, None)


@require_http_methods(["GET", "POST"])
@login_required
def resource_edit(request: ActorRequest, pk: int) -> HttpResponse:
    """Change a resource (its department's HR, or a system administrator for a shared one)."""
    resource = get_resource_for_actor(request.actor, pk, manage=True)
    form = ResourceForm(
        request.POST or None, initial=ResourceForm.initial_of(resource), lookup=UnitLookup(resource.agency)
    )
    if request.method == "POST" and form.is_valid():
        try:
            resource_update(actor=request.actor, resource=resource, data=form.to_input())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The learning resource has been saved."))
            return redirect("learning:detail", pk=resource.pk)
    return _form_page(request, form, resource.agency, resource)


@require_POST
@login_required
def resource_deactivate_view(request: ActorRequest, pk: int) -> HttpResponse:
    """Take a resource out of the catalog and the suggestions."""
    resource = get_resource_for_actor(request.actor, pk, manage=True)
    resource_deactivate(actor=request.actor, resource=resource)
    messages.success(request, _("The learning resource has been deactivated."))
    return redirect("learning:detail", pk=resource.pk)


@require_POST
@login_required
def resource_activate_view(request: ActorRequest, pk: int) -> HttpResponse:
    """Put a deactivated resource back in the catalog."""
    resource = get_resource_for_actor(request.actor, pk, manage=True)
    resource_activate(actor=request.actor, resource=resource)
    messages.success(request, _("The learning resource is back in the catalog."))
    return redirect("learning:detail", pk=resource.pk)


def _import(request: ActorRequest, owner: Agency | None) -> HttpResponse:
    """Check or import a file into the owner's catalog; show the figures or every error."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = resources_import(
                actor=request.actor,
                agency=owner,
                source=upload,
                filename=upload.name,
                dry_run="check" in request.POST,
            )
        except TableError as exc:
            form.add_error("file", str(exc))
    context: dict[str, Any] = {
        "form": form,
        "result": result,
        "shared": owner is None,
        "columns": COLUMNS,
        "kinds": [(code, label, KIND_THAI[code]) for code, label in ResourceKind.choices],
        "languages": [(code, label, LANGUAGE_THAI[code]) for code, label in ResourceLanguage.choices],
    }
    return render(request, "learning/import.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def import_view(request: ActorRequest) -> HttpResponse:
    """HR administrators import resources into their department's catalog."""
    return _import(request, require_role(request.actor, Role.HR_ADMIN))


@require_http_methods(["GET", "POST"])
@login_required
def shared_import_view(request: ActorRequest) -> HttpResponse:
    """System administrators import the shared resources."""
    require_system_admin(request.actor)
    return _import(request, None)


@require_GET
@login_required
def import_template(request: ActorRequest) -> HttpResponse:
    """The blank import template (CSV), for those who may import."""
    if not request.actor.has(Role.SYSTEM_ADMIN):
        require_role(request.actor, Role.HR_ADMIN)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="learning-resources-template.csv"'
    write_template(response)  # type: ignore[arg-type]  # HttpResponse is a writable binary file
    return response
